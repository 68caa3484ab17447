/**
 * Big frames. (1) A 32 MB JSON text and a 32 MB binary message, each sent to an echo server
 * (so captured as sent and received) and then previewed: the received row is clicked and
 * its details open. Long tasks (≥ 50 ms) are recorded in the page and in the panel (real
 * DevTools); the same page without the extension gives the page's own baseline.
 * (2) Ten 32 MB binary frames sent in one task: do they all reach the panel? Then the same
 * ten one at a time: the panel's JS heap (V8 heap + ArrayBuffers, after GC).
 */
import type { Frame, Page } from 'puppeteer-core';
import { epochNow, firstPage, heapAfterGc, launch, openDevToolsOn, openOurPanel, panelTotal, recordLongTasks, until } from './lib/browser';
import { MB, mb, type Detail, type Metric, type SuiteResult } from './lib/metrics';
import { PAGES } from './lib/pages';
import { startSink } from './sink-server';

const SIZE = 32 * MB;
const KINDS = ['text', 'binary'] as const;
const longest = (t: number[]) => (t.length ? Math.max(...t) : 0);
const list = (t: number[]) => (t.length ? t.map((d) => d.toFixed(0)).join(' ') + ' ms' : 'none ≥ 50 ms');

async function settle(ms = 500) { await new Promise((r) => setTimeout(r, ms)); }

async function preview(panel: Frame): Promise<number> {
  const t0 = Date.now();
  await panel.evaluate(`(() => {
    const rows = [...document.querySelectorAll('[data-testid="frame-row"][data-dir="received"]')];
    rows.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).at(-1).click();
  })()`);
  await until(async () => (await panel.$eval('[data-testid="details"]', (e) => e.textContent ?? '').catch(() => '')).includes('MB'), 'the details pane', 120_000, 20);
  return Date.now() - t0;
}

export async function benchBigFrames(): Promise<SuiteResult> {
  const sink = await startSink(PAGES);
  const metrics: Metric[] = [];
  const rows: Detail[] = [];
  try {
    // The page's own cost of sending and receiving 32 MB without the extension, without and with
    // DevTools open (DevTools' network instrumentation works on the page's thread too).
    const baseline: Record<string, number[]> = {};
    for (const devtools of [false, true]) {
      const plain = await launch(false);
      try {
        const page = await firstPage(plain);
        await page.goto(`${sink.url}/big-page`);
        if (devtools) await openDevToolsOn(page, 'network');
        for (const kind of KINDS) {
          await page.evaluate(`prepare('${kind}', ${SIZE})`);
          await settle();
          const long = await recordLongTasks(page);
          const since = await epochNow(page);
          await page.evaluate(`sendBig('${kind}', 1, '/echo')`);
          await settle(devtools ? 3000 : 500);
          baseline[`${kind}${devtools ? '+devtools' : ''}`] = await long(since);
        }
      } finally { await plain.close(); }
    }

    const chromium = await launch(true);
    try {
      const page: Page = await firstPage(chromium);
      await page.goto(`${sink.url}/big-page`);
      const panel = await openOurPanel(chromium, page);
      let expected = 0;
      for (const kind of KINDS) {
        const bytes = await page.evaluate(`prepare('${kind}', ${SIZE})`) as number;
        await settle();
        const pageLong = await recordLongTasks(page), panelLong = await recordLongTasks(panel.frame);
        const since = await epochNow(page);
        const t0 = Date.now();
        await page.evaluate(`sendBig('${kind}', 1, '/echo')`);
        const echoed = Date.now() - t0;
        expected += 2;
        await until(async () => (await panelTotal(panel.frame)) >= expected, `both ${kind} frames in the panel`, 180_000, 20);
        const captured = Date.now() - t0;
        const opened = await preview(panel.frame);
        await settle();
        const inPage = await pageLong(since), inPanel = await panelLong(since);
        const label = kind === 'text' ? '32 MB JSON text' : '32 MB binary';
        metrics.push(
          { id: `big.${kind}.page-longest`, label: `${label} sent + echoed + previewed: longest task in the page`, value: Math.max(50, longest(inPage)), shown: inPage.length ? `${longest(inPage).toFixed(0)} ms` : '< 50 ms', unit: 'ms', budget: { op: '<=', value: 200 } },
          { id: `big.${kind}.panel-longest`, label: `${label} sent + echoed + previewed: longest task in the panel`, value: Math.max(50, longest(inPanel)), shown: inPanel.length ? `${longest(inPanel).toFixed(0)} ms` : '< 50 ms', unit: 'ms', budget: { op: '<=', value: 200 } },
        );
        rows.push(
          { frame: label, measure: 'payload', value: `${(bytes / MB).toFixed(1)} MB` },
          { frame: label, measure: 'page long tasks without the extension (baseline)', value: list(baseline[kind]) },
          { frame: label, measure: 'page long tasks without the extension, DevTools open on Network', value: list(baseline[`${kind}+devtools`]) },
          { frame: label, measure: 'page long tasks with the extension, our panel open', value: list(inPage) },
          { frame: label, measure: 'panel long tasks', value: list(inPanel) },
          { frame: label, measure: 'send() → echo back in the page', value: `${echoed} ms` },
          { frame: label, measure: 'send() → both rows in the panel', value: `${captured} ms` },
          { frame: label, measure: 'click → details shown', value: `${opened} ms` },
        );
      }
    } finally { await chromium.close(); }

    // Ten 32 MB binary frames, back to back (one task) and then one at a time: the panel's heap.
    for (const burst of [true, false]) {
      const ten = await launch(true);
      try {
        const page = await firstPage(ten);
        await page.goto(`${sink.url}/big-page`);
        const panel = await openOurPanel(ten, page);
        const before = await heapAfterGc(panel.cdp);
        await page.evaluate(`prepare('binary', ${SIZE})`);
        const t0 = Date.now();
        if (burst) {
          await page.evaluate(`sendBig('binary', 10, '/sink')`);
          await until(async () => (await panelTotal(panel.frame)) >= 10, 'ten big frames in the panel', 60_000, 250).catch(() => {});
          const shown = await panelTotal(panel.frame);
          metrics.push({ id: 'big.burst-complete', label: 'ten 32 MB binary frames sent in one task: frames shown ÷ sent', value: shown / 10, shown: `${shown} / 10`, budget: { op: '>=', value: 1 }, tolerance: 0 });
          rows.push({ frame: '10 × 32 MB binary, one task', measure: 'frames in the panel 60 s later', value: `${shown} / 10 (page busy ${Date.now() - t0} ms in send())` });
          continue;
        }
        for (let i = 1; i <= 10; i++) {
          await page.evaluate(`sendBig('binary', 1, '/sink')`);
          await until(async () => (await panelTotal(panel.frame)) >= i, `big frame ${i} in the panel`, 120_000, 100);
        }
        const shownMs = Date.now() - t0;
        const after = await heapAfterGc(panel.cdp);
        const pageHeap = await heapAfterGc(await page.createCDPSession());
        metrics.push({ id: 'memory.ten-32mb', label: 'panel JS heap with ten 32 MB binary frames (sent one by one)', value: mb(after.total), unit: 'MB' });
        rows.push(
          { frame: '10 × 32 MB binary, one by one', measure: 'panel JS heap after GC (V8 heap + array buffers)', value: `${mb(before.total).toFixed(0)} → ${mb(after.total).toFixed(0)} MB (${((after.total - before.total) / (10 * SIZE)).toFixed(2)} bytes per payload byte)` },
          { frame: '10 × 32 MB binary, one by one', measure: 'page renderer heap after GC (page + relay backlog)', value: `${mb(pageHeap.total).toFixed(0)} MB (V8 ${mb(pageHeap.used).toFixed(0)}, array buffers ${mb(pageHeap.backing).toFixed(0)})` },
          { frame: '10 × 32 MB binary, one by one', measure: 'first send() → tenth row in the panel', value: `${shownMs} ms` },
        );
      } finally { await ten.close(); }
    }
  } finally {
    await sink.close();
  }
  return { metrics, details: [{ title: 'Long tasks (≥ 50 ms) and timings', rows }] };
}
