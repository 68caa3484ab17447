/**
 * Panel with 1,000,000 frames: a real page sends them through the real pipeline
 * (hook → relay → background → panel in the real DevTools); then we time filtering,
 * search and scrolling in the panel and read its JS heap after a full GC.
 * FRAMES=n overrides the count.
 */
import type { Frame } from 'puppeteer-core';
import { firstPage, heapAfterGc, launch, openOurPanel, panelTotal, until } from './lib/browser';
import { mb, type Metric, type SuiteResult } from './lib/metrics';
import { PAGES } from './lib/pages';
import { startSink } from './sink-server';

const N = Number(process.env.FRAMES ?? 1_000_000);

/** Sets an input's value as typing would, then waits for the re-render (two animation frames). */
function timeInput(panel: Frame, testid: string, value: string): Promise<[number, string]> {
  return panel.evaluate(`(async () => {
    const input = document.querySelector('[data-testid="${testid}"]');
    const start = performance.now();
    input.value = ${JSON.stringify(value)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return [performance.now() - start, document.querySelector('[data-testid="count"]').textContent];
  })()`) as Promise<[number, string]>;
}

const SCROLL = `(async () => {
  const el = document.querySelector('[data-testid="frames"]');
  const times = [];
  for (let i = 0; i < 40; i++) {
    const start = performance.now();
    el.scrollTop = (el.scrollHeight - el.clientHeight) * ((i * 37) % 40) / 40;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[20], max: times[39] };
})()`;

export async function benchPanelMillion(): Promise<SuiteResult> {
  const sink = await startSink(PAGES);
  const chromium = await launch(true);
  const rows: Array<{ measure: string; value: string }> = [];
  const add = (measure: string, value: string) => rows.push({ measure, value });
  try {
    const page = await firstPage(chromium);
    await page.goto(`${sink.url}/big-page`);
    const { frame: panel, cdp } = await openOurPanel(chromium, page);
    const t0 = Date.now();
    await page.evaluate(`flood(${N}, 0)`);
    const sent = Date.now() - t0;
    await until(async () => (await panelTotal(panel)) >= N, `${N} frames in the panel`, 900_000, 250);
    const shown = Date.now() - t0;
    add('frames sent by the page / server received', `${N} / ${sink.counts.received}`);
    add('page send loop (5000 frames per task)', `${sent} ms`);
    add('first send() → panel shows all', `${shown} ms (${Math.round(N / (shown / 1000))} frames/s)`);
    const heap = await heapAfterGc(cdp);
    add('panel JS heap after GC', `${mb(heap.total).toFixed(0)} MB (${Math.round(heap.total / N)} B per frame)`);

    for (const [label, q] of [['filter "room":"r3"', '"room":"r3"'], ['filter /seq":\\d*7,/', '/seq":\\d*7,/'], ['clear filter', '']] as const) {
      const [ms, count] = await timeInput(panel, 'filter', q);
      add(label, `${ms.toFixed(0)} ms (${count})`);
    }
    const [searchMs] = await timeInput(panel, 'search', `"seq":${N - 1},`);
    add('search one payload among all', `${searchMs.toFixed(0)} ms (${await panel.$eval('[data-testid="search-status"]', (e) => e.textContent)})`);
    await timeInput(panel, 'search', '');
    const scroll = await panel.evaluate(SCROLL) as { p50: number; max: number };
    add('scroll jump to a random place (2 frames incl.)', `p50 ${scroll.p50.toFixed(0)} ms, max ${scroll.max.toFixed(0)} ms`);

    const metrics: Metric[] = [
      { id: 'memory.million', label: `panel JS heap with ${N.toLocaleString('en')} small frames`, value: mb(heap.total), unit: 'MB', budget: { op: '<=', value: 300 } },
      { id: 'million.ingest-rate', label: `${N.toLocaleString('en')} frames flooded: frames per second until all shown`, value: N / (shown / 1000), shown: `${Math.round(N / (shown / 1000))} /s` },
    ];
    return { metrics, details: [{ title: `${N.toLocaleString('en')} frames through the real pipeline, our panel in DevTools`, rows }] };
  } finally {
    await chromium.close();
    await sink.close();
  }
}
