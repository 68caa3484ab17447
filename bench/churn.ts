/**
 * Churn (issue 14): a page opens and closes `sockets` WebSockets, 8 at a time over 8 echo servers
 * on 127.0.0.1 (every 100th sends one frame and waits for its echo first), with DevTools closed;
 * the time it takes with the extension against the same page without it, in alternated rounds.
 * The page is test/browser/robustness's churn page, the one the robustness suite checks.
 */
import { firstPage, launch } from './lib/browser';
import type { Metric, SuiteResult } from './lib/metrics';
import { startTestServer } from '../test/helpers/servers';
import { churnPage, startEchoServers } from '../test/browser/robustness/pages';

export interface ChurnOptions { sockets: number; rounds: number }

async function churnOnce(extension: boolean, url: string, sockets: number): Promise<{ seconds: number; opened: number; closed: number; errors: number }> {
  const chromium = await launch(extension);
  try {
    const page = await firstPage(chromium);
    await page.goto(url);
    const t0 = Date.now();
    const seen = await page.evaluate(`churn(${sockets}, 8)`) as { opened: number; closed: number; errors: number };
    return { seconds: (Date.now() - t0) / 1000, ...seen };
  } finally { await chromium.close(); }
}

const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

export async function benchChurn({ sockets, rounds }: ChurnOptions): Promise<SuiteResult> {
  const server = await startTestServer();
  const echoes = await startEchoServers(8);
  const url = churnPage(server, echoes.wsUrls);
  const times: Record<'none' | 'ext', number[]> = { none: [], ext: [] };
  const ratios: number[] = [];
  let incomplete = 0;
  try {
    for (let r = 0; r < rounds; r++) {
      const pair: Partial<Record<'none' | 'ext', number>> = {};
      for (const kind of r % 2 ? ['ext', 'none'] as const : ['none', 'ext'] as const) {
        const run = await churnOnce(kind === 'ext', url, sockets);
        if (run.closed !== sockets || run.errors) incomplete++;
        times[kind].push(run.seconds);
        pair[kind] = run.seconds;
      }
      ratios.push(pair.none! / pair.ext!);
    }
  } finally {
    await echoes.close();
    await server.close();
  }
  const ratio = median(ratios);
  const metrics: Metric[] = [
    { id: 'churn.ratio', label: `churn ${sockets.toLocaleString('en-US')} sockets: time without ÷ with the extension (DevTools closed)`, value: ratio, budget: { op: '>=', value: 0.9 } },
  ];
  const fmt = (v: number[]) => v.map((s) => s.toFixed(1)).join(' ');
  return {
    metrics,
    details: [{
      title: `${sockets.toLocaleString('en-US')} sockets opened and closed, 8 at a time, ${rounds} alternated rounds${incomplete ? ` (${incomplete} runs incomplete!)` : ''}`,
      rows: [
        { configuration: 'no extension', 'median s': median(times.none).toFixed(1), runs: fmt(times.none) },
        { configuration: 'extension, DevTools closed', 'median s': median(times.ext).toFixed(1), runs: fmt(times.ext), 'ratio (median of paired rounds)': ratio.toFixed(3) },
      ],
    }],
  };
}
