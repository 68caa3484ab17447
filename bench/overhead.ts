/**
 * Page overhead: a ping-pong echo loop (send, wait for the echo, repeat) in six browsers side
 * by side, one configuration each:
 *   none     no extension
 *   ext      extension, DevTools closed
 *   panel    extension, our panel open in the real DevTools            (budget ≥ 0.93)
 *   tab      extension, our panel as a page in its own window, no DevTools (our cost alone)
 *   console  no extension, DevTools open on its Console panel          (what any DevTools costs)
 *   network  no extension, DevTools open on its Network panel          (what we must beat)
 * Runs alternate between the browsers (the order rotates every round); each round's rates are
 * divided by that round's no-extension rate and we report the median of those ratios.
 * CDP Performance.TaskDuration gives each process's main-thread time per round trip.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import type { Chromium } from '../test/helpers/chromium';
import { firstPage, launch, openDevToolsOn, openOurPanel, openPanelInWindow } from './lib/browser';
import { median, type Metric, type SuiteResult } from './lib/metrics';
import { PAGES } from './lib/pages';
import { startSink } from './sink-server';

export interface OverheadOptions { rounds: number; runMs: number; /** Only the budgeted configurations (for the CI check). */ budgetedOnly?: boolean }

type Config = 'none' | 'ext' | 'panel' | 'tab' | 'console' | 'network';
const ALL: Config[] = ['none', 'ext', 'panel', 'tab', 'console', 'network'];
const LABEL: Record<Config, string> = {
  none: 'no extension',
  ext: 'extension, DevTools closed',
  panel: 'extension, our panel open in DevTools',
  tab: 'extension, our panel in a window (no DevTools)',
  console: 'no extension, DevTools open on Console',
  network: 'no extension, DevTools open on Network',
};
const KINDS = [['text', '1 KB text'], ['binary', '64 KB binary']] as const;

interface Setup { page: Page; chromium: Chromium; cpu: CDPSession[]; names: string[] }

async function setUp(config: Config, url: string): Promise<Setup> {
  const chromium = await launch(config === 'ext' || config === 'panel' || config === 'tab');
  const page = await firstPage(chromium);
  await page.goto(url);
  const cpu = [await page.createCDPSession()], names = ['page'];
  if (config === 'console' || config === 'network') await openDevToolsOn(page, config);
  const ours = config === 'panel' ? await openOurPanel(chromium, page) : config === 'tab' ? await openPanelInWindow(chromium, page) : null;
  const devtools = chromium.browser.targets().find((t) => t.url().startsWith('devtools://'));
  if (devtools) { cpu.push(await devtools.createCDPSession()); names.push('DevTools'); }
  if (ours) { cpu.push(ours.cdp); names.push('our panel'); }
  for (const s of cpu) await s.send('Performance.enable');
  return { page, chromium, cpu, names };
}

export async function benchOverhead({ rounds, runMs, budgetedOnly = false }: OverheadOptions): Promise<SuiteResult> {
  const CONFIGS = budgetedOnly ? ALL.filter((c) => c !== 'tab' && c !== 'console') : ALL;
  const sink = await startSink(PAGES);
  const setups = {} as Record<Config, Setup>;
  try {
    for (const config of CONFIGS) setups[config] = await setUp(config, `${sink.url}/echo-page`);
    const busyUs = (config: Config) => Promise.all(setups[config].cpu.map(async (s) =>
      ((await s.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1e6));
    const run = (config: Config, kind: string, ms: number) =>
      setups[config].page.evaluate(`pingpong(${JSON.stringify(kind)}, ${ms})`) as Promise<number>;
    for (const config of CONFIGS) for (const [kind] of KINDS) await run(config, kind, Math.min(500, runMs));

    const rates: Record<string, Record<Config, number[]>> = {};
    const perTrip: Record<string, Record<Config, number[][]>> = {};
    for (const [kind] of KINDS) {
      rates[kind] = Object.fromEntries(CONFIGS.map((c) => [c, []])) as unknown as Record<Config, number[]>;
      perTrip[kind] = Object.fromEntries(CONFIGS.map((c) => [c, []])) as unknown as Record<Config, number[][]>;
    }
    for (let r = 0; r < rounds; r++) {
      for (const [kind] of KINDS) {
        for (let i = 0; i < CONFIGS.length; i++) {
          const config = CONFIGS[(i + r) % CONFIGS.length];
          const before = await busyUs(config);
          const rate = await run(config, kind, runMs);
          const after = await busyUs(config);
          rates[kind][config].push(rate);
          perTrip[kind][config].push(after.map((a, k) => (a - before[k]) / (rate * runMs / 1000)));
        }
      }
    }
    const visibility = await Promise.all(CONFIGS.map((c) => setups[c].page.evaluate('document.visibilityState')));

    const metrics: Metric[] = [];
    const details: SuiteResult['details'] = [];
    for (const [kind, kindLabel] of KINDS) {
      const ratio = (config: Config) => median(rates[kind][config].map((v, i) => v / rates[kind].none[i]));
      const cpu = (config: Config) => setups[config].names.map((name, k) => `${name} ${median(perTrip[kind][config].map((t) => t[k])).toFixed(0)}`).join(' · ');
      const echo = `echo ${kindLabel}: throughput`;
      metrics.push(
        { id: `overhead.${kind}.devtools-closed`, label: `${echo}, DevTools closed ÷ no extension`, value: ratio('ext'), budget: { op: '>=', value: 0.97 } },
        { id: `overhead.${kind}.panel-open`, label: `${echo}, our panel open in DevTools ÷ no extension`, value: ratio('panel'), budget: { op: '>=', value: 0.93 } },
        { id: `overhead.${kind}.vs-network`, label: `${echo}, our panel open ÷ Network panel open`, value: ratio('panel') / ratio('network'), budget: { op: '>=', value: 1 } },
        { id: `overhead.${kind}.network-open`, label: `${echo}, DevTools on Network, no extension ÷ no extension`, value: ratio('network') },
      );
      if (!budgetedOnly) metrics.push(
        { id: `overhead.${kind}.console-open`, label: `${echo}, DevTools on Console, no extension ÷ no extension`, value: ratio('console') },
        { id: `overhead.${kind}.panel-window`, label: `${echo}, our panel in a window, no DevTools ÷ no extension`, value: ratio('tab') },
      );
      details.push({
        title: `Echo loop, ${kindLabel}: round trips per second (${rounds} rounds × ${runMs} ms, alternating)`,
        rows: CONFIGS.map((config, i) => ({
          configuration: LABEL[config],
          'median rt/s': Math.round(median(rates[kind][config])),
          runs: rates[kind][config].map(Math.round).join(' '),
          'ratio (median of paired rounds)': ratio(config).toFixed(3),
          'main-thread µs per round trip': cpu(config),
          page: String(visibility[i]),
        })),
      });
    }
    return { metrics, details };
  } finally {
    for (const s of Object.values(setups)) await s.chromium.close();
    await sink.close();
  }
}
