/**
 * Chromium for benchmarks: like test/helpers/chromium.ts, but the extension is loaded from
 * a private snapshot of dist/chrome (others rebuild dist/ while a long bench runs), with
 * precise memory numbers and `gc()`; plus DevTools on any panel and heap/long-task probes.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type CDPSession, type Frame, type Page } from 'puppeteer-core';
import { openPanelInDevTools, tabIdOf, type Chromium } from '../../test/helpers/chromium';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let snapshot: string | null = null;

/** Copies the built extension once per run; BENCH_DIST points at another build. */
export function extensionDir(): string {
  if (!snapshot) {
    snapshot = mkdtempSync(join(tmpdir(), 'wsinspect-bench-ext-'));
    cpSync(process.env.BENCH_DIST ?? resolve(import.meta.dirname, '../../dist/chrome'), snapshot, { recursive: true });
    process.on('exit', () => rmSync(snapshot!, { recursive: true, force: true }));
  }
  return snapshot;
}

export async function launch(extension: boolean): Promise<Chromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'wsinspect-bench-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--js-flags=--expose-gc'];
  if (extension) args.push(`--disable-extensions-except=${extensionDir()}`, `--load-extension=${extensionDir()}`);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM, headless: true, args, userDataDir, protocolTimeout: 600_000,
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
  });
  let extensionId = '';
  if (extension) {
    const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
    extensionId = new URL(sw.url()).host;
  }
  return {
    browser, extensionId,
    async close() {
      await browser.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The browser's single tab (a visible page: a second tab would hide the first and throttle its timers). */
export async function firstPage(chromium: Chromium): Promise<Page> {
  const pages = await chromium.browser.pages();
  return pages[0] ?? chromium.browser.newPage();
}

/** Opens DevTools on `page` showing one of its own panels ('network', 'console', ...). */
export async function openDevToolsOn(page: Page, tabId: string): Promise<Page> {
  const devtools = await page.openDevTools();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await devtools.evaluate(`(async () => {
      try {
        const UI = await import('./ui/legacy/legacy.js');
        const pane = UI.InspectorView.InspectorView.instance().tabbedPane;
        if (!pane.tabIds().includes(${JSON.stringify(tabId)})) return false;
        pane.selectTab(${JSON.stringify(tabId)});
        return pane.selectedTabId === ${JSON.stringify(tabId)};
      } catch { return false; }
    })()`).catch(() => false);
    if (ok) return devtools;
    if (Date.now() > deadline) throw new Error(`DevTools did not show its ${tabId} panel`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Our panel inside the real DevTools, and a CDP session to its (out-of-process) frame. */
export async function openOurPanel(chromium: Chromium, page: Page): Promise<{ frame: Frame; cdp: CDPSession }> {
  const frame = await openPanelInDevTools(chromium, page);
  const target = await chromium.browser.waitForTarget((t) => t.url() === frame.url(), { timeout: 10_000 });
  return { frame, cdp: await target.createCDPSession() };
}

/** JS heap of one isolate after a full GC: V8 heap plus ArrayBuffer backing stores. */
export async function heapAfterGc(cdp: CDPSession): Promise<{ used: number; backing: number; total: number }> {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage') as { usedSize: number; backingStorageSize?: number };
  const backing = u.backingStorageSize ?? 0;
  return { used: u.usedSize, backing, total: u.usedSize + backing };
}

/**
 * Starts recording long tasks (≥ 50 ms, Long Tasks API) in a page or frame; the returned
 * function gives their durations since the start (or since `sinceEpoch`).
 */
export async function recordLongTasks(where: Page | Frame): Promise<(sinceEpoch?: number) => Promise<number[]>> {
  await where.evaluate(`(() => {
    if (window.__benchLong) return;
    window.__benchLong = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLong.push([performance.timeOrigin + e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  })()`);
  return (sinceEpoch = 0) => where.evaluate(`window.__benchLong.filter((e) => e[0] >= ${sinceEpoch}).map((e) => e[1])`) as Promise<number[]>;
}

export async function epochNow(where: Page | Frame): Promise<number> {
  return where.evaluate('performance.timeOrigin + performance.now()') as Promise<number>;
}

/** The panel's frame count, as a number (0 when it shows none). */
export async function panelTotal(frame: Frame): Promise<number> {
  const text = await frame.$eval('[data-testid="count"]', (e) => e.textContent ?? '').catch(() => '');
  const m = /(\d+) frames/.exec(text);
  return m ? Number(m[1]) : 0;
}

export async function until(check: () => Promise<boolean>, what: string, timeoutMs: number, pollMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Our panel page as a tab in a window of its own (no DevTools; both it and the page stay visible). */
export async function openPanelInWindow(chromium: Chromium, page: Page): Promise<{ page: Page; cdp: CDPSession }> {
  const tabId = await tabIdOf(chromium, page);
  const url = `chrome-extension://${chromium.extensionId}/src/panel/panel.html?tabId=${tabId}`;
  const cdp = await chromium.browser.target().createCDPSession();
  await cdp.send('Target.createTarget', { url, newWindow: true });
  const target = await chromium.browser.waitForTarget((t) => t.url() === url, { timeout: 10_000 });
  const panel = (await target.asPage())!;
  await panel.waitForSelector('#app > *', { timeout: 20_000 });
  return { page: panel, cdp: await target.createCDPSession() };
}
