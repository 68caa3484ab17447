/**
 * Robustness in Chromium, against real servers on 127.0.0.1: 64 MB frames, invalid UTF-8,
 * 10,000 connections opened and closed, pages that wrap or freeze WebSocket, and two busy
 * tabs kept apart. Each case checks that the page keeps working (its own verdict) and that
 * the panel shows a clear result without errors. (A service-worker restart mid-capture is
 * in chromium-resilience.test.ts.)
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { fill, panelCount, panelRows, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';
import { DEFAULT_LIMITS } from '../../src/relay/backlog';
import { lossTexts } from './suites/counters';
import { connectionStates, detailsOf, rowSizes, selectRow, watchErrors } from './robustness/panel';
import {
  churnPage, frozenPage, INVALID_UTF8_COUNT, largePage, startEchoServers, startRawServer, tabPage, utf8Page, wrapperPage,
} from './robustness/pages';

let chromium: Chromium;
let server: TestServer;
let raw: Awaited<ReturnType<typeof startRawServer>>;
let echoes: Awaited<ReturnType<typeof startEchoServers>>;

beforeAll(async () => {
  [server, raw, echoes] = await Promise.all([startTestServer(), startRawServer(), startEchoServers(8)]);
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await raw?.close();
  await echoes?.close();
});

/** Opens `url` in a new tab that closes after the test (unless `keep`), and watches it for errors. */
async function openPage(url: string, errors: string[] = [], keep = false): Promise<Page> {
  const page = await chromium.browser.newPage();
  if (!keep) onTestFinished(() => page.close().catch(() => {}));
  watchErrors(page, 'page', errors);
  await page.goto(url);
  return page;
}

/** The panel page as a tab inspecting `page`, watched for errors into the same list. */
async function openPanel(page: Page, errors: string[], keep = false): Promise<Page> {
  const panel = await openPanelAsTab(chromium, page);
  if (!keep) onTestFinished(() => panel.close().catch(() => {}));
  watchErrors(panel, 'panel', errors);
  return panel;
}

async function openWithPanel(url: string, keep = false): Promise<{ page: Page; panel: Page; errors: string[] }> {
  const errors: string[] = [];
  const page = await openPage(url, errors, keep);
  return { page, panel: await openPanel(page, errors, keep), errors };
}

const result = (page: Page) => page.evaluate(() => (window as any).result as string);
const rowsText = async (panel: Page) => (await panelRows(panel)).map((r) => `${r.dir} ${r.preview}`);

let large: { page: Page; panel: Page; errors: string[] };

test('64 MB text and binary frames, echoed: the page\'s check passes and capture goes on after them', async () => {
  large = await openWithPanel(largePage(server), true);
  const { page, panel, errors } = large;
  await page.evaluate(() => (window as any).opened);
  await page.evaluate(() => (window as any).go());
  await waitFor(async () => (await result(page)) !== 'waiting', 'the page to check both echoes', 45_000);
  expect(await result(page)).toBe('ok');
  await page.evaluate(() => (window as any).after());
  await waitFor(async () => (await rowsText(panel)).includes('received after'), 'a small frame after the large ones');
  expect(errors).toEqual([]);
});

/*
 * Chrome refuses runtime messages over 64 MiB, and big payloads would stall page and panel: the
 * relay sends a preview of any frame over 1 MB, marked truncated (src/relay/wire.ts); the rest
 * is fetched on demand while the page's backlog (64 MB) still holds it.
 */
test('the panel shows the 64 MB frames with their sizes, a "Large payload" notice and a preview notice', async () => {
  const { page, panel } = large;
  onTestFinished(async () => { await panel.close().catch(() => {}); await page.close().catch(() => {}); });
  await waitFor(async () => (await panelCount(panel)) === '6 frames', 'four 64 MB rows and the small pair', 5_000);
  expect(await rowSizes(panel)).toEqual(['sent text 64.0 MB', 'sent binary 64.0 MB', 'received text 64.0 MB', 'received binary 64.0 MB', 'sent text 5 B', 'received text 5 B']);
  expect((await panelRows(panel))[0].preview).toMatch(/^large text x+…$/);
  await selectRow(panel, 2);
  const text = await detailsOf(panel, 'text');
  expect(text.notice).toBe('Large payload (64.0 MB): showing the first 64.0 KB.');
  expect(text.body.startsWith('large text xxx')).toBe(true);
  await selectRow(panel, 3);
  const hex = await detailsOf(panel, 'hex');
  expect(hex.notice).toBe('Large payload (64.0 MB): showing the first 64.0 KB.');
  expect(hex.body.startsWith('00000000  07 26 45 64')).toBe(true);
  expect(await panel.$eval('[data-testid="details-truncated"]', (e) => e.textContent)).toBe('This 64.0 MB frame came as a preview: the panel has its first 255.0 KB. Load the full payload');
  // Later frames pushed it out of the page's 64 MB backlog: asking for the rest says so.
  await panel.click('[data-testid="load-full"]');
  expect(await waitFor(() => panel.$eval('[data-testid="full-error"]', (e) => e.textContent).catch(() => null), 'the answer')).toMatch(/^The full payload is not available: the page no longer holds this payload: it was evicted from the page's capture backlog/);
});

test('invalid UTF-8: in a binary frame it is counted; in a text frame the browser fails the socket', async () => {
  const { page, panel, errors } = await openWithPanel(utf8Page(server, raw));
  await waitFor(async () => (await result(page)) === 'ok', 'the binary echo');
  await waitFor(() => page.evaluate(() => (window as any).badText), 'the bad text socket to fail');
  // The page sees what Chromium does with a non-UTF-8 text frame: error, then close 1006, no message.
  expect(await page.evaluate(() => (window as any).badText)).toBe('error, close 1006');
  await waitFor(async () => (await panelCount(panel)) === '2 frames', 'the binary frame and its echo');
  await selectRow(panel, 1);
  const utf8 = await detailsOf(panel, 'utf8');
  expect(utf8.body).toBe('hi⟨ff⟩⟨c3⟩(⟨e2⟩⟨82⟩A');
  expect(utf8.warning).toMatch(new RegExp(`^${INVALID_UTF8_COUNT} invalid UTF-8 bytes`));
  const states = await waitFor(async () => ((await connectionStates(panel)).length === 2 ? connectionStates(panel) : null), 'both connections');
  expect(states).toContainEqual(expect.stringMatching(/bad-text closed 1006 \(unclean\) · error$/));
  expect(errors).toEqual([]);
});

let churned: { page: Page; panel: Page };

test('10,000 connections opened and closed: the page is unaffected; a panel opened afterwards lists the last 2,000', async () => {
  const errors: string[] = [];
  const page = await openPage(churnPage(server, echoes.wsUrls), errors, true);
  const started = Date.now();
  const seen = await page.evaluate(() => (window as any).churn(10_000, 8));
  console.log(`10,000 connections opened and closed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(seen).toEqual({ opened: 10_000, echoed: 100, closed: 10_000, errors: 0 });
  const panel = await openPanel(page, errors, true);
  churned = { page, panel };
  await waitFor(async () => (await panelCount(panel)) === '200 frames', 'the 100 echoed frames and their sends');
  // The page's backlog keeps the lifecycle of at most maxConnections sockets, forgetting the oldest closed ones.
  const all = await panel.$eval('[data-testid="all-connections"] .conn-meta', (e) => e.textContent);
  expect(all).toBe(`${DEFAULT_LIMITS.maxConnections} connections`);
  // … and says how many it forgot.
  expect(await waitFor(async () => ((await lossTexts(panel)).forgotten ? lossTexts(panel) : null), 'the forgotten connections notice')).toEqual({ forgotten: '8,000 closed connections forgotten before DevTools opened' });
  const states = await connectionStates(panel);
  expect(states.every((s) => / closed 1000 "done"/.test(s))).toBe(true);
  expect(states.at(-1)).toMatch(/\/echo\?c=9999 closed 1000 "done"/);
  await fill(panel, 'filter', 'c9999');
  await waitFor(async () => (await panelCount(panel)) === 'shown 2 of 200 frames', 'filtered to the last connection');
  await fill(panel, 'filter', '');
  expect(errors).toEqual([]);
}, 180_000); // ≈ 45 s alone on 2 cores: Chromium throttles a page with many pending handshakes

/* The relay forgets only closed connections none of whose frames it still keeps (src/relay/backlog.ts). */
test('every frame kept after the churn belongs to a listed connection', async () => {
  const { page, panel } = churned;
  onTestFinished(async () => { await panel.close().catch(() => {}); await page.close().catch(() => {}); });
  await fill(panel, 'filter', '/^c99$/'); // the first echoed frame: its connection is long forgotten
  await waitFor(async () => (await panelCount(panel)) === 'shown 2 of 200 frames', 'the two frames of connection c99');
  const labels = await panel.$$eval('[data-testid="frame-row"] .c-conn', (els) => els.map((e) => e.textContent!));
  expect(labels).toEqual([expect.stringMatching(/^#\d+ \/echo\?c=99$/), expect.stringMatching(/^#\d+ \/echo\?c=99$/)]);
});

test('a page that replaces WebSocket after the hook: its wrappers work and capture still sees the wire', async () => {
  const { page, panel, errors } = await openWithPanel(wrapperPage(server));
  await waitFor(async () => (await result(page)) !== 'waiting', 'the page verdict');
  expect(await result(page)).toBe('ok');
  await waitFor(async () => (await panelCount(panel)) === '4 frames', 'two sends and two echoes');
  expect(await rowsText(panel)).toEqual([
    'sent [tagged] one', 'sent [tagged] two', 'received [tagged] one', 'received [tagged] two',
  ]);
  expect(server.received.filter((m) => m.text?.startsWith('[tagged]')).map((m) => m.text)).toEqual(['[tagged] one', '[tagged] two']);
  expect(errors).toEqual([]);
});

test('a page that freezes WebSocket and its prototype first: it works and is captured', async () => {
  const { page, panel, errors } = await openWithPanel(frozenPage(server));
  await waitFor(async () => (await result(page)) !== 'waiting', 'the page verdict');
  expect(await result(page)).toBe('ok');
  await waitFor(async () => (await panelCount(panel)) === '2 frames', 'the frame and its echo');
  expect(await rowsText(panel)).toEqual(['sent cold', 'received cold']);
  expect(errors).toEqual([]);
});

test('two tabs with 2,000 frames each: each panel shows only its own tab', async () => {
  const N = 2_000;
  const a = await openWithPanel(tabPage(server, 'A', N));
  const b = await openWithPanel(tabPage(server, 'B', N));
  for (const [name, { page, panel }] of [['A', a], ['B', b]] as const) {
    await waitFor(() => page.evaluate((n) => (window as any).echoes === n, N), `tab ${name}'s echoes`);
    await waitFor(async () => (await panelCount(panel)) === `${2 * N} frames`, `tab ${name}'s panel`);
  }
  for (const [own, other, { panel }] of [['A', 'B', a], ['B', 'A', b]] as const) {
    const urls = await panel.$$eval('[data-testid="connection"] .conn-url', (els) => els.map((e) => e.textContent));
    expect(urls).toEqual([expect.stringMatching(new RegExp(`/echo\\?tab=${own}$`))]);
    await fill(panel, 'filter', `${own}-`);
    await waitFor(async () => (await panelCount(panel)) === `${2 * N} frames` || (await panelCount(panel)) === `shown ${2 * N} of ${2 * N} frames`, `${own}'s frames all match`);
    await fill(panel, 'filter', `${other}-`);
    await waitFor(async () => (await panelCount(panel)) === `shown 0 of ${2 * N} frames`, `no ${other} frame in ${own}'s panel`);
  }
  expect([...a.errors, ...b.errors]).toEqual([]);
});
