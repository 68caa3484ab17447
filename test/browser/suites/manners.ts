/**
 * Issue 13 findings 3, 4, 5 and 6 through the panel (any browser, see ./driver.ts): following
 * survives a pane opening and a short panel; keys the panel handles (Esc, Ctrl+F) stop before
 * DevTools' keyboard forwarder; the theme follows the browser live; words, not glyphs; the hex
 * dump as text; the composer's default connection; an import error can be dismissed; an imported
 * connection does not read "open"; the replay comparison's columns are labelled.
 * Run by chromium-manners.test.ts and firefox-manners.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fill, panelCount, panelRows, waitFor } from '../../helpers/panel';
import { elementWithText } from '../shared/panel';
import { MIXED_TOTAL as TOTAL, serveMixedPage } from '../shared/pages';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

export function defineMannersSuite(driver: PanelDriver): PanelOnPage {
  const dir = mkdtempSync(join(tmpdir(), 'wsinspect-manners-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let total = TOTAL;
  const s: PanelOnPage = setUpPanelOnPage(driver, {} as PanelOnPage, {
    serve: serveMixedPage,
    loaded: () => waitFor(() => s.server.received.length === 24, 'all frames at the server'),
    opened: () => waitFor(async () => (await panelCount(s.panel)) === `${TOTAL} frames`, 'every frame in the panel'),
  });
  const lastPreview = async () => (await panelRows(s.panel)).at(-1)?.preview;
  const following = async () => !(await s.panel.$('[data-testid="jump-latest"]'));
  /** Selects the row showing `text` (filtered to it first: the table renders only the rows in view), then clears the filter. */
  const selectRow = async (text: string) => {
    await fill(s.panel, 'filter', text);
    const row = await waitFor(() => elementWithText(s.panel, '[data-testid="frame-row"]', text).catch(() => null), `the row "${text}"`);
    await row!.click();
    await s.panel.waitForSelector('.row.selected');
    await fill(s.panel, 'filter', '');
    await s.panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  };

  test('a short panel opens following, and keeps following when the composer and breakpoints open (finding 3)', async () => {
    const { page, panel } = s;
    await panel.setViewport({ width: 1200, height: 300 });
    await driver.reloadPanel(panel);
    await waitFor(async () => (await panelCount(panel)) === `${total} frames`, 'frames after the reload');
    await waitFor(async () => (await following()) && (await lastPreview()) !== undefined, 'following at start');
    // A frame selected without scrolling (a DOM click): the details pane opens and the table shrinks too.
    await panel.$eval('[data-testid="frame-row"]', (e) => (e as HTMLElement).click());
    await panel.waitForSelector('[data-testid="details"]');
    for (const pane of ['compose', 'breakpoints-toggle']) {
      await panel.click(`[data-testid="${pane}"]`);
      await page.evaluate(() => (window as any).more(3));
      total += 6;
      await waitFor(async () => (await panelCount(panel)) === `${total} frames`, `the new frames (${pane} open)`);
      await waitFor(async () => (await lastPreview()) === 'more-2', `the newest frame shown without "Jump to latest" (${pane} open)`);
      expect(await following()).toBe(true);
    }
    await panel.click('[data-testid="compose"]');
    await panel.click('[data-testid="breakpoints-toggle"]');
    await panel.click('[aria-label="Close details"]');
    await panel.setViewport({ width: 1200, height: 900 });
  });

  test('Esc and Ctrl+F are the panel\'s when it uses them, and do not reach DevTools\' forwarder (finding 4)', async () => {
    const { panel } = s;
    // Chrome's extension API forwards keydown events it sees on the panel's document to DevTools.
    await panel.evaluate(() => { (window as any).forwarded = []; document.addEventListener('keydown', (e) => (window as any).forwarded.push(e.key)); });
    const forwarded = () => panel.evaluate(() => (window as any).forwarded as string[]);
    await selectRow('b-3');
    await panel.keyboard.press('Escape');
    await waitFor(async () => !(await panel.$('.row.selected')), 'the selection cleared');
    await panel.keyboard.down('Control');
    await panel.keyboard.press('f');
    await panel.keyboard.up('Control');
    await waitFor(() => panel.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'search'), 'the search box focused');
    await panel.click('[data-testid="export"]');
    await panel.waitForSelector('[data-testid="export-dialog"]');
    await panel.keyboard.press('Escape');
    await waitFor(async () => !(await panel.$('[data-testid="export-dialog"]')), 'Esc closes the dialog');
    expect(await forwarded()).toEqual(['Control']);
    // With nothing of the panel's to close, Esc is DevTools' (its console drawer).
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await panel.keyboard.press('Escape');
    expect(await forwarded()).toEqual(['Control', 'Escape']);
  });

  test('the theme follows the browser while the panel is open (finding 4)', async () => {
    const { panel } = s;
    const theme = () => panel.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('light');
    try {
      await driver.setColorScheme(panel, 'dark');
      await waitFor(async () => (await theme()) === 'dark', 'dark without reopening');
      expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(32, 33, 36)');
    } finally {
      await driver.setColorScheme(panel, 'light');
    }
    await waitFor(async () => (await theme()) === 'light', 'light again');
  });

  test('controls have words; an unknown binary frame\'s decoded tab is a hex dump, not a JSON array (finding 5)', async () => {
    const { panel } = s;
    const wordless = await panel.$$eval('button, [role="tab"]', (els) => els
      .filter((e) => !(e.getAttribute('aria-label') ?? '').trim() && !/[A-Za-z]{2}/.test(e.textContent ?? ''))
      .map((e) => e.outerHTML.slice(0, 80)));
    expect(wordless).toEqual([]);
    await selectRow('68 69 ff fe');
    await panel.click('[data-testid="tab-decoded"]');
    const dump = await waitFor(() => panel.$eval('[data-testid="decoded-dump"]', (e) => e.textContent).catch(() => null), 'the hex dump');
    expect(dump).toBe('00000000  68 69 ff fe                                      |hi..|');
    expect(await panel.$('[data-testid="details"] [data-testid="json-tree"]')).toBeNull();
    await panel.click('[aria-label="Close details"]');
  });

  test('the composer opens on the selected frame\'s connection (finding 6)', async () => {
    const { panel } = s;
    await selectRow('b-3');
    await panel.click('[data-testid="compose"]');
    const target = await waitFor(() => panel.$eval('[data-testid="composer-target"]', (e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent ?? '').catch(() => ''), 'the composer');
    expect(target).toMatch(/\/echo\?second$/);
    await panel.click('[data-testid="compose"]');
    await panel.keyboard.press('Escape');
  });

  test('an import error can be dismissed; an imported connection is a recording, not "open"; replay columns are labelled (finding 6)', async () => {
    const { panel } = s;
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, 'hello');
    await (await panel.$('input[data-testid="import-file"]'))!.uploadFile(bad);
    await panel.waitForSelector('[data-testid="import-error"]');
    await panel.click('[data-testid="import-error-dismiss"]');
    await waitFor(async () => !(await panel.$('[data-testid="import-error"]')), 'the error dismissed');

    const t = 1_764_990_000_000;
    const ndjson = [
      { event: 'connection', connection: 1, url: 'ws://example.test/a', time: t, openedAt: t + 1, protocol: '', extensions: '' },
      { time: t + 10, connection: 1, url: 'ws://example.test/a', dir: 'sent', opcode: 'text', data: 'ping' },
      { time: t + 2510, connection: 1, url: 'ws://example.test/a', dir: 'received', opcode: 'text', data: 'pong' },
    ].map((o) => JSON.stringify(o)).join('\n');
    const file = join(dir, 'rec.ndjson');
    writeFileSync(file, ndjson);
    await (await panel.$('input[data-testid="import-file"]'))!.uploadFile(file);
    await waitFor(async () => (await panelCount(panel)) === '2 frames', 'the imported frames');
    const state = await panel.$eval('[data-testid="connection"]', (e) => e.textContent ?? '');
    expect(state).toContain('recorded (no close in the file)');
    expect(state).toMatch(/· 2\.5 s$/);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await panel.$eval('[data-testid="connection"]', (e) => e.textContent ?? '')).toMatch(/· 2\.5 s$/); // not ticking
    await panel.click('[data-testid="replay"]');
    expect(await waitFor(() => panel.$eval('[data-testid="replay-columns"]', (e) => e.textContent).catch(() => null), 'the replay columns')).toBe('Recorded responseResponse now');
    await panel.keyboard.press('Escape');
    await panel.click('[data-testid="show-live"]');
  });

  test('panes resize with their handle, by mouse and by keyboard, and never cover the table', async () => {
    const { panel } = s;
    await panel.setViewport({ width: 1200, height: 700 });
    await panel.click('[data-testid="compose"]');
    await panel.waitForSelector('[data-testid="splitter-composer"]');
    const height = () => panel.$eval('[data-testid="composer"]', (e) => e.getBoundingClientRect().height);
    const before = await height();
    const handle = await panel.$eval('[data-testid="splitter-composer"]', (e) => { const r = e.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; });
    await panel.mouse.move(handle.x, handle.y);
    await panel.mouse.down();
    await panel.mouse.move(handle.x, handle.y - 80, { steps: 4 });
    await panel.mouse.up();
    const dragged = await waitFor(async () => { const h = await height(); return Math.abs(h - (before + 80)) <= 2 ? h : 0; }, 'the composer 80 px taller');
    await panel.focus('[data-testid="splitter-composer"]');
    await panel.keyboard.press('ArrowDown');
    await waitFor(async () => Math.abs((await height()) - (dragged - 24)) <= 2, 'ArrowDown: 24 px shorter');
    // Dragged far up: the frames region keeps its minimum, nothing leaves the window.
    await panel.mouse.move(handle.x, handle.y - 60);
    await panel.mouse.down();
    await panel.mouse.move(handle.x, 0, { steps: 4 });
    await panel.mouse.up();
    const layout = await panel.evaluate(() => {
      const frames = document.querySelector('.frames')!.getBoundingClientRect();
      const composer = document.querySelector('[data-testid="composer"]')!.getBoundingClientRect();
      return { frames: frames.height, overlap: frames.bottom > composer.top + 1, past: composer.bottom > innerHeight + 1 };
    });
    expect(layout).toEqual({ frames: expect.any(Number), overlap: false, past: false });
    expect(layout.frames).toBeGreaterThanOrEqual(42);
    await panel.click('[data-testid="compose"]');
  });

  return s;
}
