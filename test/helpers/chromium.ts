/**
 * Chromium (Debian's) with the unpacked extension loaded, driven by puppeteer-core,
 * and a way to open our panel inside the real DevTools (see ../shared/browser-testing.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page, type Target } from 'puppeteer-core';

export const CHROME_DIST = resolve(import.meta.dirname, '../../dist/chrome');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Chromium { browser: Browser; extensionId: string; close(): Promise<void> }

export async function launchChromium(options: { extension?: boolean; headless?: boolean } = {}): Promise<Chromium> {
  const withExtension = options.extension ?? true;
  const userDataDir = mkdtempSync(join(tmpdir(), 'wsinspect-chromium-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
  if (withExtension) args.push(`--disable-extensions-except=${CHROME_DIST}`, `--load-extension=${CHROME_DIST}`);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    args,
    userDataDir,
  });
  let extensionId = '';
  if (withExtension) {
    const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 60_000 });
    extensionId = new URL(sw.url()).host;
  }
  return {
    browser,
    extensionId,
    async close() {
      await browser.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function serviceWorker(chromium: Chromium): Promise<Target> {
  return chromium.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${chromium.extensionId}/`));
}

/** Opens DevTools for `page`, selects our "WebSockets" panel and returns the panel's frame. */
export async function openPanelInDevTools(chromium: Chromium, page: Page): Promise<Frame> {
  const devtools = await page.openDevTools();
  const panelTabId = `chrome-extension://${chromium.extensionId}WebSockets`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    // A string, not a function: the test transform would rewrite a dynamic import() in a function.
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
  for (;;) {
    const frame = devtools.frames().find((f) => f.url().startsWith(`chrome-extension://${chromium.extensionId}/src/panel/panel.html`));
    if (frame) {
      await frame.waitForSelector('#app > *', { timeout: 20_000 });
      return frame;
    }
    if (Date.now() > deadline) throw new Error('the panel frame did not load');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The browser's id for the tab showing `page`, asked of the extension's service worker.
 * Without the "tabs" permission tab URLs are hidden, so bring the page to front and take the active tab.
 */
export async function tabIdOf(chromium: Chromium, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = await (await serviceWorker(chromium)).worker();
  const id = await worker!.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (id === undefined) throw new Error(`no active tab for ${page.url()}`);
  return id;
}

/** Opens the panel page as a normal tab inspecting `page` (quicker than DevTools for UI tests). */
export async function openPanelAsTab(chromium: Chromium, page: Page): Promise<Page> {
  const tabId = await tabIdOf(chromium, page);
  const panel = await chromium.browser.newPage();
  await panel.setViewport({ width: 1200, height: 900 });
  await panel.goto(`chrome-extension://${chromium.extensionId}/src/panel/panel.html?tabId=${tabId}`);
  await panel.waitForSelector('#app > *');
  return panel;
}

/** Stops the extension's service worker, as Chrome does after 30 s idle. */
export async function stopServiceWorker(chromium: Chromium): Promise<void> {
  const worker = await (await serviceWorker(chromium)).worker();
  await worker!.close();
}
