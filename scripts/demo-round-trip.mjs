// Issue 13, finding 1, at the demo's scale: records the demo for MINUTES minutes (default 10; the
// closer socket reopened and a chat line sent every minute, so connections interleave and close),
// then exports HAR, NDJSON and JSON through the panel's Export dialog, imports each back through
// its file input and prints the per-connection counts. Needs a build: `npm run build && node scripts/demo-round-trip.mjs`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startDemoServer } from '../demo/server.mjs';
const MINUTES = Number(process.env.MINUTES ?? 10);
const DIST = resolve(import.meta.dirname, '..', 'dist', 'chrome');
const downloads = mkdtempSync(join(tmpdir(), 'demo-rt-'));
const demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--no-sandbox', '--disable-gpu', `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`], userDataDir: mkdtempSync(join(tmpdir(), 'drt-')) });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log(new Date().toISOString().slice(11, 19), ...a);
try {
  const sw = await browser.waitForTarget((t) => t.type() === 'service_worker');
  const id = new URL(sw.url()).host;
  const page = await browser.newPage();
  for (const o of await browser.pages()) if (o !== page) await o.close();
  await page.goto(demo.url);
  const [tab] = await (await sw.worker()).evaluate(() => chrome.tabs.query({}));
  const panel = await browser.newPage();
  await panel.setViewport({ width: 1400, height: 900 });
  await panel.goto(`chrome-extension://${id}/src/panel/panel.html?tabId=${tab.id}`);
  for (let m = 0; m < MINUTES; m++) {
    await page.bringToFront();
    await page.click('#closer-open').catch(() => {});
    await page.type('#chat-input', `minute ${m}`).catch(() => {});
    await page.click('#chat-form button').catch(() => {});
    await sleep(60_000);
    log('minute', m + 1, await panel.$eval('[data-testid="count"]', (e) => e.textContent));
  }
  await panel.bringToFront();
  const counts = () => panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => /↑\d+ \([^)]*\) ↓\d+ \([^)]*\)/.exec(e.textContent)?.[0]));
  // Freeze: pause so the live view stops changing while we export.
  await panel.click('[data-testid="pause"]');
  const liveCount = await panel.$eval('[data-testid="count"]', (e) => e.textContent);
  const live = await counts();
  log('live', liveCount, JSON.stringify(live));
  const session = await panel.createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  for (const format of ['har', 'ndjson', 'json']) {
    await panel.click('[data-testid="show-live"]');
    await sleep(500);
    await panel.click('[data-testid="export"]');
    await panel.click(`[data-testid="export-${format}"]`);
    await panel.click('[data-testid="export-download"]');
    let status = '';
    for (let i = 0; i < 100 && !status.startsWith('Downloaded'); i++) { await sleep(200); status = await panel.$eval('[data-testid="export-status"]', (e) => e.textContent); }
    await panel.click('[data-testid="export"]');
    const name = status.slice('Downloaded '.length);
    let text = '';
    for (let i = 0; i < 100; i++) { await sleep(200); try { text = readFileSync(join(downloads, name), 'utf8'); if (format === 'ndjson' ? text.endsWith('\n') : (JSON.parse(text), true)) break; } catch {} }
    const input = await panel.$('input[data-testid="import-file"]');
    await input.uploadFile(join(downloads, name));
    await sleep(3000);
    const back = await counts();
    const backCount = await panel.$eval('[data-testid="count"]', (e) => e.textContent);
    log(format, name, `${(text.length / 1024).toFixed(0)} KB`, backCount, JSON.stringify(back) === JSON.stringify(live) ? 'SAME per-connection counts' : `DIFFERENT ${JSON.stringify(back)}`);
    if (backCount !== liveCount || JSON.stringify(back) !== JSON.stringify(live)) process.exitCode = 1;
  }
} finally { await browser.close(); await demo.close(); }
