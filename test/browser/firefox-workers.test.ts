/** Firefox ESR: a worker's socket is reported as uncaptured (see worker-socket.ts). */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, test } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';
import { checkWorkerSocketIsReported } from './worker-socket';

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

async function openPanel(page: Page): Promise<Page> {
  const panel = await firefox.browser.newPage();
  // A moz-extension:// navigation may never resolve here: wait for the content instead.
  panel.goto(`${firefox.extensionOrigin}/src/panel/panel.html?tabUrl=${encodeURIComponent(page.url())}`).catch(() => {});
  await waitFor(() => panel.$('[data-testid="count"], [data-testid="empty"]'), 'the panel');
  return panel;
}

test('a worker\'s socket is shown as uncaptured; the page\'s own socket is captured', async () => {
  await checkWorkerSocketIsReported(server, await firefox.browser.newPage(), openPanel);
});
