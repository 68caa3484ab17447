/**
 * The panel's tools, on the panel page as a tab (any browser, see ./driver.ts): filters and
 * chips, heartbeat hiding, connection selection, search, keyboard, context menu copy, details
 * views, payloads that look like HTML, pause, time mode persistence, theme, follow / jump to
 * latest, and "Learn the API". Run by chromium-panel-ui.test.ts and firefox-panel-ui.test.ts.
 */
import { expect, test } from 'vitest';
import { fill, panelCount, panelRows, waitFor } from '../../helpers/panel';
import { MIXED_TOTAL as TOTAL, serveMixedPage } from '../shared/pages';
import { chooseMenuItem, elementWithText, rightClickRow } from '../shared/panel';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

/** Declares the tests (in order: each leaves the panel as the next expects) and returns what they ran on. */
export function definePanelUiSuite(driver: PanelDriver): PanelOnPage {
  const s: PanelOnPage = setUpPanelOnPage(driver, {} as PanelOnPage, {
    serve: serveMixedPage,
    loaded: () => waitFor(() => s.server.received.length === 24, 'all frames at the server'),
    clipboard: true,
    opened: () => waitFor(async () => (await panelCount(s.panel)) === `${TOTAL} frames`, 'every frame in the panel'),
  });

  const typeInto = (testid: string, text: string) => fill(s.panel, testid, text);
  const chips = () => s.panel.$$eval('[data-testid="chip"]', (els) => els.map((e) => e.textContent!.replace('×', '')));
  const previews = async () => (await panelRows(s.panel)).map((r) => r.preview);
  const shown = (n: number | null, what: string) => waitFor(async () => (await panelCount(s.panel)) === (n === null ? `${TOTAL} frames` : `shown ${n} of ${TOTAL} frames`), what);

  test('text and regex filters with invert, chips, counts, and an inline regex error', async () => {
    const { panel } = s;
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
    const { panel } = s;
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
    const { panel } = s;
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

  const selectedPreview = () => s.panel.$eval('.row.selected [data-testid="frame-preview"]', (e) => e.textContent).catch(() => null);
  const searchStatus = () => s.panel.$eval('[data-testid="search-status"]', (e) => e.textContent);
  /** Focus out of any input and clear the selection, as a user pressing Esc in the table would. */
  const resetFocus = async () => {
    await s.panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await s.panel.keyboard.press('Escape');
  };

  test('search highlights matches and steps with Enter / Shift+Enter; Ctrl+F focuses it', async () => {
    const { panel } = s;
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
    const { panel } = s;
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
    expect(await panelCount(panel)).toBe(`${TOTAL} frames`);
    await waitFor(async () => (await selectedRow()) === TOTAL - 1, 'the last row');
  });

  test('context menu copies the payload as ws.send(…), hex and base64 (read back from the clipboard)', async () => {
    const { panel } = s;
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
    const { panel } = s;
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
    const { panel } = s;
    await typeInto('filter', 'onerror');
    await shown(2, 'the two HTML-like frames');
    const html = await panel.$$eval('[data-testid="frame-preview"]', (els) => els.map((e) => e.textContent).filter((t) => t!.startsWith('<img')));
    expect(html).toHaveLength(2);
    await typeInto('filter', '');
    expect(await panel.$$('[data-testid="frames"] img')).toHaveLength(0);
    expect(await panel.title()).not.toBe('pwned');
  });

  test('pause counts frames it does not record; resume records again', async () => {
    const { page, panel } = s;
    await panel.click('[data-testid="pause"]');
    await page.evaluate(() => (window as any).more(5));
    await waitFor(async () => (await panel.$eval('[data-testid="skipped"]', (e) => e.textContent).catch(() => '')) === '10 not recorded while paused', 'all 10 skipped');
    expect(await panelCount(panel)).toBe(`${TOTAL} frames`);
    await panel.click('[data-testid="pause"]');
    await page.evaluate(() => (window as any).more(1));
    await waitFor(async () => (await panelCount(panel)) === `${TOTAL + 2} frames`, 'recording again');
  });

  test('relative time mode persists across panel reloads; dark theme follows the browser', async () => {
    const { panel } = s;
    await panel.click('[data-testid="time-mode"]');
    await waitFor(async () => (await panel.$eval('.row.header .c-time', (e) => e.textContent)) === 'Since open', 'relative header');
    expect((await panel.$$eval('[data-testid="frame-row"] .c-time', (els) => els.map((e) => e.textContent))).every((t) => /^\+\d+\.\d{3} s$/.test(t!))).toBe(true);
    expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await driver.setColorScheme(panel, 'dark');
    try {
      await driver.reloadPanel(panel);
      await waitFor(async () => (await panel.$eval('.row.header .c-time', (e) => e.textContent).catch(() => '')) === 'Since open', 'setting restored');
      expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    } finally {
      await driver.setColorScheme(panel, 'light');
    }
    await panel.click('[data-testid="time-mode"]');
  });

  test('scrolling up stops following; "jump to latest" follows again', async () => {
    const { page, panel } = s;
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

  test('"Learn the API" explains the selected frame in WebSocket API terms', async () => {
    const { panel } = s;
    await typeInto('filter', 'needle two');
    await waitFor(async () => (await panelCount(panel)).startsWith('shown 2 of'), 'the frame and its echo');
    // The count can change a render before the rows do (the table's scroll position catches up on its scroll event).
    const echo = await waitFor(() => elementWithText(panel, '[data-testid="frame-row"][data-dir="received"]', 'needle two'), 'the echo\'s row');
    await echo.click();
    await panel.click('[data-testid="tab-learn"]');
    const text = await panel.$eval('[data-testid="learn"]', (e) => e.textContent ?? '');
    expect(text).toContain("'message' event");
    expect(text).toContain('event.data is a string');
    expect(text).toContain('readyState starts at 0 CONNECTING');
    await typeInto('filter', '');
  });

  return s;
}
