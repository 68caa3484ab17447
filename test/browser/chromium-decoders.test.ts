/**
 * Decoders in the panel (Chromium): a gzip-compressed JSON frame shows its decoded summary,
 * and a protobuf frame decodes with field names once the user loads a .proto and picks the type.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { fill, panelCount, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';

let chromium: Chromium;
let server: TestServer;
let panel: Page;
const gz = Array.from(gzipSync(new TextEncoder().encode('{"event":"tick","price":42.5}')));
// message Chat { string user = 1; int32 n = 2; } with user "bob", n 42
const proto = [0x0a, 0x03, 0x62, 0x6f, 0x62, 0x10, 0x2a];

beforeAll(async () => {
  server = await startTestServer();
  chromium = await launchChromium();
  server.page('/dec', `<script>
    const ws = new WebSocket('${server.wsUrl}/echo');
    ws.onopen = () => { ws.send(new Uint8Array(${JSON.stringify(gz)})); ws.send(new Uint8Array(${JSON.stringify(proto)})); };
  </script>`);
  const page = await chromium.browser.newPage();
  await page.goto(`${server.url}/dec`);
  panel = await openPanelAsTab(chromium, page);
  await waitFor(async () => (await panelCount(panel)) === '4 frames', 'both frames and echoes');
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

test('a gzip frame is inflated and its JSON summarised in the table', async () => {
  // Visible rows are decoded within a per-render budget: under load a render may show only some
  // summaries, the rest follow on a later render. Wait for both (issue 13, finding 7).
  const gzip = async () => (await panel.$$eval('[data-testid="frame-summary"]', (els) => els.map((e) => e.textContent)))
    .filter((s) => /^compressed gzip \d+ B → 29 B → .*"event":"tick"/.test(s!));
  await waitFor(async () => (await gzip()).length >= 2, 'both gzip frames summarised');
  expect(await gzip()).toHaveLength(2);
});

test('a .proto loaded in the details pane decodes the connection with field names', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wsinspect-proto-'));
  const file = join(dir, 'chat.proto');
  writeFileSync(file, 'syntax = "proto3";\npackage demo;\nmessage Chat { string user = 1; int32 n = 2; }\n');
  await fill(panel, 'filter', '0a 03 62 6f 62');
  await waitFor(async () => (await panelCount(panel)).startsWith('shown 2 of'), 'the protobuf frames');
  await panel.$eval('[data-testid="frame-row"]', (e) => (e as HTMLElement).click());
  await panel.$eval('[data-testid="tab-decoded"]', (e) => (e as HTMLElement).click());
  await (await panel.$('[data-testid="proto-file"]') as any).uploadFile(file);
  await panel.waitForSelector('[data-testid="proto-type"]');
  await panel.select('[data-testid="proto-type"]', 'demo.Chat');
  const summary = await waitFor(() => panel.$eval('[data-testid="decoded-summary"]', (e) => e.textContent ?? '').then((t) => t.includes('Chat') && t), 'schema decoding');
  expect(summary).toContain('"user":"bob"');
  expect(summary).toContain('"n":42');
  const broken = join(dir, 'broken.proto');
  writeFileSync(broken, 'message {');
  await (await panel.$('[data-testid="proto-file"]') as any).uploadFile(broken);
  expect(await waitFor(() => panel.$eval('[data-testid="proto-error"]', (e) => e.textContent), 'a schema error')).toMatch(/^broken\.proto: /);
});

test('size range filter', async () => {
  await fill(panel, 'filter', '');
  await fill(panel, 'size-min', '8');
  await waitFor(async () => (await panelCount(panel)) === 'shown 2 of 4 frames', 'only the gzip frames (≥ 8 B)');
  await fill(panel, 'size-max', '20');
  await waitFor(async () => (await panelCount(panel)) === 'shown 0 of 4 frames', 'none between 8 and 20 B');
  expect(await panel.$$eval('[data-testid="chip"]', (els) => els.map((e) => e.textContent))).toContain('size 8–20 B×');
  await fill(panel, 'size-min', '');
  await waitFor(async () => (await panelCount(panel)) === 'shown 2 of 4 frames', 'the 7-byte protobuf frames');
});

test('dragging across the timeline filters the table to that time range; its chip clears it', async () => {
  await fill(panel, 'size-max', '');
  await waitFor(async () => (await panelCount(panel)) === '4 frames', 'no filter');
  const over = await panel.waitForSelector('[data-testid="timeline"] .u-over');
  const box = (await over!.boundingBox())!;
  // Drag over the left 10% of the chart: a range that holds none of the frames (all in the last second).
  await panel.mouse.move(box.x + 2, box.y + box.height / 2);
  await panel.mouse.down();
  await panel.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2, { steps: 5 });
  await panel.mouse.up();
  await waitFor(async () => (await panel.$$eval('[data-testid="chip"]', (els) => els.map((e) => e.textContent))).includes('time range×'), 'the time range chip');
  expect(await panelCount(panel)).toMatch(/^shown \d of 4 frames$/);
  await panel.click('[data-testid="chip"] button');
  await waitFor(async () => (await panelCount(panel)) === '4 frames', 'the range cleared');
});
