#!/usr/bin/env node
// Performance regression check for CI (≈ 1–2 minutes): builds the Chrome extension into a
// temporary folder, runs the fast subset of the benchmarks (`bench/index.ts --quick`: hook
// size, page-load cost, echo-loop overhead ratios with short runs, ingest at 20k/s for 3 s)
// and fails when a metric's ratio to its budget falls more than its tolerance (10%, or 0 for
// exact ones such as "frames shown ÷ sent") below 1. Ratios, never absolute times.
//
//   node scripts/bench-check.mjs [--no-build] [--ignore=id,id] [--only=suite,suite]
//
// --no-build uses dist/chrome as it is; --ignore skips known misses by metric id.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ignore = new Set((option('ignore') ?? '').split(',').filter(Boolean));
const work = mkdtempSync(join(tmpdir(), 'wsinspect-bench-check-'));
const started = Date.now();

function run(command, commandArgs, env = {}) {
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`bench-check: ${command} ${commandArgs.join(' ')} exited with ${r.status ?? r.signal}`);
    process.exit(2);
  }
}

try {
  let dist = join(root, 'dist/chrome');
  if (!args.includes('--no-build')) {
    dist = join(work, 'chrome');
    run('npx', ['vite', 'build', '--mode', 'chrome', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn']);
  }
  const json = join(work, 'metrics.json');
  const only = option('only') ? [`--only=${option('only')}`] : [];
  run('npx', ['tsx', 'bench/index.ts', '--quick', `--json=${json}`, ...only], { BENCH_DIST: dist });

  const { metrics } = JSON.parse(readFileSync(json, 'utf8'));
  const rows = metrics.filter((m) => m.budget).map((m) => {
    const tolerance = m.tolerance ?? 0.1;
    const status = ignore.has(m.id) ? 'ignored' : m.ratio >= 1 ? 'ok' : m.ratio >= 1 - tolerance ? 'ok (within tolerance)' : 'REGRESSION';
    return { id: m.id, value: m.shown ?? +m.value.toFixed(3), budget: `${m.budget.op} ${m.budget.value}`, ratio: m.ratio.toFixed(3), 'fails below': (1 - tolerance).toFixed(2), status };
  });
  console.log('\nbench-check: ratio to budget (≥ 1 within budget), fast subset');
  console.table(rows);
  const failed = rows.filter((r) => r.status === 'REGRESSION');
  console.log(`bench-check: ${failed.length ? `FAILED (${failed.map((r) => r.id).join(', ')})` : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = failed.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
