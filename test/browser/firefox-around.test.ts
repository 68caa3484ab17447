/**
 * Firefox ESR: constructors reached around the patch are captured (see around-the-patch.ts).
 * Firefox runs no content script in data: or blob: frames: their sockets are listed as uncaptured.
 */
import { afterAll, beforeAll, test } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { openFirefoxPanelTab } from './shared/firefox-panel';
import { startTestServer, type TestServer } from '../helpers/servers';
import { checkAroundThePatch, serveAroundPage } from './around-the-patch';

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

test('new iframes, srcdoc frames and the prototype\'s constructor are captured', async () => {
  const page = await firefox.browser.newPage();
  const url = serveAroundPage(server);
  await page.goto(url);
  const panel = await openFirefoxPanelTab(firefox, url, 1400, '[data-testid="count"], [data-testid="empty"]');
  await checkAroundThePatch(server, page, panel, ['blank-iframe', 'srcdoc', 'proto-constructor']);
});
