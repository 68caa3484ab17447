// The README's screenshots: docs/panel-{narrow,wide}-{light,dark}.png — DevTools docked at the
// side (555×900) and a wide window (1920×1080), each with a light and a dark colour scheme.
//
//   npm run build && node scripts/screenshots.mjs
//   OUT=/tmp/look STATES=1 node scripts/screenshots.mjs   # also 1280×250 and 800×600, and the composer open
//
// Builds nothing: loads dist/chrome (or $DIST) into headless Chromium ($CHROMIUM_PATH or
// /usr/bin/chromium), opens the demo page, lets traffic flow, then opens the panel page as a
// tab for the demo tab (?tabId=N), selects a JSON chat frame and takes a picture, once with
// a light and once with a dark colour scheme.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startDemoServer } from '../demo/server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(process.env.DIST ?? join(ROOT, 'dist', 'chrome'));
const OUT = resolve(process.env.OUT ?? join(ROOT, 'docs'));
const VIEWPORT = { width: 1200, height: 700 };
const SIZES = [['narrow', 555, 900], ['wide', 1920, 1080]];
if (process.env.STATES) SIZES.push(['short', 1280, 250], ['medium', 800, 600]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error(`${DIST} has no build: run \`npm run build\` first`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

const demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
const userDataDir = mkdtempSync(join(tmpdir(), 'wsinspect-screenshots-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--hide-scrollbars', `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`],
  userDataDir,
});

try {
  const sw = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
  const extensionId = new URL(sw.url()).host;

  const page = await browser.newPage();
  for (const other of await browser.pages()) if (other !== page) await other.close();
  await page.setViewport(VIEWPORT);
  await page.goto(demo.url);
  // Some traffic of every kind: the chat (JSON), the ticker (binary), a chat line of our own,
  // a socket the server closes with 4001, and JSON-RPC calls paired with their answers.
  await page.type('#chat-input', 'hello from the screenshot script');
  await page.click('#chat-form button');
  await page.click('#closer-open');
  await sleep(6500); // quotes over JSON-RPC: a slow report (every 4th call) and its answer 3 s later

  // Without the "tabs" permission tabs.query() gives no URLs: the demo page is the only tab.
  const tabs = await (await sw.worker()).evaluate(() => chrome.tabs.query({}));
  if (tabs.length !== 1) throw new Error(`expected only the demo tab, found ${tabs.length} tabs`);
  const tab = tabs[0];

  for (const [name, width, height] of SIZES) for (const scheme of ['light', 'dark']) {
    const panel = await browser.newPage();
    await panel.setViewport({ width, height });
    await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await panel.goto(`chrome-extension://${extensionId}/src/panel/panel.html?tabId=${tab.id}`);
    await panel.waitForSelector('[data-testid="frame-row"]');
    await sleep(1500); // a few more live frames, and the timeline's next tick

    const rows = await panel.$$('[data-testid="frame-row"]');
    let chatRow = null;
    for (const row of rows.reverse()) {
      const text = await row.evaluate((r) => r.textContent ?? '');
      if (text.includes('"type":"chat"')) { chatRow = row; break; }
    }
    if (!chatRow) throw new Error('no JSON chat frame in the panel');
    await chatRow.click();
    await panel.waitForSelector('[data-testid="details"]');
    await sleep(300);

    const file = join(OUT, `panel-${name}-${scheme}.png`);
    await panel.screenshot({ path: file });
    console.log(`wrote ${file}`);
    if (process.env.STATES) {
      await panel.click('[data-testid="compose"]');
      await sleep(300);
      await panel.screenshot({ path: join(OUT, `panel-${name}-${scheme}-compose.png`) });
      await panel.click('[data-testid="compose"]');
      await panel.click('[data-testid="export"]');
      await sleep(300);
      await panel.screenshot({ path: join(OUT, `panel-${name}-${scheme}-export.png`) });
      await panel.$eval('[data-testid="export-dialog"]', (d) => [...d.querySelectorAll('button')].find((b) => b.textContent === 'Close').click());
      await panel.click('[data-testid="requests"]');
      await sleep(300);
      await panel.screenshot({ path: join(OUT, `panel-${name}-${scheme}-requests.png`) });
    }
    await panel.close();
  }
} finally {
  await browser.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10 });
  await demo.close();
}
