/** Security (suites/security.ts) in Firefox ESR, on the panel page as a tab (`?tabUrl=`). */
import { afterAll, beforeAll } from 'vitest';
import { FIREFOX_DIST, launchFirefox, type Firefox } from '../helpers/firefox';
import { startTestServer, type TestServer } from '../helpers/servers';
import { openFirefoxPanelTab } from './shared/firefox-panel';
import { defineSecuritySuite } from './suites/security';

let firefox: Firefox;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

defineSecuritySuite({
  newPage: () => firefox.browser.newPage(),
  openPanel: (page) => openFirefoxPanelTab(firefox, page.url(), 1400, '#app > *'),
  extensionOrigin: () => firefox.extensionOrigin,
  dist: FIREFOX_DIST,
  refusedLoad: /^page pageerror: Security Error: Content at \S+ may not load or link to moz-extension:/,
}, () => server);
