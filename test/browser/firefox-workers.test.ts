/** Firefox ESR: a worker's socket is reported as uncaptured (see worker-socket.ts). */
import type { Page } from 'puppeteer-core';
import { test } from 'vitest';
import { useFirefox, useServer } from '../helpers/lifecycle';
import { type Firefox } from '../helpers/firefox';
import { openFirefoxPanelTab } from './shared/firefox-panel';
import { checkWorkerSocketIsReported } from './worker-socket';

const server = useServer();
const firefox = useFirefox();

const openPanel = (page: Page) => openFirefoxPanelTab(firefox, page.url(), 1400, '[data-testid="count"], [data-testid="empty"]');

test('a worker\'s socket is shown as uncaptured; the page\'s own socket is captured', async () => {
  await checkWorkerSocketIsReported(server, await firefox.browser.newPage(), openPanel);
});

test('a worker\'s socket opened before the panel is still listed as uncaptured', async () => {
  await checkWorkerSocketIsReported(server, await firefox.browser.newPage(), openPanel, true);
});
