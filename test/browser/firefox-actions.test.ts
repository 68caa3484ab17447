/**
 * Acting on the page's live sockets from the panel in Firefox ESR (panel page as a tab): send,
 * replay, simulate an incoming message / error / server close, close — checked against what the
 * page's own code saw and what the real server received; the page cannot drive the hook; and a
 * send from the composer inside Firefox's real DevTools.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { openPanelInFirefoxDevTools } from '../helpers/firefox-devtools';
import { fill, panelRows, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';
import { chooseMenuItem, openFirefoxPanelTab, rightClickRow } from './shared/firefox-panel';
import { serveChatPage } from './shared/pages';

let firefox: Firefox;
let server: TestServer;
let page: Page;
let panel: Page;

beforeAll(async () => {
  server = await startTestServer();
  firefox = await launchFirefox();
  const url = serveChatPage(server);
  page = await firefox.browser.newPage();
  await page.goto(url);
  await waitFor(() => server.received.length === 1, 'the page hello');
  panel = await openFirefoxPanelTab(firefox, url);
  await waitFor(async () => (await panelRows(panel)).length === 2, 'hello and echo in the panel');
  await panel.click('[data-testid="compose"]');
  await panel.waitForSelector('[data-testid="composer"]');
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const seen = () => page.evaluate(() => (window as any).seen as unknown[][]);
const setComposer = async (mode: string, text: string) => {
  await panel.click(`[data-testid="compose-${mode}"]`);
  await fill(panel, 'composer-input', text);
};
/** Picks the composer's target connection and waits until the panel has re-rendered with it. */
const target = (n: number) => panel.$$eval('[data-testid="composer-target"] option', async (opts, i) => {
  const select = document.querySelector('[data-testid="composer-target"]') as HTMLSelectElement;
  const value = (opts[i] as HTMLOptionElement).value;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 50));
  if ((document.querySelector('[data-testid="composer-target"]') as HTMLSelectElement).value !== value) throw new Error('target not applied');
}, n);
const rowTexts = () => panel.$$eval('[data-testid="frame-row"]', (els) => els.map((e) => e.textContent));

test('send from the composer reaches the real server and is marked in the table', async () => {
  await target(0);
  await setComposer('json', '{"from":"panel"}');
  await panel.click('[data-testid="composer-send"]');
  await waitFor(() => server.received.some((m) => m.text === '{"from":"panel"}'), 'the server to get it');
  await waitFor(async () => (await seen()).some((s) => s[1] === '{"from":"panel"}'), 'the echo to reach the page');
  await waitFor(async () => (await rowTexts()).some((t) => t!.includes('panel{"from":"panel"}')), 'the sent frame marked "panel"');
});

test('invalid JSON and bad close codes are refused with a message', async () => {
  await setComposer('json', '{"broken":');
  expect(await panel.$eval('[data-testid="composer-error"]', (e) => e.textContent)).toMatch(/^Invalid JSON/);
  expect(await panel.$eval('[data-testid="composer-send"]', (e) => (e as HTMLButtonElement).disabled)).toBe(true);
  await fill(panel, 'close-code', '1234');
  await panel.click('[data-testid="close-socket"]');
  expect(await panel.$eval('[data-testid="composer-message"]', (e) => e.textContent)).toBe('Close code must be 1000 or 3000–4999');
});

test('simulated incoming text and binary reach every listener in order; the server sees nothing', async () => {
  const before = server.received.length;
  await setComposer('text', 'as if from the server');
  await panel.click('[data-testid="composer-simulate"]');
  await waitFor(async () => (await seen()).filter((s) => s[1] === 'as if from the server').length === 2, 'both listeners');
  expect((await seen()).filter((s) => s[1] === 'as if from the server').map((s) => s[0])).toEqual(['onmessage', 'listener']);
  await setComposer('hex', '01 02 ff');
  await panel.click('[data-testid="composer-simulate"]');
  await waitFor(async () => (await seen()).some((s) => s[1] === '1,2,255'), 'binary as an ArrayBuffer');
  expect(server.received.length).toBe(before);
  const badges = () => panel.$$eval('[data-testid="origin"]', (els) => els.map((e) => e.textContent));
  await waitFor(async () => (await badges()).filter((b) => b === 'simulated').length === 2, 'both marked simulated in the table');
});

test('replay a captured frame from the context menu', async () => {
  await rightClickRow(panel, 'page hello', '[data-testid="frame-row"][data-dir="sent"]');
  await chooseMenuItem(panel, 'Replay on its connection');
  await waitFor(() => server.received.filter((m) => m.text === 'page hello').length === 2, 'the replayed frame at the server');
});

test('simulate error, then a server close the page sees with our code', async () => {
  await panel.click('[data-testid="simulate-error"]');
  await waitFor(async () => (await seen()).some((s) => s[0] === 'error'), 'error event');
  await fill(panel, 'close-code', '4321');
  await fill(panel, 'close-reason', 'simulated');
  await target(0);
  await panel.click('[data-testid="simulate-close"]');
  await waitFor(async () => (await seen()).some((s) => s[0] === 'close'), 'close event');
  expect((await seen()).find((s) => s[0] === 'close')).toEqual(['close', 4321, 'simulated', true]);
  await waitFor(async () => (await panel.$$eval('[data-testid="connection-state"]', (els) => els.map((e) => e.textContent))).includes('closed 4321 "simulated" (simulated)'), 'simulated close in the panel');
});

test('close the other socket for real with a code the server receives', async () => {
  const closed = new Promise<[number, string]>((resolve) => {
    server.onClose = (code, reason) => resolve([code, reason]);
  });
  await fill(panel, 'close-code', '4002');
  await target(0);
  await panel.click('[data-testid="close-socket"]');
  expect(await closed).toEqual([4002, 'simulated']);
  await waitFor(async () => (await seen()).some((s) => s[0] === 'second-close'), 'the page sees its socket closed');
  expect((await seen()).find((s) => s[0] === 'second-close')).toEqual(['second-close', 4002, 'simulated']);
});

test('the page cannot drive the hook: fake handshakes and window messages do nothing', async () => {
  const before = server.received.length;
  const received = await page.evaluate(async () => {
    const got: unknown[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => got.push(e.data);
    window.postMessage('__wsinspect_hook_v1__', '*', [channel.port2]);
    window.postMessage({ v: 1, type: 'command', tabId: 1, frameId: 0, conn: 'x:1', command: { op: 'send', payload: { kind: 'text', text: 'forged' } } }, '*');
    const s = new WebSocket(location.origin.replace('http', 'ws') + '/echo?third');
    await new Promise((r) => { s.onopen = r; });
    s.send('real');
    await new Promise((r) => setTimeout(r, 300));
    return got;
  });
  expect(received).toEqual([]); // nothing was ever reported to the page's fake port
  await waitFor(() => server.received.length === before + 1, 'only the real frame');
  expect(server.received.map((m) => m.text)).not.toContain('forged');
  await waitFor(async () => (await panelRows(panel)).some((r) => r.preview === 'real'), 'the new socket still captured');
});

test('send from the composer inside Firefox\'s real DevTools', async () => {
  const devtools = await openPanelInFirefoxDevTools(firefox, page);
  await waitFor(async () => (await devtools.rows()).some((r) => r.preview === 'real'), 'the page\'s frames in the DevTools panel');
  await devtools.evaluate(`document.querySelector('[data-testid="compose"]').click()`);
  await waitFor(() => devtools.evaluate<boolean>(`!!document.querySelector('[data-testid="composer-input"]')`), 'the composer');
  // The default target is the last open connection: the page's third socket (the others are closed).
  expect(await devtools.evaluate<string>(`document.querySelector('[data-testid="composer-target"]').selectedOptions[0].textContent`)).toMatch(/\/echo\?third$/);
  await devtools.evaluate(`(() => { document.querySelector('[data-testid="compose-text"]').click();
    const i = document.querySelector('[data-testid="composer-input"]'); i.value = 'from the toolbox';
    i.dispatchEvent(new window.Event('input', { bubbles: true })); })()`);
  await waitFor(() => devtools.evaluate<boolean>(`!document.querySelector('[data-testid="composer-send"]').disabled`), 'send enabled');
  await devtools.evaluate(`document.querySelector('[data-testid="composer-send"]').click()`);
  await waitFor(() => server.received.some((m) => m.text === 'from the toolbox'), 'the server to get it');
  await waitFor(async () => (await devtools.rows()).filter((r) => r.preview === 'from the toolbox').length === 2, 'sent and echoed in the DevTools panel');
  expect(await devtools.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="frame-row"]')].filter((r) => r.textContent.includes('from the toolbox')).map((r) => r.getAttribute('data-dir') + ' ' + (r.querySelector('[data-testid="origin"]')?.textContent ?? ''))`))
    .toEqual(expect.arrayContaining(['sent panel', 'received ']));
  await waitFor(async () => (await panelRows(panel)).some((r) => r.preview === 'from the toolbox'), 'the panel tab sees it too');
});
