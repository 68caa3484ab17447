/**
 * Export and import (any browser, see ./driver.ts): our HAR (copied, and downloaded) holds
 * every message; redaction; it imports back into the panel, then back to live; broken files
 * get a clear message while live capture goes on. Two halves, so that a browser's own tests
 * can stand between them (chromium-har.test.ts: Chrome DevTools' HAR reader and writer):
 * defineHarExportSuite, then defineHarImportSuite. Run by chromium-har.test.ts and firefox-har.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, expect, test } from 'vitest';
import { panelCount, panelRows, waitFor } from '../../helpers/panel';
import { serveHarPage } from '../shared/pages';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

/** The page's frames, as a HAR holds them (`[type, opcode, data]`). */
export const HAR_FRAMES = [
  ['send', 1, 'hello ☃'], ['send', 2, 'AQID/w=='], ['send', 1, '{"token":"s3cr3t"}'],
  ['receive', 1, 'hello ☃'], ['receive', 2, 'AQID/w=='], ['receive', 1, '{"token":"s3cr3t"}'],
];

export interface HarSuite extends PanelOnPage {
  /** How many frames the live view holds: 6, and 2 more for each `more()` the page sends. */
  live: number;
  /** Our HAR as the first export copied it (the page's 6 frames). */
  copied: string;
  /** Exports through the dialog with real clicks (Firefox lets the clipboard be written on a user gesture); the file's text. */
  exportHar(to: 'copy' | 'download', redact?: string): Promise<string>;
  /** Gives the panel's import input a file called `name` holding `content`. */
  importFile(name: string, content: string): Promise<void>;
  /** Imports `content` as a file called `name`: the panel must show those 6 frames as imported; then back to live, one frame (and echo) later. */
  importThenBackToLive(name: string, content: string): Promise<void>;
}

const framesOf = (har: any) => har.log.entries.map((e: any) => ({ url: e.request.url, type: e._resourceType, frames: e._webSocketMessages.map((m: any) => [m.type, m.opcode, m.data]) }));

/** Loads the page (after `beforeGoto`, if given), opens the panel, and declares the export tests. */
export function defineHarExportSuite(driver: PanelDriver, options: { beforeGoto?(page: Page): Promise<void> } = {}): HarSuite {
  const dir = mkdtempSync(join(tmpdir(), 'wsinspect-har-'));
  const downloads = mkdtempSync(join(tmpdir(), 'wsinspect-downloads-'));

  const s: HarSuite = setUpPanelOnPage(driver, {
    live: 6,
    copied: '',
    async exportHar(to, redact = '') {
      const { panel } = s;
      await panel.click('[data-testid="export"]');
      await panel.waitForSelector('[data-testid="export-dialog"]');
      await panel.$eval('[data-testid="export-redact"]', (e, v) => { const i = e as HTMLInputElement; i.value = v; i.dispatchEvent(new Event('input', { bubbles: true })); }, redact);
      await panel.evaluate(() => navigator.clipboard.writeText('(nothing yet)'));
      await panel.click(`[data-testid="export-${to}"]`);
      const status = to === 'copy' ? /^Copied to the clipboard$/ : /^Downloaded wsinspect-[\dT-]+Z\.har$/;
      await waitFor(async () => status.test((await panel.$eval('[data-testid="export-status"]', (e) => e.textContent)) ?? ''), 'export');
      await panel.click('[data-testid="export"]'); // close the dialog
      if (to === 'copy') return panel.evaluate(() => navigator.clipboard.readText());
      const file = await waitFor(() => readdirSync(downloads).find((f) => f.endsWith('.har')), 'the downloaded file');
      return waitFor(() => { const text = readFileSync(join(downloads, file!), 'utf8'); return text.endsWith('}') ? text : ''; }, 'the whole download');
    },
    async importFile(name, content) {
      const file = join(dir, name);
      writeFileSync(file, content);
      await (await s.panel.$('input[data-testid="import-file"]'))!.uploadFile(file);
    },
    async importThenBackToLive(name, content) {
      const { server, page, panel } = s;
      await s.importFile(name, content);
      await waitFor(async () => (await panelCount(panel)) === '6 frames' && !!(await panel.$('[data-testid="show-imported"]')), 'the imported session');
      const previews = (await panelRows(panel)).map((r) => `${r.dir} ${r.opcode} ${r.preview}`).sort();
      expect(previews).toEqual(['received binary 01 02 03 ff', 'received text hello ☃', 'received text {"token":"s3cr3t"}', 'sent binary 01 02 03 ff', 'sent text hello ☃', 'sent text {"token":"s3cr3t"}']);
      expect(await panel.$eval('[data-testid="show-imported"]', (e) => e.textContent)).toBe(`Imported: ${name}`);
      const conns = await panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => e.textContent));
      expect(conns.some((c) => c!.includes(`${server.wsUrl}/echo`))).toBe(true);

      await page.evaluate(() => (window as any).more());
      s.live += 2;
      await panel.click('[data-testid="show-live"]');
      await waitFor(async () => (await panelCount(panel)) === `${s.live} frames`, 'live capture went on meanwhile');
    },
  } as HarSuite, {
    serve: serveHarPage,
    beforeGoto: options.beforeGoto,
    loaded: () => waitFor(() => s.server.received.length === 3, 'the page traffic'),
    clipboard: true,
    opened: () => waitFor(async () => (await panelCount(s.panel)) === '6 frames', 'six frames'),
  });
  afterAll(() => {
    for (const d of [dir, downloads]) rmSync(d, { recursive: true, force: true });
  });

  test('our HAR, copied and downloaded, holds every message', async () => {
    s.copied = await s.exportHar('copy');
    const har = JSON.parse(s.copied);
    expect(har.log.version).toBe('1.2');
    const [entry] = framesOf(har);
    expect(framesOf(har)).toHaveLength(1);
    expect([entry.url, entry.type]).toEqual([`${s.server.wsUrl}/echo`, 'websocket']);
    // Echoes interleave with sends in time, so compare as sets; the count rules out extras.
    expect(entry.frames).toEqual(expect.arrayContaining(HAR_FRAMES));
    expect(entry.frames).toHaveLength(6);

    await driver.downloadTo(downloads);
    const downloaded = JSON.parse(await s.exportHar('download'));
    expect(framesOf(downloaded)).toEqual(framesOf(har));
  });

  test('redaction removes matches before export', async () => {
    const har = await s.exportHar('copy', 's3cr3t');
    expect(har).not.toContain('s3cr3t');
    expect(har).toContain('[redacted]');
  });

  return s;
}

/** Declares the import tests, on the page and panel of `har`. */
export function defineHarImportSuite(har: HarSuite): void {
  test('our HAR imports back into the panel; then back to live', async () => {
    await har.importThenBackToLive('ours.har', har.copied);
  });

  test('an imported recording is paired too: latencies, the Requests dialog, "Go to the response"', async () => {
    const { panel } = har;
    const t0 = Date.UTC(2026, 11, 7, 12);
    const line = (time: number, dir: string, data: object) => JSON.stringify({ url: 'ws://rpc.test/', time, dir, opcode: 'text', data: JSON.stringify(data) });
    const ndjson = [
      line(t0, 'sent', { jsonrpc: '2.0', id: 1, method: 'sum', params: [1, 2] }),
      line(t0 + 1, 'sent', { jsonrpc: '2.0', id: 2, method: 'lost', params: [] }),
      line(t0 + 42, 'received', { jsonrpc: '2.0', id: 1, result: 3 }),
      line(t0 + 60_000, 'sent', { jsonrpc: '2.0', method: 'bye' }),
    ].join('\n');
    await har.importFile('rpc.ndjson', ndjson);
    await waitFor(async () => (await panelCount(panel)) === '4 frames' && !!(await panel.$('[data-testid="show-imported"]')), 'the imported session');
    const cells = await waitFor(async () => {
      const c = await panel.$$eval('[data-testid="latency"]', (els) => els.map((e) => `${e.getAttribute('data-state')} ${e.textContent}`));
      return c.length === 3 ? c : null;
    }, 'three latency cells');
    // "Now" for a recording is its last frame: the request a minute before it is unanswered.
    expect(cells).toEqual(['answered 42 ms', 'unanswered no answer', 'answer ↩ 42 ms']);
    await panel.click('[data-testid="requests"]');
    const rows = await waitFor(async () => {
      const r = await panel.$$eval('[data-testid="requests-row"]', (els) => els.map((e) => [...e.querySelectorAll('td')].map((td) => td.textContent).slice(0, 6).join(' ')));
      return r.length === 2 ? r : null;
    }, 'two methods in the Requests dialog');
    expect(rows!.sort()).toEqual(['jsonrpc lost 1 0 0 1', 'jsonrpc sum 1 1 0 0']);
    // The unanswered filter, then clear it with its chip.
    const rowTexts = () => panel.$$eval('[data-testid="frame-row"]', (els) => els.map((e) => e.textContent ?? ''));
    await panel.click('[data-testid="only-unanswered"]');
    await waitFor(async () => (await rowTexts()).length === 1, 'only the unanswered request');
    expect((await rowTexts())[0]).toContain('lost');
    await panel.$eval('[data-testid="requests-dialog"]', (d) => [...d.querySelectorAll('button')].find((b) => b.textContent === 'Close')!.click());
    await panel.click('[aria-label="Remove filter unanswered requests"]');
    await waitFor(async () => (await rowTexts()).length === 4, 'all four rows again');
    // The context menu jumps from the request to its response.
    const rowsNow = await panel.$$('[data-testid="frame-row"]');
    const box = (await rowsNow[0].boundingBox())!;
    await panel.mouse.click(box.x + 40, box.y + box.height / 2, { button: 'right' });
    await panel.waitForSelector('[role="menu"]');
    await panel.$$eval('[role="menuitem"]', (els) => (els.find((e) => e.textContent?.startsWith('Go to the response')) as HTMLElement).click());
    await waitFor(async () => {
      const selected = await panel.$('[data-testid="frame-row"][aria-selected="true"]');
      return selected && /result/.test(await selected.evaluate((e) => e.textContent ?? ''));
    }, 'the response selected');
    await panel.click('[data-testid="show-live"]');
    await waitFor(async () => (await panelCount(panel)) === `${har.live} frames`, 'back to live');
  });

  test('broken files get a message naming the problem; the panel keeps working', async () => {
    const { page, panel } = har;
    const cases: Array<[string, string, RegExp]> = [
      ['bad.har', '{"log":{"entries":[{"_resourceType":"websocket","request":{"url":"ws://x"},"_webSocketMessages":[{"type":"send","time":"soon","opcode":1,"data":"a"}]}]}}', /log\.entries\[0\]\._webSocketMessages\[0\]\.time: expected a number/],
      ['bad.ndjson', '{"url":"ws://x","time":1,"dir":"sent","opcode":"text","data":"a"}\n{oops', /bad\.ndjson: line 2: not JSON/],
      ['notes.txt', 'hello', /not a HAR, JSON or NDJSON file/],
      // Times no Date can hold (they once grew the panel's heap past 3 GB, or blanked the table).
      ['far-past.ndjson', '{"url":"ws://x","time":-1e20,"dir":"sent","opcode":"text","data":"a"}', /far-past\.ndjson: line 1: "time" -100000000000000000000 ms is outside the range of dates/],
      ['far-future.ndjson', '{"url":"ws://x","time":1e16,"dir":"sent","opcode":"text","data":"a"}', /line 1: "time" 10000000000000000 ms is outside the range of dates/],
      ['far-future.har', '{"log":{"entries":[{"_resourceType":"websocket","request":{"url":"ws://x"},"_webSocketMessages":[{"type":"send","time":1e13,"opcode":1,"data":"a"}]}]}}', /log\.entries\[0\]\._webSocketMessages\[0\]\.time: 10000000000000 s: .* outside the range of dates/],
    ];
    for (const [name, content, message] of cases) {
      await har.importFile(name, content);
      await waitFor(async () => message.test(await panel.$eval('[data-testid="import-error"]', (e) => e.textContent).catch(() => '')), `error for ${name}`);
    }
    expect(await panelCount(panel)).toBe(`${har.live} frames`);
    await page.evaluate(() => (window as any).more());
    har.live += 2;
    await waitFor(async () => (await panelCount(panel)) === `${har.live} frames`, 'still capturing live');
  });
}
