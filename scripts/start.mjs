// `npm start`: build the extension, start the demo server, and open a browser with the
// extension loaded, the demo page open and (Chromium) DevTools showing the WebSockets panel.
//
//   npm start                      Chromium (/usr/bin/chromium or $CHROMIUM_PATH)
//   npm run start:firefox          Firefox ESR (/usr/bin/firefox-esr or $FIREFOX_PATH)
//   node scripts/start.mjs --no-build   reuse the existing dist/
//
// Environment: PORT (demo server, default 8080; a free port if taken), HEADLESS=1.
// Ctrl+C (or closing the browser) closes the browser and the demo server.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startDemoServer } from '../demo/server.mjs';

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

const cleanups = [];
let shuttingDown = false;
async function shutdown(code = 0) {
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
  let demo;
  try {
    demo = await startDemoServer({ port: wanted, host: '127.0.0.1' });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE' && error?.code !== 'EACCES') throw error;
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

async function startChromium(url) {
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

  const devtools = await page.openDevTools();
  const panelTabId = `chrome-extension://${extensionId}WebSockets`;
  const deadline = Date.now() + 30_000;
  // DevTools takes a few seconds to initialise: retry until our panel's tab exists. The
  // expression is a string so that the dynamic import runs inside the DevTools page.
  for (;;) {
    const selected = await devtools.evaluate(`(async () => {
      try {
        const UI = await import('./ui/legacy/legacy.js');
        const pane = UI.InspectorView.InspectorView.instance().tabbedPane;
        if (!pane.tabIds().includes(${JSON.stringify(panelTabId)})) return false;
        pane.selectTab(${JSON.stringify(panelTabId)});
        return true;
      } catch { return false; }
    })()`).catch(() => false);
    if (selected) break;
    if (Date.now() > deadline) throw new Error('the WebSockets panel did not appear in DevTools');
    await new Promise((r) => setTimeout(r, 250));
  }

  let panel;
  while (!(panel = devtools.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/src/panel/panel.html`)))) {
    if (Date.now() > deadline) throw new Error('the WebSockets panel did not load');
    await new Promise((r) => setTimeout(r, 100));
  }
  await panel.waitForSelector('[data-testid="frame-row"]', { timeout: 15_000 }).catch(() => {});
  const frames = await panel.$eval('[data-testid="count"]', (e) => e.textContent).catch(() => 'no frames yet');
  console.log(`WebSockets panel opened in DevTools (${frames})`);
  if (headless) console.log('(headless: nothing is shown on screen; the browser keeps running until Ctrl+C)');
}

async function startFirefox(url) {
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
    const frames = await openFirefoxPanel(browser, page.url());
    console.log(`WebSockets panel opened in DevTools (${frames})`);
  } catch (error) {
    console.log(`could not open DevTools automatically (${error.message}).`);
    console.log('Open DevTools (F12) and choose the "WebSockets" panel: frames sent before DevTools opened are there too.');
  }
}

/**
 * Firefox has no DevTools protocol for this: run code in the browser window's chrome scope
 * over WebDriver BiDi (Firefox internals, checked with Firefox ESR 153; may break on upgrades).
 * Opens the toolbox for the tab showing `url`, selects our panel and returns its frame count.
 */
async function openFirefoxPanel(browser, url) {
  const PANEL_COUNT_FRAME_SCRIPT = `sendAsyncMessage(NAME, (content.document.querySelector('[data-testid="frame-row"]')
    && content.document.querySelector('[data-testid="count"]')?.textContent) || '')`;
  const { connection } = browser;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml')?.context;
  if (!context) throw new Error('no browser window found');
  const { result } = await connection.send('script.callFunction', {
    target: { context },
    'moz:scope': 'chrome',
    awaitPromise: true,
    arguments: [{ type: 'string', value: url }, { type: 'string', value: PANEL_COUNT_FRAME_SCRIPT }],
    functionDeclaration: `async (url, countScript) => {
      const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === url);
      if (!tab) throw new Error('no tab shows ' + url);
      gBrowser.selectedTab = tab;
      const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
      const { gDevTools } = require('devtools/client/framework/devtools');
      const toolbox = await gDevTools.showToolboxForTab(tab);
      const deadline = Date.now() + 20000;
      let id;
      while (!(id = [...toolbox.additionalToolDefinitions.keys()].find((k) => k.startsWith('webext-devtools-panel-')))) {
        if (Date.now() > deadline) throw new Error('the WebSockets panel did not appear in DevTools');
        await new Promise((r) => setTimeout(r, 100));
      }
      await toolbox.selectTool(id);
      // The panel runs in the extension process: ask a frame script for its frame count.
      const panel = toolbox.doc.getElementById('toolbox-panel-iframe-' + id)?.contentDocument.querySelector('browser');
      if (!panel) return 'frame count unknown';
      const name = 'wsinspect-start:count';
      const ask = () => new Promise((resolve) => {
        const mm = panel.messageManager; // changes when the panel moves to the extension process
        const timer = setTimeout(() => { mm.removeMessageListener(name, listener); resolve(''); }, 2000);
        const listener = (m) => { clearTimeout(timer); mm.removeMessageListener(name, listener); resolve(m.data); };
        mm.addMessageListener(name, listener);
        mm.loadFrameScript('data:,' + encodeURIComponent(countScript.replace('NAME', JSON.stringify(name))), false);
      });
      let count = '';
      while (!(count = await ask()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      return count || 'no frames yet';
    }`,
  });
  if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
  return result.result.value;
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  shutdown(1);
});
