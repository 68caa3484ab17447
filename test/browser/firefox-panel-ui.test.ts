/**
 * The panel's tools in Firefox ESR (panel page as a tab, tall so every row renders): filters
 * and chips, heartbeat hiding, connection selection, search, keyboard, context menu copy,
 * details views, payloads that look like HTML, pause, time mode persistence, theme, follow /
 * jump to latest; and a filter inside Firefox's real DevTools.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { openPanelInFirefoxDevTools } from '../helpers/firefox-devtools';
import { fill, panelCount, panelRows, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';
import { chooseMenuItem, elementWithText, openFirefoxPanelTab, reloadFirefoxPanel, rightClickRow, setFirefoxColorScheme } from './shared/firefox-panel';
import { MIXED_TOTAL as TOTAL, serveMixedPage } from './shared/pages';

let firefox: Firefox;
let server: TestServer;
let page: Page;
let panel: Page;

beforeAll(async () => {
  server = await startTestServer();
  firefox = await launchFirefox();
  const url = serveMixedPage(server);
  page = await firefox.browser.newPage();
  await page.goto(url);
  await waitFor(() => server.received.length === 24, 'all frames at the server');
  panel = await openFirefoxPanelTab(firefox, url);
  await waitFor(async () => (await panelCount(panel)) === `${TOTAL} frames`, 'every frame in the panel');
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const typeInto = (testid: string, text: string) => fill(panel, testid, text);
const chips = () => panel.$$eval('[data-testid="chip"]', (els) => els.map((e) => e.textContent!.replace('×', '')));
const previews = async () => (await panelRows(panel)).map((r) => r.preview);
const shown = (n: number | null, what: string) => waitFor(async () => (await panelCount(panel)) === (n === null ? `${TOTAL} frames` : `shown ${n} of ${TOTAL} frames`), what);

test('text and regex filters with invert, chips, counts, and an inline regex error', async () => {
  await typeInto('filter', 'needle');
  await shown(6, 'needle filter');
  expect(await chips()).toEqual(['needle']);
  await typeInto('filter', '/^b-\\d$/');
  await shown(20, 'regex filter');
  await panel.click('[data-testid="invert"]');
  await shown(31, 'inverted regex');
  expect(await chips()).toEqual(['not /^b-\\d$/']);
  await panel.click('[data-testid="invert"]');
  await typeInto('filter', '/(unclosed/');
  const error = await waitFor(() => panel.$eval('[data-testid="filter-error"]', (e) => e.textContent), 'regex error');
  expect(error).toMatch(/^Invalid regular expression: /);
  expect(await panelCount(panel)).toBe(`${TOTAL} frames`);
  await panel.click('[data-testid="chip"] button');
  await waitFor(async () => (await chips()).length === 0, 'chip removed');
  expect(await panel.$eval('[data-testid="filter"]', (e) => (e as HTMLInputElement).value)).toBe('');
});

test('direction, type and heartbeat toggles', async () => {
  await panel.click('[data-testid="show-sent"]');
  await shown(27, 'received only');
  expect(new Set((await panelRows(panel)).map((r) => r.dir))).toEqual(new Set(['received']));
  await panel.click('[data-testid="show-sent"]');
  await panel.click('[data-testid="show-text"]');
  await shown(3, 'binary only');
  await panel.click('[data-testid="show-text"]');
  await panel.click('[data-testid="hide-noise"]');
  await shown(TOTAL - 16, 'heartbeats hidden');
  expect(await previews()).not.toContain('2');
  await panel.click('[data-testid="hide-noise"]');
  await shown(null, 'heartbeats back');
});

test('selecting connections: one, then several with Ctrl, then all', async () => {
  const conns = await panel.$$('[data-testid="connection"]');
  expect(conns).toHaveLength(3);
  await conns[1].click();
  await shown(24, 'socket b only');
  expect((await previews()).every((p) => p.startsWith('b-') || p === 'needle three')).toBe(true);
  await panel.keyboard.down('Control');
  await conns[2].click();
  await panel.keyboard.up('Control');
  await shown(27, 'sockets b and push');
  expect(await chips()).toEqual(['2 connections']);
  await panel.click('[data-testid="all-connections"]');
  await shown(null, 'all connections');
});

const selectedPreview = () => panel.$eval('.row.selected [data-testid="frame-preview"]', (e) => e.textContent).catch(() => null);
const searchStatus = () => panel.$eval('[data-testid="search-status"]', (e) => e.textContent);
/** Focus out of any input and clear the selection, as a user pressing Esc in the table would. */
const resetFocus = async () => {
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await panel.keyboard.press('Escape');
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

test('keyboard navigation: Home, ArrowDown, ArrowUp, End', async () => {
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
  await waitFor(async () => (await selectedRow()) === TOTAL - 1, 'the last row');
});

test('context menu copies the payload as ws.send(…), hex and base64 (read back from the clipboard)', async () => {
  await typeInto('filter', '68 69 ff fe'); // binary frames match on their hex
  await shown(2, 'the binary frame and its echo');
  await rightClickRow(panel, '68 69 ff fe');
  const items = await panel.$$eval('[data-testid="context-menu"] button', (els) => els.map((e) => e.textContent));
  expect(items).toEqual(['Replay on its connection', 'Edit and replay…', 'Copy payload', 'Copy as ws.send(…)', 'Copy as hex', 'Copy as base64']);
  await panel.keyboard.press('Escape');
  const copy = async (label: string) => {
    await panel.evaluate(() => navigator.clipboard.writeText('(nothing yet)'));
    await rightClickRow(panel, '68 69 ff fe');
    await chooseMenuItem(panel, label);
    return waitFor(async () => { const t = await panel.evaluate(() => navigator.clipboard.readText()); return t !== '(nothing yet)' && t; }, `clipboard after ${label}`);
  };
  expect(await copy('Copy as ws.send(…)')).toBe('ws.send(new Uint8Array([104, 105, 255, 254]));');
  expect(await copy('Copy as hex')).toBe('6869fffe');
  expect(await copy('Copy as base64')).toBe('aGn//g==');
  expect(await panel.$('[data-testid="context-menu"]')).toBeNull();
});

test('details views: hex dump, base64, UTF-8 with invalid bytes shown', async () => {
  await shown(2, 'still filtered to the binary frame');
  await (await elementWithText(panel, '[data-testid="frame-row"]', '68 69 ff fe')).click();
  const hex = await waitFor(() => panel.$eval('[data-testid="details-body"]', (e) => e.textContent), 'hex view');
  expect(hex).toBe('00000000  68 69 ff fe                                      hi..');
  await panel.click('[data-testid="tab-base64"]');
  expect(await panel.$eval('[data-testid="details-body"]', (e) => e.textContent)).toBe('aGn//g==');
  await panel.click('[data-testid="tab-utf8"]');
  expect(await panel.$eval('[data-testid="details-body"]', (e) => e.textContent)).toBe('hi⟨ff⟩⟨fe⟩');
  expect(await panel.$eval('[data-testid="invalid-utf8"]', (e) => e.textContent)).toMatch(/^2 invalid UTF-8 bytes/);
  await typeInto('filter', '');
});

test('payloads that look like HTML stay text', async () => {
  await typeInto('filter', 'onerror');
  await shown(2, 'the two HTML-like frames');
  const html = await panel.$$eval('[data-testid="frame-preview"]', (els) => els.map((e) => e.textContent).filter((t) => t!.startsWith('<img')));
  expect(html).toHaveLength(2);
  await typeInto('filter', '');
  expect(await panel.$$('[data-testid="frames"] img')).toHaveLength(0);
  expect(await panel.title()).not.toBe('pwned');
});

test('pause counts frames it does not record; resume records again', async () => {
  await panel.click('[data-testid="pause"]');
  await page.evaluate(() => (window as any).more(5));
  await waitFor(async () => (await panel.$eval('[data-testid="skipped"]', (e) => e.textContent).catch(() => '')) === '10 not recorded while paused', 'all 10 skipped');
  expect(await panelCount(panel)).toBe(`${TOTAL} frames`);
  await panel.click('[data-testid="pause"]');
  await page.evaluate(() => (window as any).more(1));
  await waitFor(async () => (await panelCount(panel)) === `${TOTAL + 2} frames`, 'recording again');
});

test('relative time mode persists across panel reloads; dark theme follows the browser', async () => {
  await panel.click('[data-testid="time-mode"]');
  await waitFor(async () => (await panel.$eval('.row.header .c-time', (e) => e.textContent)) === 'Since open', 'relative header');
  expect((await panel.$$eval('[data-testid="frame-row"] .c-time', (els) => els.map((e) => e.textContent))).every((t) => /^\+\d+\.\d{3} s$/.test(t!))).toBe(true);
  expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  await setFirefoxColorScheme(firefox, 'dark');
  try {
    await reloadFirefoxPanel(panel);
    await waitFor(async () => (await panel.$eval('.row.header .c-time', (e) => e.textContent).catch(() => '')) === 'Since open', 'setting restored');
    expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  } finally {
    await setFirefoxColorScheme(firefox, 'light');
  }
  await panel.click('[data-testid="time-mode"]');
});

test('scrolling up stops following; "jump to latest" follows again', async () => {
  await panel.setViewport({ width: 1200, height: 500 });
  // The panel was reloaded above: it now also holds the frames skipped while paused (from the page's backlog).
  const before = await waitFor(async () => parseInt(await panelCount(panel), 10), 'a count');
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

test('a filter typed into the panel inside Firefox\'s real DevTools', async () => {
  const devtools = await openPanelInFirefoxDevTools(firefox, page);
  const count = () => devtools.evaluate<string | null>(`document.querySelector('[data-testid="count"]')?.textContent`);
  const total = await waitFor(async () => { const c = await count(); return c && /^\d+ frames$/.test(c) && parseInt(c, 10) >= TOTAL && c; }, 'frames in the DevTools panel');
  await devtools.evaluate(`(() => { const i = document.querySelector('[data-testid="filter"]'); i.focus(); i.value = 'needle';
    i.dispatchEvent(new window.Event('input', { bubbles: true })); })()`);
  await waitFor(async () => (await count()) === `shown 6 of ${total}`, 'the needle filter in DevTools');
  expect((await devtools.rows()).map((r) => r.preview).filter((p) => p.includes('needle'))).toHaveLength(6);
});
