/**
 * Ingest: a page sends `rate` small JSON frames per second for `seconds` (paced by timers,
 * a few ms apart) while our panel is open in the real DevTools.
 *
 * Latency, send() → row in the panel: the page notes the epoch time of every 1000th send();
 * in the panel a MutationObserver on #app reads the frame count after every DOM update and
 * notes the epoch time when the count first includes that frame (frames arrive in order on
 * one socket). Both sides use performance.timeOrigin + now(), one machine, one clock.
 * Long tasks: the Long Tasks API (≥ 50 ms, wall time) in the panel and in the page; and, from a
 * Chromium trace, the CPU (thread) time of the panel's longest tasks: on 2 cores shared with the
 * page, DevTools and the service worker, a panel task's wall time is mostly waiting for a core.
 */
import { epochNow, firstPage, heapAfterGc, launch, openOurPanel, openPanelInWindow, panelTotal, recordLongTasks, until } from './lib/browser';
import { mb, percentile, type Metric, type SuiteResult } from './lib/metrics';
import { PAGES } from './lib/pages';
import { traceMainThreadTasks, type TaskTimes } from './lib/task-trace';
import { startSink } from './sink-server';

export interface IngestOptions { rate: number; seconds: number; baselines?: boolean }
const SAMPLE_EVERY = 1000;

const LATENCY_PROBE = `(() => {
  window.__seen = [];
  window.__gaps = { last: 0, max: 0 };
  const check = () => {
    const el = document.querySelector('[data-testid="count"]');
    const m = el && /(\\d+) frames/.exec(el.textContent);
    const n = m ? Number(m[1]) : 0;
    const t = performance.timeOrigin + performance.now();
    while (__seen.length * ${SAMPLE_EVERY} < n) __seen.push(t);
  };
  new MutationObserver(check).observe(document.getElementById('app'), { subtree: true, childList: true, characterData: true });
  const frame = (now) => { if (__gaps.last) __gaps.max = Math.max(__gaps.max, now - __gaps.last); __gaps.last = now; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})()`;

type Where = 'none' | 'devtools' | 'window';
interface Run {
  sent: number; loopMs: number; late: number; serverMs: number; shown: number; drainMs: number;
  latencies: number[]; panelTasks: number[]; pageTasks: number[]; gapMs: number; heapMb: number;
  /** The panel renderer's main-thread tasks (traced; the DevTools run only). */
  panelTrace: TaskTimes[];
}

/**
 * One run in a fresh browser: without the extension ('none', the browser's own capacity), or
 * with our panel in the real DevTools ('devtools', the budgeted case), or in a window of its
 * own ('window': our pipeline without DevTools' own per-frame instrumentation of the page).
 */
async function runOnce(where: Where, url: string, rate: number, seconds: number, counts: { received: number }): Promise<Run> {
  const chromium = await launch(where !== 'none');
  try {
    const page = await firstPage(chromium);
    await page.goto(url);
    const panel = where === 'devtools' ? await openOurPanel(chromium, page)
      : where === 'window' ? await openPanelInWindow(chromium, page).then((p) => ({ frame: p.page.mainFrame(), cdp: p.cdp })) : null;
    const pageLong = await recordLongTasks(page);
    const panelLong = panel ? await recordLongTasks(panel.frame) : null;
    if (panel) await panel.frame.evaluate(LATENCY_PROBE);
    const stopTrace = where === 'devtools' ? await traceMainThreadTasks(chromium) : null;
    const start = await epochNow(page);
    const received = counts.received;
    const t0 = Date.now();
    const sent = await page.evaluate(`ingest(${rate}, ${seconds}, ${SAMPLE_EVERY})`) as { sent: number; marks: number[]; ms: number; late: number };
    const sendEnd = Date.now();
    await until(async () => counts.received - received >= sent.sent, 'the server to receive all', 120_000, 20).catch(() => {});
    const serverMs = Date.now() - t0;
    if (panel) await until(async () => (await panelTotal(panel.frame)) >= sent.sent, 'every frame in the panel', 120_000, 50).catch(() => {});
    const drainMs = Date.now() - sendEnd;
    await new Promise((r) => setTimeout(r, 500));
    const panelTrace = stopTrace ? await stopTrace() : [];
    const seen = panel ? await panel.frame.evaluate('__seen') as number[] : [];
    return {
      sent: sent.sent, loopMs: sent.ms, late: sent.late, serverMs, drainMs,
      shown: panel ? await panelTotal(panel.frame) : 0,
      latencies: sent.marks.map((t, i) => seen[i] - t).filter((v) => Number.isFinite(v)),
      pageTasks: await pageLong(start), panelTasks: panelLong ? await panelLong(start) : [],
      gapMs: panel ? await panel.frame.evaluate('__gaps.max') as number : 0,
      heapMb: panel ? mb((await heapAfterGc(panel.cdp)).total) : 0,
      panelTrace,
    };
  } finally { await chromium.close(); }
}

const longest = (tasks: number[]) => (tasks.length ? Math.max(...tasks) : 0);
/** The task that used the most CPU, with its wall time. */
function longestCpu(trace: TaskTimes[]): { cpu: number; wall: number } {
  let best = { cpu: 0, wall: 0 };
  for (const t of trace) if (t.cpuMs > best.cpu) best = { cpu: t.cpuMs, wall: t.wallMs };
  return best;
}
const cpuOfLong = (trace: TaskTimes[]) => {
  const long = trace.filter((t) => t.wallMs >= 50).sort((a, b) => b.wallMs - a.wallMs);
  return long.length ? long.slice(0, 6).map((t) => `${t.wallMs.toFixed(0)}→${t.cpuMs.toFixed(0)}`).join(', ') + ' ms' : 'none';
};
const tasks = (t: number[]) => (t.length ? `${t.length}, longest ${longest(t).toFixed(0)} ms` : 'none');

export async function benchIngest({ rate, seconds, baselines = true }: IngestOptions): Promise<SuiteResult> {
  const sink = await startSink(PAGES);
  const runs = {} as Partial<Record<Where, Run>>;
  try {
    for (const where of baselines ? ['none', 'devtools', 'window'] as const : ['devtools'] as const) runs[where] = await runOnce(where, `${sink.url}/ingest-page`, rate, seconds, sink.counts);
  } finally { await sink.close(); }
  const r = runs.devtools!;
  const cpuOfLongest = longestCpu(r.panelTrace);
  const tag = `${(rate / 1000).toFixed(0)}k/s × ${seconds} s`;
  const metrics: Metric[] = [
    { id: 'ingest.completeness', label: `ingest ${tag}: frames shown ÷ frames sent`, value: r.shown / r.sent, shown: `${r.shown} / ${r.sent}`, budget: { op: '>=', value: 1 }, tolerance: 0 },
    { id: 'ingest.panel-longest-task', label: `ingest ${tag}: longest task in the panel (wall time)`, value: Math.max(50, longest(r.panelTasks)), shown: r.panelTasks.length ? `${longest(r.panelTasks).toFixed(0)} ms` : '< 50 ms', unit: 'ms', budget: { op: '<=', value: 100 } },
    { id: 'ingest.panel-task-cpu', label: `ingest ${tag}: most CPU time in one panel task`, value: Math.max(5, cpuOfLongest.cpu), shown: `${cpuOfLongest.cpu.toFixed(0)} ms (that task took ${cpuOfLongest.wall.toFixed(0)} ms)`, unit: 'ms', budget: { op: '<=', value: 100 } },
    { id: 'ingest.latency-p50', label: `ingest ${tag}: send() → row in panel, p50`, value: percentile(r.latencies, 50), unit: 'ms' },
    { id: 'ingest.latency-p95', label: `ingest ${tag}: send() → row in panel, p95`, value: percentile(r.latencies, 95), unit: 'ms' },
  ];
  const column = (run: Run, panel: boolean) => ({
    'page send loop': `${run.loopMs.toFixed(0)} ms (${run.late} ticks > 100 ms late)`,
    'server has all after': `${run.serverMs} ms`,
    'page long tasks': tasks(run.pageTasks),
    'panel shows': panel ? `${run.shown} (${run.drainMs} ms after the last send)` : '—',
    'latency p50 / p95 / max': panel ? `${percentile(run.latencies, 50).toFixed(0)} / ${percentile(run.latencies, 95).toFixed(0)} / ${longest(run.latencies).toFixed(0)} ms` : '—',
    'panel long tasks': panel ? tasks(run.panelTasks) : '—',
    'panel tasks ≥ 50 ms wall: their CPU time': run.panelTrace.length ? cpuOfLong(run.panelTrace) : '—',
    'panel: longest frame gap': panel ? `${run.gapMs.toFixed(0)} ms` : '—',
    'panel heap after GC': panel ? `${run.heapMb.toFixed(0)} MB` : '—',
  });
  const names: Record<Where, string> = { none: 'no extension', devtools: 'our panel in DevTools (budgeted)', window: 'our panel in a window, no DevTools' };
  const cols = (Object.keys(runs) as Where[]).map((w) => [names[w], column(runs[w]!, w !== 'none')] as const);
  const rows = Object.keys(cols[0][1]).map((measure) => ({
    measure, ...Object.fromEntries(cols.map(([name, col]) => [name, col[measure as keyof typeof col]])),
  }));
  return { metrics, details: [{ title: `${r.sent} frames at ${rate}/s (page timers every 4 ms; latency sampled every ${SAMPLE_EVERY}th frame)`, rows }] };
}
