/**
 * Chromium: captured frames survive a service-worker restart without loss or duplicates,
 * and a reload starts a new session unless "Preserve log" is on.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPanelAsTab, stopServiceWorker, type Chromium } from '../helpers/chromium';
import { panelCount, panelRows, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';
import { restartMidBurst } from './suites/restart';

let chromium: Chromium;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  chromium = await launchChromium();
  server.page('/burst', `<script>
    const ws = new WebSocket('${server.wsUrl}/echo');
    window.burst = (from, n) => { for (let i = from; i < from + n; i++) ws.send('msg-' + i); };
    ws.onopen = () => window.burst(0, 50);
  </script>`);
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

test('a service-worker restart loses nothing and doubles nothing', async () => {
  const page = await chromium.browser.newPage();
  await page.goto(`${server.url}/burst`);
  const panel = await openPanelAsTab(chromium, page);
  await waitFor(async () => (await panelCount(panel)) === '100 frames', '50 sent + 50 echoed');

  await stopServiceWorker(chromium);
  // Sent while the worker is down: the relay keeps them; the panel reconnects and resyncs.
  await page.evaluate(() => (window as any).burst(50, 50));
  await waitFor(async () => (await panelCount(panel)) === '200 frames', 'frames sent during the restart', 20_000);
  await stopServiceWorker(chromium);
  await page.evaluate(() => (window as any).burst(100, 25));
  await waitFor(async () => (await panelCount(panel)) === '250 frames', 'frames after a second restart', 20_000);
  await new Promise((r) => setTimeout(r, 500));
  expect(await panelCount(panel)).toBe('250 frames');
  const last = (await panelRows(panel)).at(-1)!;
  expect(`${last.dir} ${last.preview}`).toBe('received msg-124');
  expect(server.received.map((m) => m.text)).toEqual(Array.from({ length: 125 }, (_, i) => `msg-${i}`));
  await panel.close();
  await page.close();
});

test('a service-worker restart mid-burst, after the page\'s backlog evicted frames the panel had: nothing counted lost', async () => {
  await restartMidBurst({
    newPage: () => chromium.browser.newPage(),
    openPanel: (page) => openPanelAsTab(chromium, page),
    async restartBackground() {
      // Right after a restart puppeteer may still hand out the old worker's target: try again.
      for (let attempt = 1; ; attempt++) {
        try { await stopServiceWorker(chromium); return; } catch (e) { if (attempt === 3) throw e; }
        await new Promise((r) => setTimeout(r, 300));
      }
    },
  }, server);
}, 180_000);

test('reload starts a new session; with Preserve log the old frames stay', async () => {
  const page = await chromium.browser.newPage();
  await page.goto(`${server.url}/burst`);
  const panel = await openPanelAsTab(chromium, page);
  await waitFor(async () => (await panelCount(panel)) === '100 frames', 'first page load');

  await page.reload();
  await waitFor(async () => (await panelCount(panel)) === '100 frames' && (await page.evaluate(() => performance.now())) > 0, 'reloaded page');
  await new Promise((r) => setTimeout(r, 500));
  expect(await panelCount(panel)).toBe('100 frames');

  await panel.click('[data-testid="preserve-log"]');
  await page.reload();
  await waitFor(async () => (await panelCount(panel)) === '200 frames', 'preserved frames plus the new load');

  await panel.click('[data-testid="clear"]');
  expect(await panelCount(panel)).toBe('0 frames');
  await page.evaluate(() => (window as any).burst(1000, 1));
  await waitFor(async () => (await panelCount(panel)) === '2 frames', 'only frames after Clear');
});

test('an empty panel says what it captures and since when', async () => {
  server.page('/quiet', '<p>no sockets here</p>');
  const page = await chromium.browser.newPage();
  await page.goto(`${server.url}/quiet`);
  const panel = await openPanelAsTab(chromium, page);
  const hint = await panel.$eval('[data-testid="empty"]', (e) => e.textContent ?? '');
  expect(hint).toContain('from the moment the page starts loading');
  expect(hint).toContain('npm start');
});
