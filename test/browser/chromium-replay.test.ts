/**
 * Session replay in Chromium against a real server: a recorded connection replayed on a
 * new socket and on the page's own live socket, scaled and step by step; responses compared
 * with the recording, ignoring volatile fields.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { fill, panelCount, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';

let chromium: Chromium;
let server: TestServer;
let page: Page;
let panel: Page;

beforeAll(async () => {
  server = await startTestServer();
  chromium = await launchChromium();
  server.page('/rec', `<script>
    const ws = new WebSocket('${server.wsUrl}/stamp');
    window.opened = new Promise((r) => { ws.onopen = r; });
    /** Sends one frame and resolves with the server's answer: the recording has one answer per send. */
    window.say = (t) => new Promise((r) => { ws.onmessage = (e) => r(e.data); ws.send(t); });
  </script>`);
  page = await chromium.browser.newPage();
  await page.goto(`${server.url}/rec`);
  await page.evaluate(() => (window as any).opened);
  for (const t of ['a', 'b', 'c']) {
    await page.evaluate((x) => (window as any).say(x), t);
    await new Promise((r) => setTimeout(r, 100));
  }
  panel = await openPanelAsTab(chromium, page);
  await waitFor(async () => (await panelCount(panel)) === '6 frames', 'the recording: 3 sent, 3 answers');
  await panel.click('[data-testid="replay"]');
  await panel.waitForSelector('[data-testid="replay-dialog"]');
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

const states = () => panel.$$eval('[data-testid="replay-step-row"]', (els) => els.map((e) => e.getAttribute('data-state')));
const texts = () => server.received.map((m) => m.text);

test('replay on a new connection, scaled timing: same answers when the timestamp is volatile', async () => {
  await panel.select('[data-testid="replay-target"]', 'new');
  await fill(panel, 'replay-volatile', 'ts');
  const started = Date.now();
  await panel.click('[data-testid="replay-start"]');
  await waitFor(async () => (await states()).every((s) => s === 'same'), 'three matching steps');
  expect(Date.now() - started).toBeLessThan(3000); // ~200 ms of recorded gaps, at ×10
  expect(texts()).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  // Without the volatile field, every answer differs (the server stamps each one).
  await fill(panel, 'replay-volatile', '');
  await waitFor(async () => (await states()).every((s) => s === 'different'), 'differences highlighted');
  expect(await panel.$$('.cmp.diff')).toHaveLength(3);
});

test('step by step on the page\'s own live connection', async () => {
  await fill(panel, 'replay-volatile', 'ts');
  const live = await panel.$$eval('[data-testid="replay-target"] option', (opts) => (opts[1] as HTMLOptionElement).value);
  await panel.select('[data-testid="replay-target"]', live);
  await panel.select('[data-testid="replay-timing"]', 'step');
  await panel.click('[data-testid="replay-start"]');
  await new Promise((r) => setTimeout(r, 300));
  expect(texts()).toHaveLength(6); // nothing until the user steps
  for (let i = 1; i <= 3; i++) {
    await panel.click('[data-testid="replay-step"]').catch(() => {});
    await waitFor(() => texts().length === 6 + i, `step ${i} sent`);
  }
  await waitFor(async () => (await states()).every((s) => s === 'same'), 'answers on the live socket match');
  await waitFor(async () => (await panelCount(panel)) === '12 frames', 'the replayed frames captured on the page\'s socket');
});

test('replay several frames marked with Ctrl-click, in table order', async () => {
  await panel.click('[data-testid="replay"]'); // close the replay dialog
  await fill(panel, 'filter', '/^[ab]$/');
  await waitFor(async () => (await panelCount(panel)).startsWith('shown'), 'the filtered frames');
  const rows = await panel.$$('[data-testid="frame-row"][data-dir="sent"]');
  await rows[0].click();
  await panel.keyboard.down('Control');
  await rows[1].click();
  await panel.keyboard.up('Control');
  await rows[1].click({ button: 'right' });
  await panel.waitForSelector('[data-testid="context-menu"]');
  const before = texts().length;
  await panel.$$eval('[data-testid="context-menu"] button', (els) => (els.find((e) => e.textContent === 'Replay 2 selected sent frames in order') as HTMLElement).click());
  await waitFor(() => texts().length === before + 2, 'two frames replayed');
  expect(texts().slice(-2)).toEqual(['a', 'b']);
});

test('a replayed JSON-RPC connection: requests paired on both sides, latencies of the recording and of the replay', async () => {
  server.page('/rpc-rec', `<script>
    const ws = new WebSocket('${server.wsUrl}/rpc');
    window.opened = new Promise((r) => { ws.onopen = r; });
    window.call = (id) => new Promise((r) => { ws.onmessage = (e) => r(e.data); ws.send(JSON.stringify({ jsonrpc: '2.0', id, method: 'echo.params', params: [id] })); });
  </script>`);
  const rpcPage = await chromium.browser.newPage();
  await rpcPage.goto(`${server.url}/rpc-rec`);
  await rpcPage.evaluate(() => (window as any).opened);
  for (const id of [1, 2, 3]) await rpcPage.evaluate((i) => (window as any).call(i), id);
  const rpcPanel = await openPanelAsTab(chromium, rpcPage);
  await waitFor(async () => (await panelCount(rpcPanel)) === '6 frames', 'the recording: 3 calls, 3 results');
  await rpcPanel.click('[data-testid="replay"]');
  await rpcPanel.waitForSelector('[data-testid="replay-dialog"]');
  await rpcPanel.select('[data-testid="replay-target"]', 'new');
  await rpcPanel.click('[data-testid="replay-start"]');
  const rows = await waitFor(async () => {
    const r = await rpcPanel.$$eval('[data-testid="replay-latency-row"] td', (tds) => tds.map((td) => td.textContent));
    return r.length === 8 && r[5] === '3' ? r : null;
  }, 'the latency comparison with three answered replays');
  expect(rows!.slice(0, 3)).toEqual(['jsonrpc', 'echo.params', '3']);
  expect(rows![4]).toBe('3'); // asked again in the replay
  expect(rows![6]).toBe('0'); // none left without an answer
  expect(Number(rows![3])).toBeGreaterThanOrEqual(0);
  expect(Number(rows![7])).toBeGreaterThanOrEqual(0);
  await rpcPanel.close();
  await rpcPage.close();
});
