/**
 * Load: a page sends 100,000 small text frames in one synchronous burst to a server that
 * counts them. With the panel open before the burst, the panel must end with exactly
 * 100,000 frames and no loss. Opened after a burst larger than the page's bounded backlog,
 * what it kept plus what it reports as evicted must be exactly what was sent, and the loss visible.
 * Timings are printed: where the time goes matters as much as the totals.
 */
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { panelCount, waitFor } from '../helpers/panel';
import { DEFAULT_LIMITS } from '../../src/relay/backlog';
import { settle } from './libraries/run';
import { startLibraryServer, type LibraryServer } from './libraries/servers/base';

const FRAMES = 100_000;
/** More than the page's backlog keeps while DevTools is closed. */
const OVER_CAP = DEFAULT_LIMITS.maxFrames + 50_000;

let chromium: Chromium;
let server: LibraryServer;

beforeAll(async () => {
  server = await startLibraryServer();
  server.wss({ path: '/count' }); // counts what it receives (servers/counting.ts), sends nothing
  server.page('/burst', `<!doctype html><script>
    const ws = new WebSocket('${server.wsUrl}/count');
    ws.onopen = () => { window.ready = true; };
    window.burst = (n) => {
      const start = performance.now();
      for (let i = 0; i < n; i++) ws.send('frame ' + i);
      return performance.now() - start;
    };
  </script>`);
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** Opens the burst page on its own socket; returns it and that socket's server-side count. */
async function openBurstPage(label: string) {
  const page = await chromium.browser.newPage();
  onTestFinished(() => page.close().catch(() => {}));
  await page.goto(`${server.url}/burst?test=${label}`);
  await waitFor(() => page.evaluate(() => (window as any).ready), 'the socket to open');
  const count = server.counter.connections.at(-1)!;
  return { page, count };
}

async function openPanel(page: Page): Promise<Page> {
  const panel = await openPanelAsTab(chromium, page);
  onTestFinished(() => panel.close().catch(() => {}));
  return panel;
}

const framesShown = async (panel: Page) => Number(/^(\d+) frames$/.exec(await panelCount(panel))?.[1] ?? NaN);
/** "80,000 frames evicted before DevTools opened" → 80000 (the number is locale-formatted); 0 when absent. */
const evictedShown = (panel: Page) => panel.$eval('[data-testid="lost"]', (e) => e.textContent ?? '')
  .then((text) => Number(/^(.*?) frames evicted/.exec(text)?.[1].replace(/\D/g, '') || NaN), () => 0);

test('panel open before the burst: exactly 100000 frames, nothing lost', async () => {
  const { page, count } = await openBurstPage('panel-first');
  const panel = await openPanel(page);
  // The connection entry shows the panel is subscribed and the page's relay is forwarding live.
  await waitFor(() => panel.$('[data-testid="connection"]'), 'the connection in the panel');

  const t0 = Date.now();
  const burstMs = await page.evaluate((n) => (window as any).burst(n), FRAMES);
  await waitFor(() => count.received === FRAMES, 'the server to receive every frame', 60_000);
  const serverMs = Date.now() - t0;
  await waitFor(async () => (await framesShown(panel)) >= FRAMES, 'the panel to show every frame', 60_000).catch(() => {});
  const panelMs = Date.now() - t0;
  await settle(); // nothing more may arrive
  console.log(`panel first: send loop ${burstMs.toFixed(0)} ms in the page; server had all after ${serverMs} ms; panel after ${panelMs} ms`);

  expect(count.received).toBe(FRAMES);
  expect(await panelCount(panel)).toBe(`${FRAMES} frames`);
  expect(await panel.$('[data-testid="lost"]')).toBeNull();
  expect(await panel.$('[data-testid="dropped"]')).toBeNull();
  expect(await panel.$eval('[data-testid="connection"]', (e) => e.textContent)).toContain(`↑${FRAMES} (`);
});

test('panel opened after a burst over the backlog cap: frames shown + evicted = all, eviction shown', async () => {
  const { page, count } = await openBurstPage('panel-after');
  const t0 = Date.now();
  const burstMs = await page.evaluate((n) => (window as any).burst(n), OVER_CAP);
  await waitFor(() => count.received === OVER_CAP, 'the server to receive every frame', 60_000);
  const serverMs = Date.now() - t0;

  const t1 = Date.now();
  const panel = await openPanel(page);
  await waitFor(async () => (await framesShown(panel)) + (await evictedShown(panel)) >= OVER_CAP, 'the backlog in the panel', 60_000).catch(() => {});
  const panelMs = Date.now() - t1;
  await settle();
  const shown = await framesShown(panel);
  const evicted = await evictedShown(panel);
  console.log(`panel after: send loop ${burstMs.toFixed(0)} ms; server had all after ${serverMs} ms; ` +
    `panel opened and showed the backlog in ${panelMs} ms: ${shown} frames + ${evicted} evicted`);

  expect(count.received).toBe(OVER_CAP);
  expect(shown + evicted).toBe(OVER_CAP);
  expect(shown).toBe(DEFAULT_LIMITS.maxFrames);
  // Over the backlog's default cap: the oldest frames were evicted, and the panel says so.
  expect(evicted).toBeGreaterThan(0);
  expect(await panel.$eval('[data-testid="lost"]', (e) => (e as HTMLElement).offsetParent !== null)).toBe(true);
});
