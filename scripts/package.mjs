// npm run package: builds both browsers' extensions, lints the Firefox one with web-ext
// (fails on any lint error), and writes the store uploads at the repo top:
//   wsinspect-chrome-<version>.zip   (Chrome Web Store: manifest.json at the zip's root)
//   wsinspect-firefox-<version>.zip  (addons.mozilla.org, or self-distribution after signing)
// The version is package.json's; the build writes it into both manifests.
// `node scripts/package.mjs --no-build` zips the existing dist/ instead of rebuilding.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import webExt from 'web-ext';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const BROWSERS = ['chrome', 'firefox'];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  const build = run(process.execPath, ['scripts/build.mjs']);
  process.stdout.write(build.stdout);
  if (build.status !== 0) fail('the build failed');
}

for (const browser of BROWSERS) {
  const manifest = JSON.parse(readFileSync(resolve(root, `dist/${browser}/manifest.json`), 'utf8'));
  if (manifest.version !== version) fail(`dist/${browser}/manifest.json has version ${manifest.version}, package.json ${version}: rebuild`);
}

// web-ext lint, as `npm run lint:firefox` runs it, but read as JSON so that errors stop the packaging.
const lint = run(resolve(root, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', 'dist/firefox', '--self-hosted', '--output', 'json']);
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  fail(`web-ext lint gave no JSON report (exit ${lint.status}):\n${lint.stdout}`);
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint dist/firefox: ${errors} errors, ${warnings} warnings, ${notices} notices`);
for (const m of [...report.errors, ...report.warnings, ...report.notices]) {
  console.log(`  ${m._type} ${m.code}${m.file ? ` (${m.file})` : ''}: ${m.message}`);
}
if (errors > 0) fail('web-ext lint found errors');

for (const browser of BROWSERS) {
  const filename = `wsinspect-${browser}-${version}.zip`;
  await webExt.cmd.build(
    { sourceDir: resolve(root, `dist/${browser}`), artifactsDir: root, filename, overwriteDest: true },
    { showReadyMessage: false },
  );
  const { size } = statSync(resolve(root, filename));
  console.log(`wrote ${filename} (${(size / 1024).toFixed(1)} KiB)`);
}
