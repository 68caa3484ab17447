/**
 * `npm run bench`: every performance benchmark of issue 8, in headless Chromium with real
 * servers on 127.0.0.1. Not part of `npm test`. Prints one summary table (metric, value,
 * budget, ratio to budget, pass/fail) and the detail tables.
 *
 *   --quick           the fast subset with short runs (what scripts/bench-check.mjs runs)
 *   --only=a,b        run only these suites (overhead, ingest, churn, million, big, backlog, page)
 *   --json=FILE       also write the metrics as JSON
 *   --record          write the tables to bench/RESULTS.md
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { benchBacklog } from './backlog-memory';
import { benchBigFrames } from './big-frames';
import { benchIngest } from './ingest';
import { markdownTable, ratioToBudget, summaryRows, type SuiteResult } from './lib/metrics';
import { benchOverhead } from './overhead';
import { benchPageCost } from './page-cost';
import { benchPanelMillion } from './panel-million';
import { benchChurn } from './churn';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1] ?? (args.includes(`--${name}`) ? '' : undefined);
const quick = flag('quick') !== undefined;
const only = flag('only')?.split(',');

const SUITES: Array<[string, string, () => Promise<SuiteResult>, boolean]> = [
  ['page', 'Cost per page (hook size, load time)', () => benchPageCost({ loads: quick ? 10 : 20 }), true],
  ['overhead', 'Page overhead (echo loop)', () => benchOverhead(quick ? { rounds: 5, runMs: 1000, budgetedOnly: true } : { rounds: 5, runMs: 3000 }), true],
  ['ingest', 'Ingest (paced sender, our panel open)', () => benchIngest(quick ? { rate: 20_000, seconds: 3, baselines: false } : { rate: 50_000, seconds: 10 }), true],
  ['churn', 'Churn (10,000 sockets, DevTools closed)', () => benchChurn({ sockets: 10_000, rounds: 2 }), false],
  ['big', 'Big frames (32 MB captured and previewed; ten 32 MB frames)', () => benchBigFrames(), false],
  ['backlog', 'Per-tab backlog memory (DevTools closed)', () => benchBacklog(), false],
  ['million', 'Panel with 1,000,000 frames', () => benchPanelMillion(), false],
];

const chromiumVersion = (() => {
  try { return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return 'chromium ?'; }
})();
const git = (...a: string[]) => { try { return execFileSync('git', a, { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return '?'; } };
const source = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', '../src').length ? ' + uncommitted src changes' : ''}`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${chromiumVersion}, node ${process.version}`;
const started = new Date();
console.log(`wsinspect bench — ${started.toISOString()} — ${machine} — source ${source}${quick ? ' — quick subset' : ''}`);

const load = () => loadavg()[0].toFixed(1);
const loads: string[] = [];
const results: Array<[string, SuiteResult]> = [];
for (const [key, title, run, inQuick] of SUITES) {
  if (only ? !only.includes(key) : quick && !inQuick) continue;
  const t0 = Date.now();
  const loadBefore = load();
  process.stdout.write(`\n▶ ${title} … `);
  try {
    const result = await run();
    loads.push(`${key} ${loadBefore}→${load()}`);
    console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s (load average ${loadBefore} → ${load()})`);
    results.push([title, result]);
  } catch (error) {
    console.log(`failed: ${(error as Error).stack ?? error}`);
    results.push([title, { metrics: [{ id: `${key}.error`, label: `${title}: benchmark failed`, value: 0, shown: String((error as Error).message).slice(0, 80), budget: { op: '>=', value: 1 } }], details: [] }]);
  }
}

const metrics = results.flatMap(([, r]) => r.metrics);
for (const [title, r] of results) {
  for (const d of r.details) {
    console.log(`\n${title} — ${d.title}`);
    console.table(d.rows);
  }
}
console.log('\nSummary (ratio = value ÷ budget, or budget ÷ value for upper limits: ≥ 1 is within budget)');
console.table(summaryRows(metrics));
const misses = summaryRows(metrics).filter((r) => r.result === 'FAIL');
console.log(misses.length ? `${misses.length} budget(s) missed: ${misses.map((m) => m.metric).join('; ')}` : 'every budget met');

const json = flag('json');
if (json) writeFileSync(json, JSON.stringify({ date: started.toISOString(), machine, quick, metrics: metrics.map((m) => ({ ...m, ratio: ratioToBudget(m) })) }, null, 2));
if (flag('record') !== undefined) {
  // Hand-written analysis below the marker survives re-recording.
  const file = resolve(import.meta.dirname, 'RESULTS.md');
  const MARK = '<!-- notes: kept when re-recorded -->';
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const notes = old.includes(MARK) ? old.slice(old.indexOf(MARK)) : MARK;
  const md = [
    '# wsinspect benchmark results', '',
    `Recorded ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, source ${source}, with \`npm run bench${quick ? ' -- --quick' : ''}\` on ${machine}; headless Chromium, servers on 127.0.0.1.`,
    `1-minute load average per suite (2 cores; other work was running): ${loads.join(', ')}.`,
    'Ratio = value ÷ budget (or budget ÷ value for upper limits): ≥ 1 is within budget.', '',
    '## Summary', '', markdownTable(summaryRows(metrics)), '',
    '## Details', '',
    ...results.flatMap(([title, r]) => r.details.flatMap((d) => [`### ${title} — ${d.title}`, '', markdownTable(d.rows), ''])),
    notes, '',
  ].join('\n');
  writeFileSync(file, md);
  console.log('wrote bench/RESULTS.md');
}
process.exit(0);
