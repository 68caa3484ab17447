/**
 * Export and import in Firefox ESR (panel page as a tab): our HAR (copied, and downloaded)
 * holds every message; it imports back into the panel; redaction; broken files get a clear
 * message while live capture goes on. (Chrome DevTools' own HAR reader and writer are
 * covered by chromium-har.test.ts.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { panelCount, panelRows, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';
import { openFirefoxPanelTab } from './shared/firefox-panel';
import { serveHarPage } from './shared/pages';

let firefox: Firefox;
let server: TestServer;
let page: Page;
let panel: Page;
const dir = mkdtempSync(join(tmpdir(), 'wsinspect-har-'));
const downloads = mkdtempSync(join(tmpdir(), 'wsinspect-downloads-'));

beforeAll(async () => {
  server = await startTestServer();
  firefox = await launchFirefox();
  const url = serveHarPage(server);
  page = await firefox.browser.newPage();
  await page.goto(url);
  await waitFor(() => server.received.length === 3, 'the page traffic');
  panel = await openFirefoxPanelTab(firefox, url);
  await waitFor(async () => (await panelCount(panel)) === '6 frames', 'six frames');
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
  for (const d of [dir, downloads]) rmSync(d, { recursive: true, force: true });
});

const FRAMES = [
  ['send', 1, 'hello ☃'], ['send', 2, 'AQID/w=='], ['send', 1, '{"token":"s3cr3t"}'],
  ['receive', 1, 'hello ☃'], ['receive', 2, 'AQID/w=='], ['receive', 1, '{"token":"s3cr3t"}'],
];
const framesOf = (har: any) => har.log.entries.map((e: any) => ({ url: e.request.url, type: e._resourceType, frames: e._webSocketMessages.map((m: any) => [m.type, m.opcode, m.data]) }));

/** Exports through the dialog (real clicks: Firefox lets the clipboard be written on a user gesture). */
async function exportHar(to: 'copy' | 'download', redact = ''): Promise<string> {
  await panel.click('[data-testid="export"]');
  await panel.waitForSelector('[data-testid="export-dialog"]');
  await panel.$eval('[data-testid="export-redact"]', (e, v) => { const i = e as HTMLInputElement; i.value = v; i.dispatchEvent(new Event('input', { bubbles: true })); }, redact);
  await panel.evaluate(() => navigator.clipboard.writeText('(nothing yet)'));
  await panel.click(`[data-testid="export-${to}"]`);
  const status = to === 'copy' ? 'Copied to the clipboard' : 'Downloaded';
  await waitFor(async () => (await panel.$eval('[data-testid="export-status"]', (e) => e.textContent)) === status, 'export');
  await panel.click('[data-testid="export"]'); // close the dialog
  if (to === 'copy') return panel.evaluate(() => navigator.clipboard.readText());
  const file = await waitFor(() => readdirSync(downloads).find((f) => f.endsWith('.har')), 'the downloaded file');
  return waitFor(() => { const text = readFileSync(join(downloads, file!), 'utf8'); return text.endsWith('}') ? text : ''; }, 'the whole download');
}

async function importFile(name: string, content: string): Promise<void> {
  const file = join(dir, name);
  writeFileSync(file, content);
  await (await panel.$('input[data-testid="import-file"]'))!.uploadFile(file);
}

let copied = '';

test('our HAR, copied and downloaded, holds every message', async () => {
  copied = await exportHar('copy');
  const har = JSON.parse(copied);
  expect(har.log.version).toBe('1.2');
  const [entry] = framesOf(har);
  expect(framesOf(har)).toHaveLength(1);
  expect([entry.url, entry.type]).toEqual([`${server.wsUrl}/echo`, 'websocket']);
  // Echoes interleave with sends in time, so compare as sets; the count rules out extras.
  expect(entry.frames).toEqual(expect.arrayContaining(FRAMES));
  expect(entry.frames).toHaveLength(6);

  // Downloads go to a folder of ours (WebDriver BiDi browser.setDownloadBehavior).
  const connection = (firefox.browser as unknown as { connection: { send(m: string, p: object): Promise<unknown> } }).connection;
  await connection.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: downloads } });
  const downloaded = JSON.parse(await exportHar('download'));
  expect(framesOf(downloaded)).toEqual(framesOf(har));
});

test('redaction removes matches before export', async () => {
  const har = await exportHar('copy', 's3cr3t');
  expect(har).not.toContain('s3cr3t');
  expect(har).toContain('[redacted]');
});

test('our HAR imports back into the panel; then back to live', async () => {
  await importFile('ours.har', copied);
  await waitFor(async () => (await panelCount(panel)) === '6 frames' && !!(await panel.$('[data-testid="show-imported"]')), 'the imported session');
  const previews = (await panelRows(panel)).map((r) => `${r.dir} ${r.opcode} ${r.preview}`).sort();
  expect(previews).toEqual(['received binary 01 02 03 ff', 'received text hello ☃', 'received text {"token":"s3cr3t"}', 'sent binary 01 02 03 ff', 'sent text hello ☃', 'sent text {"token":"s3cr3t"}']);
  expect(await panel.$eval('[data-testid="show-imported"]', (e) => e.textContent)).toBe('Imported: ours.har');
  const conns = await panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => e.textContent));
  expect(conns.some((c) => c!.includes(`${server.wsUrl}/echo`))).toBe(true);

  await page.evaluate(() => (window as any).more());
  await panel.click('[data-testid="show-live"]');
  await waitFor(async () => (await panelCount(panel)) === '8 frames', 'live capture went on meanwhile');
});

test('broken files get a message naming the problem; the panel keeps working', async () => {
  const cases: Array<[string, string, RegExp]> = [
    ['bad.har', '{"log":{"entries":[{"_resourceType":"websocket","request":{"url":"ws://x"},"_webSocketMessages":[{"type":"send","time":"soon","opcode":1,"data":"a"}]}]}}', /log\.entries\[0\]\._webSocketMessages\[0\]\.time: expected a number/],
    ['bad.ndjson', '{"url":"ws://x","time":1,"dir":"sent","opcode":"text","data":"a"}\n{oops', /bad\.ndjson: line 2: not JSON/],
    ['notes.txt', 'hello', /not a HAR, JSON or NDJSON file/],
  ];
  for (const [name, content, message] of cases) {
    await importFile(name, content);
    await waitFor(async () => message.test(await panel.$eval('[data-testid="import-error"]', (e) => e.textContent).catch(() => '')), `error for ${name}`);
  }
  expect(await panelCount(panel)).toBe('8 frames');
  await page.evaluate(() => (window as any).more());
  await waitFor(async () => (await panelCount(panel)) === '10 frames', 'still capturing live');
});
