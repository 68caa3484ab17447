/**
 * Sockets the page hook cannot reach: a dedicated Worker's WebSocket. Content scripts do not
 * run in workers, so its frames are not captured; the panel must say that such a socket exists
 * (from the browser's own view of the handshake) instead of silently missing it — also when
 * the worker opened it before the panel was (`workerFirst`: the background kept the handshake).
 * Shared by the Chromium and Firefox test files.
 */
import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { panelCount, waitFor } from '../helpers/panel';
import type { TestServer } from '../helpers/servers';

export async function checkWorkerSocketIsReported(server: TestServer, page: Page, openPanel: (page: Page) => Promise<Page | Frame>, workerFirst = false): Promise<void> {
  server.received.length = 0;
  server.page('/worker', `<script>
    const page = new WebSocket('${server.wsUrl}/echo?from=page');
    page.onopen = () => page.send('from page');
    window.startWorker = () => new Worker(URL.createObjectURL(new Blob([
      "const ws = new WebSocket('${server.wsUrl}/echo?from=worker'); ws.onopen = () => ws.send('from worker');"
    ], { type: 'text/javascript' })));
  </script>`);
  await page.goto(`${server.url}/worker`);
  const startWorker = async () => {
    await page.evaluate(() => (window as any).startWorker());
    await waitFor(() => server.received.some((m) => m.text === 'from worker'), 'the worker socket at the server');
  };
  if (workerFirst) await startWorker();
  const panel = await openPanel(page);
  await waitFor(async () => (await panelCount(panel)) === '2 frames', 'the page socket');
  if (!workerFirst) await startWorker();
  const notices = () => panel.$$eval('[data-testid="uncaptured"]', (els) => els.map((e) => e.textContent ?? ''));
  await waitFor(async () => (await notices()).length > 0, 'the uncaptured notice', 10_000);
  const uncaptured = await notices();
  expect(uncaptured).toHaveLength(1);
  expect(uncaptured[0]).toContain(`${server.wsUrl}/echo?from=worker`);
  expect(uncaptured[0]).toContain('frames not captured');
  expect(await panelCount(panel)).toBe('2 frames');
}
