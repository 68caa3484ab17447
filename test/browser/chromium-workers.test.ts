/** Chromium: a worker's socket is reported as uncaptured (see worker-socket.ts). */
import { test } from 'vitest';
import { useChromium, useServer } from '../helpers/lifecycle';
import { openPanelAsTab, type Chromium } from '../helpers/chromium';
import { checkWorkerSocketIsReported } from './worker-socket';

const server = useServer();
const chromium = useChromium();

test('a worker\'s socket is shown as uncaptured; the page\'s own socket is captured', async () => {
  await checkWorkerSocketIsReported(server, await chromium.browser.newPage(), (page) => openPanelAsTab(chromium, page));
});

test('a worker\'s socket opened before the panel is still listed as uncaptured', async () => {
  await checkWorkerSocketIsReported(server, await chromium.browser.newPage(), (page) => openPanelAsTab(chromium, page), true);
});
