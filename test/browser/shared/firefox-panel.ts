/**
 * Driving our panel page in Firefox ESR as an ordinary tab (`?tabUrl=`), plus the few things
 * puppeteer's WebDriver BiDi cannot do for a page (colour scheme emulation) done in the
 * browser's chrome scope instead (allowed by --remote-allow-system-access); and the Firefox
 * side of the feature suites (../suites/driver.ts).
 */
import type { Page } from 'puppeteer-core';
import type { Firefox } from '../../helpers/firefox';
import { waitFor } from '../../helpers/panel';
import type { PanelDriver } from '../suites/driver';

/**
 * The panel page as a tab inspecting the tab whose address starts with `tabUrl`; tall, so every row
 * renders. `ready`: what shows it rendered (the frames table; the empty hint for a quiet page).
 */
export async function openFirefoxPanelTab(firefox: Firefox, tabUrl: string, height = 1400, ready = '[data-testid="frames"]'): Promise<Page> {
  const panel = await firefox.browser.newPage();
  await panel.setViewport({ width: 1200, height });
  // With --remote-allow-system-access this navigation may never resolve: wait for content instead.
  panel.goto(`${firefox.extensionOrigin}/src/panel/panel.html?tabUrl=${encodeURIComponent(tabUrl)}`).catch(() => {});
  await waitFor(() => panel.$(ready).catch(() => null), 'the panel page to render');
  return panel;
}

/** Reloads the panel page (not awaited: like goto, it may never resolve) and waits for it to render again. */
export async function reloadFirefoxPanel(panel: Page): Promise<void> {
  await panel.evaluate(() => { (window as any).beforeReload = true; });
  panel.reload().catch(() => {});
  await waitFor(() => panel.evaluate(() => !(window as any).beforeReload && !!document.querySelector('[data-testid="frames"]')).catch(() => false), 'the reloaded panel');
}

interface BiDiConnection { send(method: string, params: object): Promise<{ result: any }> }

/** Runs `fn` (function source, string arguments) in the chrome scope of Firefox's browser window. */
export async function inFirefoxChrome<T>(firefox: Firefox, fn: string, ...args: string[]): Promise<T> {
  const connection = (firefox.browser as unknown as { connection: BiDiConnection }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.contexts.find((c: { url: string }) => c.url === 'chrome://browser/content/browser.xhtml')?.context;
  if (!context) throw new Error('no Firefox browser window in the chrome scope');
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: fn, awaitPromise: true, target: { context }, 'moz:scope': 'chrome',
    arguments: args.map((value) => ({ type: 'string', value })),
  });
  if (result.type === 'exception') throw new Error(`in Firefox's chrome scope: ${result.exceptionDetails.text}`);
  return result.result.value as T;
}

/** prefers-color-scheme for web and extension pages (puppeteer's emulateMediaFeatures needs CDP). */
export function setFirefoxColorScheme(firefox: Firefox, scheme: 'dark' | 'light' | 'system'): Promise<void> {
  return inFirefoxChrome(firefox, `(s) => Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', { dark: 0, light: 1, system: 2 }[s])`, scheme);
}

/** `firefox` is read when a test runs: the test file launches it in beforeAll. */
export function firefoxDriver(firefox: () => Firefox): PanelDriver {
  return {
    newPage: () => firefox().browser.newPage(),
    // Tall, so every row renders; `?tabUrl=` names the inspected tab (no tab ids over BiDi).
    openPanel: (page) => openFirefoxPanelTab(firefox(), page.url()),
    // No permission to grant: the extension may read the clipboard, and writes follow real clicks.
    setColorScheme: (_panel, scheme) => setFirefoxColorScheme(firefox(), scheme),
    reloadPanel: reloadFirefoxPanel,
    async downloadTo(folder) {
      // WebDriver BiDi browser.setDownloadBehavior (puppeteer has no call for it over BiDi).
      const connection = (firefox().browser as unknown as { connection: BiDiConnection }).connection;
      await connection.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: folder } });
    },
  };
}
