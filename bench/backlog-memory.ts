/**
 * The per-tab backlog while DevTools is closed: the relay (isolated world) shares the page's
 * V8 isolate, so the page's heap after a full GC — V8 heap plus ArrayBuffer backing stores,
 * from CDP Runtime.getHeapUsage — with the extension, minus the same without it, is what
 * the backlog keeps. It must stay under the configured cap (src/relay/backlog.ts
 * DEFAULT_LIMITS: 100,000 frames, 64 MiB of payload).
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { firstPage, heapAfterGc, launch, until } from './lib/browser';
import { MB, mb, type Detail, type Metric, type SuiteResult } from './lib/metrics';
import { PAGES } from './lib/pages';
import { startSink } from './sink-server';

const CAP_BYTES = 64 * MB;

interface Scenario { id: string; label: string; script: string; frames: number }
const SCENARIOS: Scenario[] = [
  { id: 'idle', label: 'nothing (an idle page: our scripts\' own heap)', script: '0', frames: 0 },
  { id: 'small', label: '300,000 small text frames (~60 B)', script: 'flood(300000, 60)', frames: 300_000 },
  { id: 'text', label: '200 × 1 MB text frames', script: `(async () => { await prepare('text', ${MB}); return sendBig('text', 200, '/sink'); })()`, frames: 200 },
  { id: 'binary', label: '200 × 1 MB binary frames', script: `(async () => { await prepare('binary', ${MB}); return sendBig('binary', 200, '/sink'); })()`, frames: 200 },
];

/** Heap after a full GC, once it is stable (on a busy machine the relay may still be catching up). */
async function stableHeap(cdp: CDPSession): Promise<number> {
  let heap = (await heapAfterGc(cdp)).total;
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const next = (await heapAfterGc(cdp)).total;
    const stable = Math.abs(next - heap) < 0.01 * heap;
    heap = next;
    if (stable) break;
  }
  return heap;
}

export async function benchBacklog(): Promise<SuiteResult> {
  const sink = await startSink(PAGES);
  const metrics: Metric[] = [];
  const rows: Detail[] = [];
  const heaps: Record<string, Record<'without' | 'with', number>> = {};
  const note = (id: string, withExtension: boolean, bytes: number) => { (heaps[id] ??= { without: 0, with: 0 })[withExtension ? 'with' : 'without'] = bytes; };
  const send = async (page: Page, s: Scenario) => {
    const received = sink.counts.received;
    await page.evaluate(s.script);
    await until(async () => sink.counts.received - received >= s.frames, 'the server to receive every frame', 120_000);
    await page.evaluate('window.payloads = {}'); // the page drops its own references
  };
  try {
    for (const withExtension of [false, true]) {
      const chromium = await launch(withExtension);
      try {
        let page = await firstPage(chromium);
        for (const s of SCENARIOS) {
          // A fresh tab per scenario (closing the last one), so that no earlier document stays in memory.
          const next = await chromium.browser.newPage();
          await page.close();
          page = next;
          await page.goto(`${sink.url}/big-page?${s.id}`);
          await send(page, s);
          note(s.id, withExtension, await stableHeap(await page.createCDPSession()));
        }
        // Back/forward cache: three documents of one (fresh) tab each capture 100 MB, then the tab moves on.
        const next = await chromium.browser.newPage();
        await page.close();
        page = next;
        const cdp = await page.createCDPSession();
        for (let k = 0; k < 3; k++) {
          await page.goto(`${sink.url}/big-page?nav${k}`);
          await send(page, { ...SCENARIOS[2], script: SCENARIOS[2].script.replace('200,', '100,'), frames: 100 });
        }
        await page.goto(`${sink.url}/blank`);
        note('bfcache', withExtension, await stableHeap(cdp));
      } finally { await chromium.close(); }
    }
  } finally { await sink.close(); }

  const all = [...SCENARIOS, { id: 'bfcache', label: 'three pages of one tab × 100 × 1 MB text, then a fourth page (the three stay in the back/forward cache)' }];
  const added = (id: string) => heaps[id].with - heaps[id].without;
  const fixed = added('idle');
  for (const s of all) {
    const backlog = s.id === 'idle' ? added(s.id) : added(s.id) - (s.id === 'bfcache' ? 4 : 1) * fixed;
    if (s.id === 'idle') metrics.push({ id: 'backlog.idle', label: 'our content scripts\' heap in an idle page (hook + relay)', value: mb(backlog), unit: 'MB' });
    else metrics.push({ id: `backlog.${s.id}`, label: `per-tab backlog, DevTools closed, ${s.label}`, value: mb(backlog), unit: 'MB', budget: { op: '<=', value: CAP_BYTES / MB } });
    rows.push({
      'the page sent': s.label, 'heap without extension': `${mb(heaps[s.id].without).toFixed(1)} MB`, 'with extension': `${mb(heaps[s.id].with).toFixed(1)} MB`,
      'backlog (added − idle scripts)': s.id === 'idle' ? '—' : `${mb(backlog).toFixed(1)} MB`, cap: '100,000 frames / 64 MiB per document',
    });
  }
  return { metrics, details: [{ title: 'Page renderer heap after GC (V8 heap + ArrayBuffers), DevTools never opened', rows }] };
}
