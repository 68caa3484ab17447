#!/usr/bin/env node
// Performance regression check, run by `.ci/run` after `npm test` (≈ 2–3 minutes): builds the Chrome
// extension into a temporary folder, runs the fast subset of the benchmarks (`bench/index.ts --quick`:
// hook size, page-load cost, echo-loop overhead ratios with short runs, ingest at 20k/s for 3 s) and
// compares each metric's ratio to its budget — ratios, never absolute times:
//   - a metric within budget fails when its ratio falls more than its tolerance (10%, or 0 for exact
//     ones such as "frames shown ÷ sent") below 1;
//   - a known miss (bench/known-misses.json: the budgets not met yet, with the ratio recorded when the
//     miss was written down and why) fails when its ratio falls more than 10% below that record.
// Short runs on a shared machine are noisy, so a suite with a failing metric is run once more and the
// better of the two ratios counts: a regression has to show twice. When other processes keep the
// machine busy (less than 70% of the CPU idle over 2 s before measuring: another job on a CI host),
// the floors widen by a fifth and the check says so; on an idle machine a 20% regression fails.
//
//   node scripts/bench-check.mjs [--no-build] [--only=suite,suite]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const knownMisses = JSON.parse(readFileSync(join(root, 'bench/known-misses.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'wsinspect-bench-check-'));
const started = Date.now();

function run(command, commandArgs, env = {}) {
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`bench-check: ${command} ${commandArgs.join(' ')} exited with ${r.status ?? r.signal}`);
    process.exit(2);
  }
}

/** The share of CPU time left idle over `ms` (Linux /proc/stat; 1 where it cannot be read). */
function idleShare(ms = 2000) {
  const sample = () => {
    try {
      const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: cpu[3] + (cpu[4] || 0), total: cpu.reduce((a, b) => a + b, 0) };
    } catch { return null; }
  };
  const a = sample();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const b = sample();
  return a && b && b.total > a.total ? (b.idle - a.idle) / (b.total - a.total) : 1;
}
const idle = idleShare();
const loaded = idle < 0.7;
const WIDER = loaded ? 0.8 : 1;

let attempt = 0;
function measure(dist, suites) {
  const json = join(work, `metrics-${attempt++}.json`);
  run('npx', ['tsx', 'bench/index.ts', '--quick', `--json=${json}`, ...(suites ? [`--only=${suites.join(',')}`] : [])], { BENCH_DIST: dist });
  return JSON.parse(readFileSync(json, 'utf8')).metrics.filter((m) => m.budget);
}

/** The ratio below which a metric counts as a regression. */
function floorOf(m) {
  const known = knownMisses[m.id];
  if (m.tolerance === 0) return 1; // exact ones (frames shown ÷ sent) never widen
  if (known) return known.ratio * 0.9 * WIDER;
  return (1 - (m.tolerance ?? 0.1)) * WIDER;
}

try {
  let dist = join(root, 'dist/chrome');
  if (!args.includes('--no-build')) {
    dist = join(work, 'chrome');
    run('npx', ['vite', 'build', '--mode', 'chrome', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn']);
  }
  const metrics = measure(dist, option('only')?.split(','));
  const failing = metrics.filter((m) => m.ratio < floorOf(m));
  if (failing.length) {
    const suites = [...new Set(failing.map((m) => m.id.split('.')[0]))];
    console.log(`\nbench-check: ${failing.map((m) => m.id).join(', ')} below the floor; running ${suites.join(', ')} once more`);
    for (const again of measure(dist, suites)) {
      const first = metrics.find((m) => m.id === again.id);
      if (first && again.ratio > first.ratio) Object.assign(first, again);
    }
  }
  const rows = metrics.map((m) => {
    const floor = floorOf(m);
    const known = knownMisses[m.id];
    const status = m.ratio < floor ? 'REGRESSION' : m.ratio >= 1 ? 'ok' : known ? 'known miss' : 'ok (within tolerance)';
    return { id: m.id, value: m.shown ?? +m.value.toFixed(3), budget: `${m.budget.op} ${m.budget.value}`, ratio: m.ratio.toFixed(3), 'fails below': floor.toFixed(2), status };
  });
  console.log(`\nbench-check: ratio to budget (≥ 1 within budget), fast subset; CPU ${(idle * 100).toFixed(0)}% idle before measuring on ${cpus().length} cores${loaded ? ': the machine is busy with other work, so floors are 20% wider' : ''}`);
  console.table(rows);
  for (const [id, known] of Object.entries(knownMisses)) if (rows.some((r) => r.id === id)) console.log(`  known miss ${id}: ${known.why}`);
  const failed = rows.filter((r) => r.status === 'REGRESSION');
  console.log(`bench-check: ${failed.length ? `FAILED (${failed.map((r) => r.id).join(', ')})` : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = failed.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
