/**
 * Our panel inside Firefox's real DevTools (see ../shared/browser-testing.md). Firefox has no
 * DevTools protocol for this, so we drive the browser's own chrome window over WebDriver BiDi
 * ('moz:scope': 'chrome', allowed by --remote-allow-system-access). Firefox internals: expect
 * breakage on upgrades (checked with Firefox ESR 153).
 */
import type { Page } from 'puppeteer-core';
import type { Firefox } from './firefox';
import type { RowText } from './panel';

const BROWSER_WINDOW = 'chrome://browser/content/browser.xhtml';

export interface FirefoxDevToolsPanel {
  /** Evaluates a JS expression in the panel document (`window` and `document` are the panel's) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** The rendered frame rows, top to bottom, like panelRows(). */
  rows(): Promise<RowText[]>;
  /** The panel's visible text. */
  text(): Promise<string>;
}

interface BiDiConnection { send(method: string, params: object): Promise<{ result: any }> }

/** Runs `fn` (source text of a function) in the browser window's chrome scope with string arguments. */
async function callInChrome<T>(connection: BiDiConnection, context: string, fn: string, ...args: string[]): Promise<T> {
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: fn,
    awaitPromise: true,
    target: { context },
    'moz:scope': 'chrome',
    arguments: args.map((value) => ({ type: 'string', value })),
  });
  if (result.type === 'exception') throw new Error(`in Firefox's chrome scope: ${result.exceptionDetails.text}`);
  return result.result.value as T;
}

async function browserWindowContext(connection: BiDiConnection): Promise<string> {
  const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = result.contexts.find((c: { url: string }) => c.url === BROWSER_WINDOW);
  if (!context) throw new Error(`no ${BROWSER_WINDOW} among Firefox's chrome contexts`);
  return context.context;
}

/**
 * Selects the tab showing `url`, opens its toolbox, waits for our extension's panel to be
 * registered (the devtools page creates it asynchronously), selects it and keeps the panel's
 * <browser> element (remote: the panel runs in the extension process) for later reads.
 */
const OPEN_PANEL = `async (url) => {
  const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === url);
  if (!tab) throw new Error('no tab shows ' + url);
  gBrowser.selectedTab = tab;
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const toolbox = await gDevTools.showToolboxForTab(tab);
  const deadline = Date.now() + 20000;
  let id;
  while (!(id = [...toolbox.additionalToolDefinitions.keys()].find((k) => k.startsWith('webext-devtools-panel-')))) {
    if (Date.now() > deadline) throw new Error('no webext-devtools-panel- tool in the toolbox');
    await new Promise((r) => setTimeout(r, 100));
  }
  await toolbox.selectTool(id);
  const iframe = toolbox.doc.getElementById('toolbox-panel-iframe-' + id);
  const browser = iframe && iframe.contentDocument.querySelector('browser');
  if (!browser) throw new Error('no <browser> in toolbox-panel-iframe-' + id);
  window.wsinspectTestPanel = browser;
  return id;
}`;

/**
 * Evaluates an expression in the panel's content process: a frame script (privileged, seeing the
 * panel through Xrays as `content`) sends back its JSON, or an error, under a one-off message name.
 */
const EVALUATE_IN_PANEL = `(expression, name) => new Promise((resolve, reject) => {
  const mm = window.wsinspectTestPanel.messageManager;
  const timer = setTimeout(() => reject(new Error('the panel frame script did not answer')), 10000);
  const listener = (message) => {
    mm.removeMessageListener(name, listener);
    clearTimeout(timer);
    resolve(message.data);
  };
  mm.addMessageListener(name, listener);
  const script = '(() => { const window = content, document = content.document; let answer;' +
    'try { answer = { value: JSON.stringify(' + expression + ') }; } catch (e) { answer = { error: String(e) }; }' +
    'sendAsyncMessage(' + JSON.stringify(name) + ', JSON.stringify(answer)); })();';
  mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
})`;

/** Same extraction as panelRows() in ./panel.ts, as text for the frame script. */
const ROWS_EXPRESSION = `[...document.querySelectorAll('[data-testid="frame-row"]')]
  .map((r) => ({ top: parseFloat(r.style.top), dir: r.getAttribute('data-dir'), opcode: r.getAttribute('data-opcode'),
    preview: r.querySelector('[data-testid="frame-preview"]').textContent }))
  .sort((a, b) => a.top - b.top)
  .map(({ dir, opcode, preview }) => ({ dir, opcode, preview }))`;

/** Opens Firefox's DevTools for `page`, selects our panel and returns a way to read it. */
export async function openPanelInFirefoxDevTools(firefox: Firefox, page: Page): Promise<FirefoxDevToolsPanel> {
  const connection = (firefox.browser as unknown as { connection: BiDiConnection }).connection;
  await page.bringToFront();
  const context = await browserWindowContext(connection);
  await callInChrome(connection, context, OPEN_PANEL, page.url());
  let calls = 0;
  const evaluate = async <T>(expression: string): Promise<T> => {
    const name = `wsinspect-test:${++calls}`;
    const answer = JSON.parse(await callInChrome<string>(connection, context, EVALUATE_IN_PANEL, expression, name));
    if ('error' in answer) throw new Error(`in the panel: ${answer.error}`);
    return answer.value === undefined ? (undefined as T) : JSON.parse(answer.value);
  };
  return {
    evaluate,
    rows: () => evaluate<RowText[]>(ROWS_EXPRESSION),
    text: () => evaluate<string>('document.body.innerText'),
  };
}
