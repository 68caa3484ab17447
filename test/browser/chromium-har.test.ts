/**
 * Export and import in Chromium: our HAR is read by Chrome DevTools' own HAR importer with
 * every message; a HAR that Chrome DevTools itself writes imports into our panel; broken
 * files get a clear message while live capture goes on.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { panelCount, panelRows, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';

let chromium: Chromium;
let server: TestServer;
let page: Page;
let devtools: Page;
let panel: Page;
const dir = mkdtempSync(join(tmpdir(), 'wsinspect-har-'));

beforeAll(async () => {
  server = await startTestServer();
  chromium = await launchChromium();
  server.page('/har', `<script>
    const ws = new WebSocket('${server.wsUrl}/echo');
    ws.onopen = () => { ws.send('hello ☃'); ws.send(new Uint8Array([1, 2, 3, 255])); ws.send('{"token":"s3cr3t"}'); };
    window.more = () => ws.send('after import');
  </script>`);
  page = await chromium.browser.newPage();
  devtools = await page.openDevTools(); // DevTools records the Network log from here on
  await new Promise((r) => setTimeout(r, 2500));
  await page.goto(`${server.url}/har`);
  await waitFor(() => server.received.length === 3, 'the page traffic');
  await chromium.browser.defaultBrowserContext().overridePermissions(`chrome-extension://${chromium.extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  panel = await openPanelAsTab(chromium, page);
  await waitFor(async () => (await panelCount(panel)) === '6 frames', 'six frames');
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function exportHar(redact = ''): Promise<any> {
  await panel.click('[data-testid="export"]');
  await panel.waitForSelector('[data-testid="export-dialog"]');
  await panel.$eval('[data-testid="export-redact"]', (e, v) => { const i = e as HTMLInputElement; i.value = v; i.dispatchEvent(new Event('input', { bubbles: true })); }, redact);
  await panel.click('[data-testid="export-copy"]');
  await waitFor(async () => (await panel.$eval('[data-testid="export-status"]', (e) => e.textContent)) === 'Copied to the clipboard', 'export');
  await panel.click('[data-testid="export"]'); // close the dialog
  return JSON.parse(await panel.evaluate(() => navigator.clipboard.readText()));
}

test('our HAR opens in Chrome DevTools\' HAR importer with every message', async () => {
  const har = await exportHar();
  const requests = await devtools.evaluate(`(async () => {
    const HAR = await import('./models/har/har.js');
    const requests = HAR.Importer.Importer.requestsFromHARLog(new HAR.HARFormat.HARLog(${JSON.stringify(har.log)}));
    return requests.map((r) => ({ url: r.url(), type: r.resourceType().name(), frames: r.frames().map((f) => [f.type, f.opCode, f.text]) }));
  })()`) as Array<{ url: string; type: string; frames: unknown[] }>;
  expect(requests.map((r) => [r.url, r.type])).toEqual([[`${server.wsUrl}/echo`, 'websocket']]);
  // Echoes interleave with sends in time, so compare as sets; the count rules out extras.
  expect(requests[0].frames).toEqual(expect.arrayContaining([
    ['send', 1, 'hello ☃'], ['send', 2, 'AQID/w=='], ['send', 1, '{"token":"s3cr3t"}'],
    ['receive', 1, 'hello ☃'], ['receive', 2, 'AQID/w=='], ['receive', 1, '{"token":"s3cr3t"}'],
  ]));
  expect(requests[0].frames).toHaveLength(6);
});

test('redaction removes matches before export', async () => {
  const har = await exportHar('s3cr3t');
  expect(JSON.stringify(har)).not.toContain('s3cr3t');
  expect(JSON.stringify(har)).toContain('[redacted]');
});

test('a HAR written by Chrome DevTools imports into the panel; then back to live', async () => {
  const chromeHar = await devtools.evaluate(`(async () => {
    const Logs = await import('./models/logs/logs.js');
    const HAR = await import('./models/har/har.js');
    return JSON.stringify({ log: await HAR.Log.Log.build(Logs.NetworkLog.NetworkLog.instance().requests(), { sanitize: false }) });
  })()`) as string;
  const wsEntry = JSON.parse(chromeHar).log.entries.find((e: any) => e._resourceType === 'websocket');
  expect(wsEntry._webSocketMessages).toHaveLength(6);
  const file = join(dir, 'chrome.har');
  writeFileSync(file, chromeHar);
  const input = await panel.$('[data-testid="import-file"]');
  await (input as any).uploadFile(file);
  await waitFor(async () => (await panelCount(panel)) === '6 frames' && !!(await panel.$('[data-testid="show-imported"]')), 'the imported session');
  const previews = (await panelRows(panel)).map((r) => `${r.dir} ${r.opcode} ${r.preview}`).sort();
  expect(previews).toEqual(['received binary 01 02 03 ff', 'received text hello ☃', 'received text {"token":"s3cr3t"}', 'sent binary 01 02 03 ff', 'sent text hello ☃', 'sent text {"token":"s3cr3t"}']);
  expect(await panel.$eval('[data-testid="show-imported"]', (e) => e.textContent)).toBe('Imported: chrome.har');

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
    const file = join(dir, name);
    writeFileSync(file, content);
    await (await panel.$('[data-testid="import-file"]') as any).uploadFile(file);
    await waitFor(async () => message.test(await panel.$eval('[data-testid="import-error"]', (e) => e.textContent).catch(() => '')), `error for ${name}`);
  }
  expect(await panelCount(panel)).toBe('8 frames');
});
