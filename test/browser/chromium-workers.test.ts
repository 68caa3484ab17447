/** Chromium: a worker's socket is reported as uncaptured (see worker-socket.ts). */
import { afterAll, beforeAll, test } from 'vitest';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { startTestServer, type TestServer } from '../helpers/servers';
import { checkWorkerSocketIsReported } from './worker-socket';

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

test('a worker\'s socket is shown as uncaptured; the page\'s own socket is captured', async () => {
  await checkWorkerSocketIsReported(server, await chromium.browser.newPage(), (page) => openPanelAsTab(chromium, page));
});

test('a worker\'s socket opened before the panel is still listed as uncaptured', async () => {
  await checkWorkerSocketIsReported(server, await chromium.browser.newPage(), (page) => openPanelAsTab(chromium, page), true);
});
