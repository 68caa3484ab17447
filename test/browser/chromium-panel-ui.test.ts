/**
 * The panel's tools, driven in Chromium (panel page as a tab for speed): filters and chips,
 * heartbeat hiding, connection selection, search, keyboard, context menu copy, pause,
 * time mode, settings persistence, details views, and payloads that look like HTML.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { fill, panelCount, panelRows, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';

let chromium: Chromium;
let server: TestServer;
let page: Page;
let panel: Page;

const TOTAL = 24 + 24 + 3; // sockets a and b: 12 sent + 12 echoed each; the push socket: 3 received

beforeAll(async () => {
  server = await startTestServer();
  chromium = await launchChromium();
  server.page('/mixed', `<script>
    const a = new WebSocket('${server.wsUrl}/echo');
    const b = new WebSocket('${server.wsUrl}/echo?second');
    window.sockets = [a, b];
    a.onopen = () => {
      a.send(JSON.stringify({ type: 'chat', text: 'needle one' }));
      for (let i = 0; i < 4; i++) { a.send('2'); a.send('3'); }
      a.send('<img src=x onerror="document.title=\\'pwned\\'">');
      a.send(new Uint8Array([0x68, 0x69, 0xff, 0xfe]));
      a.send('needle two');
    };
    b.onopen = () => { for (let i = 0; i < 11; i++) b.send('b-' + i); b.send('needle three'); };
    const push = new WebSocket('${server.wsUrl}/push/2');
    window.more = (n) => { for (let i = 0; i < n; i++) a.send('more-' + i); };
  </script>`);
  page = await chromium.browser.newPage();
  await page.goto(`${server.url}/mixed`);
  await waitFor(() => server.received.length === 24, 'all frames at the server');
  const context = chromium.browser.defaultBrowserContext();
  await context.overridePermissions(`chrome-extension://${chromium.extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  panel = await openPanelAsTab(chromium, page);
  await waitFor(async () => (await panelCount(panel)) === `${TOTAL} frames`, 'every frame in the panel');
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

const typeInto = (testid: string, text: string) => fill(panel, testid, text);
const chips = () => panel.$$eval('[data-testid="chip"]', (els) => els.map((e) => e.textContent!.replace('×', '')));
const previews = async () => (await panelRows(panel)).map((r) => r.preview);

test('text and regex filters with invert, chips, counts, and an inline regex error', async () => {
  await typeInto('filter', 'needle');
  await waitFor(async () => (await panelCount(panel)) === `shown 6 of ${TOTAL} frames`, 'needle filter');
  expect(await chips()).toEqual(['needle']);
  await typeInto('filter', '/^b-\\d$/');
  await waitFor(async () => (await panelCount(panel)) === `shown 20 of ${TOTAL} frames`, 'regex filter');
  await panel.click('[data-testid="invert"]');
  await waitFor(async () => (await panelCount(panel)) === `shown 31 of ${TOTAL} frames`, 'inverted regex');
  expect(await chips()).toEqual(['not /^b-\\d$/']);
  await panel.click('[data-testid="invert"]');
  await typeInto('filter', '/(unclosed/');
  const error = await waitFor(() => panel.$eval('[data-testid="filter-error"]', (e) => e.textContent), 'regex error');
  expect(error).toMatch(/^Invalid regular expression/);
  expect(await panelCount(panel)).toBe(`${TOTAL} frames`);
  await panel.$eval('[data-testid="chip"] button', (e) => (e as HTMLElement).click());
  await waitFor(async () => (await chips()).length === 0, 'chip removed');
  expect(await panel.$eval('[data-testid="filter"]', (e) => (e as HTMLInputElement).value)).toBe('');
});

test('direction, type and heartbeat toggles', async () => {
  await panel.click('[data-testid="show-sent"]');
  await waitFor(async () => (await panelCount(panel)) === `shown 27 of ${TOTAL} frames`, 'received only');
  expect(new Set((await panelRows(panel)).map((r) => r.dir))).toEqual(new Set(['received']));
  await panel.click('[data-testid="show-sent"]');
  await panel.click('[data-testid="show-text"]');
  await waitFor(async () => (await panelCount(panel)) === `shown 3 of ${TOTAL} frames`, 'binary only');
  await panel.click('[data-testid="show-text"]');
  await panel.click('[data-testid="hide-noise"]');
  await waitFor(async () => (await panelCount(panel)) === `shown ${TOTAL - 16} of ${TOTAL} frames`, 'heartbeats hidden');
  expect(await previews()).not.toContain('2');
  await panel.click('[data-testid="hide-noise"]');
  await waitFor(async () => (await panelCount(panel)) === `${TOTAL} frames`, 'heartbeats back');
});

test('selecting connections: one, then several with Ctrl, then all', async () => {
  const conns = await panel.$$('[data-testid="connection"]');
  expect(conns).toHaveLength(3);
  await conns[1].click();
  await waitFor(async () => (await panelCount(panel)) === `shown 24 of ${TOTAL} frames`, 'socket b only');
  expect((await previews()).every((p) => p.startsWith('b-') || p === 'needle three')).toBe(true);
  await panel.keyboard.down('Control');
  await conns[2].click();
  await panel.keyboard.up('Control');
  await waitFor(async () => (await panelCount(panel)) === `shown 27 of ${TOTAL} frames`, 'sockets b and push');
  expect(await chips()).toEqual(['2 connections']);
  await panel.click('[data-testid="all-connections"]');
  await waitFor(async () => (await panelCount(panel)) === `${TOTAL} frames`, 'all connections');
});

const selectedPreview = () => panel.$eval('.row.selected [data-testid="frame-preview"]', (e) => e.textContent).catch(() => null);
const searchStatus = () => panel.$eval('[data-testid="search-status"]', (e) => e.textContent);

/** Focus out of any input and clear the selection, as a user pressing Esc in the table would. */
const resetFocus = async () => {
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await panel.keyboard.press('Escape');
};

/** Right-clicks the row whose preview contains `text` (found and clicked in one step: rows move). */
const rightClickRow = async (text: string) => {
  const row = await panel.evaluateHandle((t) => [...document.querySelectorAll('[data-testid="frame-row"]')].find((e) => e.textContent!.includes(t)), text);
  await (row as any).click({ button: 'right' });
  await panel.waitForSelector('[data-testid="context-menu"]');
};

test('search highlights matches and steps with Enter / Shift+Enter; Ctrl+F focuses it', async () => {
  await resetFocus();
  await panel.keyboard.down('Control');
  await panel.keyboard.press('f');
  await panel.keyboard.up('Control');
  expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
  await panel.keyboard.type('needle');
  await waitFor(async () => (await searchStatus()) === '0 / 6', 'match count');
  expect(await panel.$$eval('mark', (els) => els.map((e) => e.textContent))).toContain('needle');
  await panel.keyboard.press('Enter');
  await waitFor(async () => (await searchStatus()) === '1 / 6', 'first match');
  expect(await selectedPreview()).toContain('needle one');
  await panel.keyboard.press('Enter');
  expect(await waitFor(async () => (await searchStatus()) === '2 / 6' && selectedPreview(), 'second match')).toContain('needle');
  await panel.keyboard.down('Shift');
  await panel.keyboard.press('Enter');
  await panel.keyboard.press('Enter');
  await panel.keyboard.up('Shift');
  await waitFor(async () => (await searchStatus()) === '6 / 6', 'wrapped backwards to the last match');
  await typeInto('search', '');
});

test('keyboard navigation: Home, ArrowDown, End', async () => {
  const selectedRow = () => panel.$eval('.row.selected', (e) => Number(e.getAttribute('data-row'))).catch(() => null);
  await resetFocus();
  await panel.keyboard.press('Home');
  await waitFor(async () => (await selectedRow()) === 0, 'first row selected');
  expect(await selectedPreview()).toBe('{"type":"chat","text":"needle one"}');
  await panel.keyboard.press('ArrowDown');
  await waitFor(async () => (await selectedRow()) === 1, 'next row');
  await panel.keyboard.press('ArrowUp');
  await waitFor(async () => (await selectedRow()) === 0, 'back up');
  await panel.keyboard.press('End');
  const total = parseInt(await panelCount(panel), 10);
  await waitFor(async () => (await selectedRow()) === total - 1, 'the last row');
});

test('context menu copies the payload as ws.send(…), hex and base64', async () => {
  await typeInto('filter', '68 69 ff fe'); // binary frames match on their hex
  await waitFor(async () => (await panelCount(panel)) === `shown 2 of ${TOTAL} frames`, 'the binary frame and its echo');
  await rightClickRow('68 69 ff fe');
  const items = await panel.$$eval('[data-testid="context-menu"] button', (els) => els.map((e) => e.textContent));
  expect(items).toEqual(['Replay on its connection', 'Edit and replay…', 'Copy payload', 'Copy as ws.send(…)', 'Copy as hex', 'Copy as base64']);
  const copy = async (label: string) => {
    await rightClickRow('68 69 ff fe');
    await panel.$$eval('[data-testid="context-menu"] button', (els, l) => (els.find((e) => e.textContent === l) as HTMLElement).click(), label);
    return waitFor(() => panel.evaluate(() => navigator.clipboard.readText()), `clipboard after ${label}`);
  };
  expect(await copy('Copy as ws.send(…)')).toBe('ws.send(new Uint8Array([104, 105, 255, 254]));');
  expect(await copy('Copy as hex')).toBe('6869fffe');
  expect(await copy('Copy as base64')).toBe('aGn//g==');
  expect(await panel.$('[data-testid="context-menu"]')).toBeNull();
});

test('details views: hex dump, base64, UTF-8 with invalid bytes shown', async () => {
  await waitFor(async () => (await panelCount(panel)) === `shown 2 of ${TOTAL} frames`, 'still filtered to the binary frame');
  await panel.$$eval('[data-testid="frame-row"]', (els) => (els.find((e) => e.textContent!.includes('68 69 ff fe')) as HTMLElement).click());
  const hex = await waitFor(() => panel.$eval('[data-testid="details-body"]', (e) => e.textContent), 'hex view');
  expect(hex).toBe('00000000  68 69 ff fe                                      hi..');
  await panel.$eval('[data-testid="tab-base64"]', (e) => (e as HTMLElement).click());
  expect(await panel.$eval('[data-testid="details-body"]', (e) => e.textContent)).toBe('aGn//g==');
  await panel.$eval('[data-testid="tab-utf8"]', (e) => (e as HTMLElement).click());
  expect(await panel.$eval('[data-testid="details-body"]', (e) => e.textContent)).toBe('hi⟨ff⟩⟨fe⟩');
  expect(await panel.$eval('[data-testid="invalid-utf8"]', (e) => e.textContent)).toMatch(/^2 invalid UTF-8 bytes/);
  await typeInto('filter', '');
});

test('payloads that look like HTML stay text', async () => {
  await typeInto('filter', 'onerror');
  await waitFor(async () => (await panelCount(panel)) === `shown 2 of ${TOTAL} frames`, 'the two HTML-like frames');
  const html = await panel.$$eval('[data-testid="frame-preview"]', (els) => els.map((e) => e.textContent).filter((t) => t!.startsWith('<img')));
  expect(html).toHaveLength(2);
  await typeInto('filter', '');
  expect(await panel.$$('[data-testid="frames"] img')).toHaveLength(0);
  expect(await panel.title()).not.toBe('pwned');
});

test('pause counts frames it does not record; resume records again', async () => {
  await panel.click('[data-testid="pause"]');
  await page.evaluate(() => (window as any).more(5));
  await waitFor(() => panel.$eval('[data-testid="skipped"]', (e) => e.textContent), 'skipped notice');
  await waitFor(async () => (await panel.$eval('[data-testid="skipped"]', (e) => e.textContent)) === '10 not recorded while paused', 'all 10 skipped');
  expect(await panelCount(panel)).toBe(`${TOTAL} frames`);
  await panel.click('[data-testid="pause"]');
  await page.evaluate(() => (window as any).more(1));
  await waitFor(async () => (await panelCount(panel)) === `${TOTAL + 2} frames`, 'recording again');
});

test('relative time mode persists across panel reloads; dark theme follows the browser', async () => {
  await panel.click('[data-testid="time-mode"]');
  await waitFor(async () => (await panel.$eval('.row.header .c-time', (e) => e.textContent)) === 'Since open', 'relative header');
  expect((await panel.$$eval('[data-testid="frame-row"] .c-time', (els) => els.map((e) => e.textContent))).every((t) => /^\+\d+\.\d{3} s$/.test(t!))).toBe(true);
  await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await panel.reload();
  await waitFor(async () => (await panel.$eval('.row.header .c-time', (e) => e.textContent).catch(() => '')) === 'Since open', 'setting restored');
  expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await panel.click('[data-testid="time-mode"]');
  await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
});

test('scrolling up stops following; "jump to latest" follows again', async () => {
  await panel.setViewport({ width: 1200, height: 500 });
  // The panel was reloaded above: it now also holds the frames skipped while paused (from the page's backlog).
  const before = parseInt(await panelCount(panel), 10);
  await page.evaluate(() => (window as any).more(40));
  await waitFor(async () => (await panelCount(panel)) === `${before + 80} frames`, 'more frames');
  await panel.$eval('[data-testid="frames"]', (e) => { e.scrollTop = 0; });
  await panel.waitForSelector('[data-testid="jump-latest"]');
  await page.evaluate(() => (window as any).more(1));
  await waitFor(async () => (await panelCount(panel)) === `${before + 82} frames`, 'a frame while scrolled up');
  expect(await panel.$eval('[data-testid="frames"]', (e) => e.scrollTop)).toBe(0);
  await panel.click('[data-testid="jump-latest"]');
  await waitFor(async () => (await panelRows(panel)).at(-1)?.preview === 'more-0', 'at the bottom again');
  expect(await panel.$('[data-testid="jump-latest"]')).toBeNull();
});

test('"Learn the API" explains the selected frame in WebSocket API terms', async () => {
  await typeInto('filter', 'needle two');
  await waitFor(async () => (await panelCount(panel)).startsWith('shown 2 of'), 'the frame and its echo');
  await panel.$$eval('[data-testid="frame-row"]', (els) => (els.find((e) => e.getAttribute('data-dir') === 'received') as HTMLElement).click());
  await panel.$eval('[data-testid="tab-learn"]', (e) => (e as HTMLElement).click());
  const text = await panel.$eval('[data-testid="learn"]', (e) => e.textContent ?? '');
  expect(text).toContain("'message' event");
  expect(text).toContain('event.data is a string');
  expect(text).toContain('readyState starts at 0 CONNECTING');
  await typeInto('filter', '');
});
