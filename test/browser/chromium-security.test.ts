/** Security (suites/security.ts) in Chromium, on the panel page as a tab. */
import { afterAll, beforeAll } from 'vitest';
import { CHROME_DIST, launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { startTestServer, type TestServer } from '../helpers/servers';
import { defineSecuritySuite } from './suites/security';

let chromium: Chromium;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

defineSecuritySuite({
  newPage: () => chromium.browser.newPage(),
  openPanel: (page) => openPanelAsTab(chromium, page),
  extensionOrigin: () => `chrome-extension://${chromium.extensionId}`,
  dist: CHROME_DIST,
  refusedLoad: /^page console: (Failed to load resource|Denying load of chrome-extension:)/,
}, () => server);
