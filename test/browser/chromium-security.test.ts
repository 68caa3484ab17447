/** Security (suites/security.ts) in Chromium, on the panel page as a tab. */
import { CHROME_DIST, openPanelAsTab } from '../helpers/chromium';
import { useChromium, useServer } from '../helpers/lifecycle';
import { defineSecuritySuite } from './suites/security';

const server = useServer();
const chromium = useChromium();

defineSecuritySuite({
  newPage: () => chromium.browser.newPage(),
  openPanel: (page) => openPanelAsTab(chromium, page),
  extensionOrigin: () => `chrome-extension://${chromium.extensionId}`,
  dist: CHROME_DIST,
  refusedLoad: /^page console: (Failed to load resource|Denying load of chrome-extension:)/,
}, () => server);
