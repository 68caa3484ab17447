/**
 * Panel with 1,000,000 frames: a real page sends them through the real pipeline
 * (hook → relay → background → panel); then we time filtering and scrolling in the panel
 * and read its JS heap. Prints a table; no pass/fail (see README's budgets).
 */
import { launchChromium, openPanelAsTab } from '../test/helpers/chromium';
import { panelCount, waitFor } from '../test/helpers/panel';
import { startSink } from './sink-server';

const N = Number(process.env.FRAMES ?? 1_000_000);

export async function benchPanelMillion(): Promise<Array<[string, string]>> {
  const sink = await startSink({
    '/flood': `<script>
      window.flood = (n) => new Promise((done) => {
        const ws = new WebSocket(location.origin.replace('http', 'ws') + '/sink');
        ws.onopen = () => {
          let i = 0;
          const burst = () => {
            const end = Math.min(n, i + 5000);
            for (; i < end; i++) ws.send(i % 50 === 0 ? 'ping' : '{"seq":' + i + ',"room":"r' + (i % 7) + '"}');
            if (i < n) setTimeout(burst, 0); else done();
          };
          burst();
        };
      });
    </script>`,
  });
  const chromium = await launchChromium();
  const rows: Array<[string, string]> = [];
  try {
    const page = await chromium.browser.newPage();
    await page.goto(`${sink.url}/flood`);
    const panel = await openPanelAsTab(chromium, page);
    const t0 = Date.now();
    await page.evaluate((n) => (window as any).flood(n), N);
    const sent = Date.now() - t0;
    await waitFor(async () => (await panelCount(panel)) === `${N} frames`, `${N} frames in the panel`, 600_000);
    const shown = Date.now() - t0;
    rows.push(['frames sent by the page', String(N)], ['server received', String(sink.counts.received)]);
    rows.push(['page send loop', `${sent} ms`], ['until the panel shows all', `${shown} ms`]);

    const timeInput = (testid: string, value: string) => panel.evaluate(async (id, v) => {
      const input = document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
      const start = performance.now();
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return [performance.now() - start, document.querySelector('[data-testid="count"]')!.textContent] as const;
    }, testid, value);
    for (const [label, q] of [['filter "room":"r3"', '"room":"r3"'], ['filter /seq":\\d*7,/', '/seq":\\d*7,/'], ['clear filter', '']] as const) {
      const [ms, count] = await timeInput('filter', q);
      rows.push([label, `${ms.toFixed(0)} ms (${count})`]);
    }
    const [searchMs, status] = await timeInput('search', '"seq":999999');
    rows.push(['search one payload among all', `${searchMs.toFixed(0)} ms (${await panel.$eval('[data-testid="search-status"]', (e) => e.textContent)}) ${status}`]);
    await timeInput('search', '');

    const scroll = await panel.evaluate(async () => {
      const el = document.querySelector('[data-testid="frames"]') as HTMLElement;
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const start = performance.now();
        el.scrollTop = (el.scrollHeight - el.clientHeight) * ((i * 37) % 40) / 40;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return { p50: times[20], max: times[39] };
    });
    rows.push(['scroll jump to a random place (2 frames incl.)', `p50 ${scroll.p50.toFixed(0)} ms, max ${scroll.max.toFixed(0)} ms`]);
    const metrics = await panel.metrics();
    rows.push(['panel JS heap used', `${((metrics.JSHeapUsedSize ?? 0) / 1048576).toFixed(0)} MB`]);
  } finally {
    await chromium.close();
    await sink.close();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchPanelMillion();
  console.table(Object.fromEntries(rows));
}
