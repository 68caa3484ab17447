/**
 * A background restart in the middle of a burst, in any browser (Chromium stops its service worker,
 * Firefox terminates its event page): the relay that reconnects says hello and the background asks
 * it for its whole backlog. The panel already had the frames the backlog evicted since: they are not
 * lost (the panel once showed "277,001 frames evicted before DevTools opened" with every frame
 * present, and counted them again on every re-sync).
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { panelCount, waitFor } from '../../helpers/panel';
import type { TestServer } from '../../helpers/servers';
import { DEFAULT_LIMITS } from '../../../src/relay/backlog';
import { lossTexts } from './counters';

export interface RestartDriver {
  newPage(): Promise<Page>;
  openPanel(page: Page): Promise<Page>;
  /** Stops the extension's background; the next message from a page or the panel starts it again. */
  restartBackground(): Promise<void>;
}

export async function restartMidBurst(b: RestartDriver, server: TestServer): Promise<void> {
  server.page('/sink-burst', `<script>
    const ws = new WebSocket('${server.wsUrl}/sink');
    window.opened = new Promise((resolve) => { ws.onopen = resolve; });
    window.sent = 0;
    // n frames, \`chunk\` per task, so that the background can be stopped in the middle.
    window.burst = (n, chunk) => new Promise((resolve) => {
      let left = n;
      const step = () => {
        const k = Math.min(chunk, left);
        for (let i = 0; i < k; i++) ws.send('b' + (window.sent++));
        left -= k;
        if (left) setTimeout(step, 0); else resolve(window.sent);
      };
      step();
    });
  </script>`);
  const page = await b.newPage();
  await page.goto(`${server.url}/sink-burst`);
  await page.evaluate(() => (window as any).opened);
  const panel = await b.openPanel(page);
  try {
    await waitFor(() => panel.$('[data-testid="connection"]'), 'the socket in the panel (the relay is live)');
    const first = DEFAULT_LIMITS.maxFrames + 500; // over the backlog's cap: its oldest 500 frames are evicted
    await page.evaluate((n) => (window as any).burst(n, 5_000), first);
    await waitFor(async () => (await panelCount(panel)) === `${first} frames`, 'the first burst in the panel', 60_000);

    const second = page.evaluate(() => (window as any).burst(20_000, 500));
    await new Promise((r) => setTimeout(r, 100));
    await b.restartBackground();
    const total = await second;
    expect(total).toBe(first + 20_000);
    await waitFor(async () => {
      const count = await panelCount(panel);
      if (count !== `${total} frames`) throw new Error(`${count}; ${JSON.stringify(await lossTexts(panel))}`);
      return true;
    }, 'every frame after the restart', 60_000);
    await new Promise((r) => setTimeout(r, 1_000)); // late resends must not count anything either
    expect(await panelCount(panel)).toBe(`${total} frames`);
    expect(await lossTexts(panel)).toEqual({});

    // Again: a count made on each re-sync would now show twice (once 1,310,002 "evicted" of 755,000 sent).
    await b.restartBackground();
    const after = await page.evaluate(() => (window as any).burst(1_000, 100));
    await waitFor(async () => (await panelCount(panel)) === `${after} frames`, 'the frames after a second restart', 60_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await panelCount(panel)).toBe(`${after} frames`);
    expect(await lossTexts(panel)).toEqual({});
  } finally {
    await panel.close().catch(() => {});
    await page.close().catch(() => {});
  }
}
