// `npm start`: build the extension, start the demo server, and open a browser with the
// extension loaded, the demo page open and (Chromium) DevTools showing the WebSockets panel.
//
//   npm start                      Chromium (/usr/bin/chromium or $CHROMIUM_PATH)
//   npm run start:firefox          Firefox ESR (/usr/bin/firefox-esr or $FIREFOX_PATH)
//   npx tsx scripts/start.ts --no-build   reuse the existing dist/
//
// DevTools is opened on our panel by the same helpers the browser tests use (test/helpers/).
//
// Environment: PORT (demo server, default 8080; a free port if taken), HEADLESS=1.
// Ctrl+C (or closing the browser) closes the browser and the demo server.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
// @ts-expect-error: plain JavaScript (demo/server.mjs), run by node as it is
import { startDemoServer } from '../demo/server.mjs';
import { openPanelInDevTools } from '../test/helpers/chromium';
import { openPanelInFirefoxDevTools } from '../test/helpers/firefox-devtools';
import type { Firefox } from '../test/helpers/firefox';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const target = args.includes('--firefox') ? 'firefox' : 'chrome';
const skipBuild = args.includes('--no-build');
const DIST = join(ROOT, 'dist', target);

let headless = ['1', 'true', 'yes'].includes(String(process.env.HEADLESS ?? '').toLowerCase());
if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  headless = true;
  console.log('note: no display (DISPLAY is not set), so the browser runs headless.');
  console.log('      Run `xvfb-run -a npm start` for a virtual display, or start it from a desktop session.');
}

const cleanups: Array<() => unknown> = [];
let shuttingDown = false;
async function shutdown(code = 0): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  // Each step gets a few seconds: after Ctrl+C the browser may already be gone.
  for (const fn of cleanups.reverse()) {
    await Promise.race([Promise.resolve().then(fn).catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  }
  process.exit(code);
}
process.on('SIGINT', () => { console.log('\nstopping…'); shutdown(0); });
process.on('SIGTERM', () => shutdown(0));
process.on('SIGHUP', () => shutdown(0));

async function main() {
  // 1. Build the extension for the chosen browser.
  if (skipBuild) {
    if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`${DIST} has no build: run without --no-build`);
  } else {
    const started = Date.now();
    const { build } = await import('vite');
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), mode: target, logLevel: 'warn' });
    console.log(`built dist/${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // 2. The demo server on 127.0.0.1.
  const wanted = Number(process.env.PORT) || 8080;
  let demo: { port: number; url: string; close(): unknown };
  try {
    demo = await startDemoServer({ port: wanted, host: '127.0.0.1' });
  } catch (error) {
    const code = (error as { code?: string })?.code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
    console.log(`port ${wanted} is not available, using ${demo.port}`);
  }
  cleanups.push(() => demo.close());
  console.log(`demo server: ${demo.url}`);

  // 3. The browser.
  if (target === 'firefox') await startFirefox(demo.url);
  else await startChromium(demo.url);

  console.log('');
  console.log(`demo page: ${demo.url}`);
  console.log('Press Ctrl+C to close the browser and stop the demo server.');
}

async function startChromium(url: string): Promise<void> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'wsinspect-start-'));
  cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10 }));
  const runningAsRoot = process.getuid?.() === 0;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    defaultViewport: headless ? undefined : null,
    // --disable-extensions would keep ours out; --enable-automation only adds an info bar.
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
    args: [
      ...(headless || runningAsRoot ? ['--no-sandbox'] : []),
      '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--no-default-browser-check',
      `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`,
    ],
    userDataDir,
    // Ctrl+C reaches the browser too; our own handler closes everything in order.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  cleanups.push(() => browser.close());
  browser.on('disconnected', () => {
    if (!shuttingDown) { console.log('the browser was closed'); shutdown(0); }
  });

  const sw = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
  const extensionId = new URL(sw.url()).host;
  console.log(`Chromium started${headless ? ' (headless)' : ''} with wsinspect ${extensionId}`);

  const page = (await browser.pages())[0] ?? await browser.newPage();
  await page.goto(url);
  console.log('demo page loaded, opening DevTools…');

  const panel = await openPanelInDevTools({ browser, extensionId, close: () => browser.close() }, page);
  await panel.waitForSelector('[data-testid="frame-row"]', { timeout: 15_000 }).catch(() => {});
  const frames = await panel.$eval('[data-testid="count"]', (e) => e.textContent).catch(() => 'no frames yet');
  console.log(`WebSockets panel opened in DevTools (${frames})`);
  if (headless) console.log('(headless: nothing is shown on screen; the browser keeps running until Ctrl+C)');
}

async function startFirefox(url: string): Promise<void> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless,
    defaultViewport: headless ? undefined : null,
    // Lets WebDriver BiDi reach the browser window's chrome scope, to open DevTools below.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'xpinstall.signatures.required': false },
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  cleanups.push(() => browser.close());
  browser.on('disconnected', () => {
    if (!shuttingDown) { console.log('the browser was closed'); shutdown(0); }
  });
  const id = await browser.installExtension(DIST);
  console.log(`Firefox started${headless ? ' (headless)' : ''} with wsinspect installed as a temporary add-on (${id})`);

  const page = (await browser.pages())[0] ?? await browser.newPage();
  await page.goto(url);
  console.log('demo page loaded, opening DevTools…');
  try {
    const panel = await openPanelInFirefoxDevTools({ browser } as Firefox, page);
    const deadline = Date.now() + 15_000;
    let frames = '';
    while (!(frames = await panel.evaluate<string>(`document.querySelector('[data-testid="frame-row"]') ? document.querySelector('[data-testid="count"]')?.textContent ?? '' : ''`)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    console.log(`WebSockets panel opened in DevTools (${frames || 'no frames yet'})`);
  } catch (error) {
    console.log(`could not open DevTools automatically (${(error as Error).message}).`);
    console.log('Open DevTools (F12) and choose the "WebSockets" panel: frames sent before DevTools opened are there too.');
  }
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  shutdown(1);
});
