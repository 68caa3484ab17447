/** Security (suites/security.ts) in Firefox ESR, on the panel page as a tab (`?tabUrl=`). */
import { FIREFOX_DIST } from '../helpers/firefox';
import { useFirefox, useServer } from '../helpers/lifecycle';
import { openFirefoxPanelTab } from './shared/firefox-panel';
import { defineSecuritySuite } from './suites/security';

const server = useServer();
const firefox = useFirefox();

defineSecuritySuite({
  newPage: () => firefox.browser.newPage(),
  openPanel: (page) => openFirefoxPanelTab(firefox, page.url(), 1400, '#app > *'),
  extensionOrigin: () => firefox.extensionOrigin,
  dist: FIREFOX_DIST,
  refusedLoad: /^page pageerror: Security Error: Content at \S+ may not load or link to moz-extension:/,
}, () => server);
