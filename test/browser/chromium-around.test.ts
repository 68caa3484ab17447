/**
 * Chromium: constructors reached around the patch are captured (see around-the-patch.ts).
 * Whether Chromium injects into a data: frame varies: that socket is captured or listed as uncaptured.
 */
import { afterAll, beforeAll, test } from 'vitest';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { startTestServer, type TestServer } from '../helpers/servers';
import { checkAroundThePatch, serveAroundPage } from './around-the-patch';

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

test('new iframes, srcdoc, blob: frames and the prototype\'s constructor are captured', async () => {
  const page = await chromium.browser.newPage();
  await page.goto(serveAroundPage(server));
  const panel = await openPanelAsTab(chromium, page);
  await checkAroundThePatch(server, page, panel, ['blank-iframe', 'srcdoc', 'proto-constructor', 'blob-frame']);
});
