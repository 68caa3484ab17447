/**
 * Runs one library of the matrix in a browser with the extension: the page runs the real
 * client against the real server, then the panel must show exactly the frames the server
 * counted, per connection and in each direction, and the page must end with the library's
 * correct result (so the hook changed nothing the library relies on).
 */
import { expect, onTestFinished } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { panelCount, waitFor } from '../../helpers/panel';
import { bundleClient, clientPage } from './bundle';
import type { LibraryCase } from './case';
import { startLibraryServer } from './servers/base';
import { graphqlWs } from './servers/graphql';
import { mqttCase } from './servers/mqtt';
import { reconnectingCase } from './servers/reconnecting';
import { socketIoUpgrade, socketIoWebSocket } from './servers/socketio';
import { stompCase } from './servers/stomp';
import { jsonRpcCase } from './servers/jsonrpc';
import { trpcCase } from './servers/trpc';
import { hocuspocusCase } from './servers/hocuspocus';
import { colyseusCase } from './servers/colyseus';

export const LIBRARIES: LibraryCase[] = [socketIoWebSocket, socketIoUpgrade, graphqlWs, mqttCase, stompCase, reconnectingCase, jsonRpcCase, trpcCase, hocuspocusCase, colyseusCase];

export interface BrowserDriver {
  newPage(): Promise<Page>;
  /** The panel inspecting `page`'s tab, rendered. */
  openPanel(page: Page): Promise<Page | Frame>;
}

/** Bundling takes a few seconds: start it for every client before the browser is needed. */
export function prebundleAll(): Promise<unknown> {
  return Promise.all([...new Set(LIBRARIES.map((c) => c.client))].map(bundleClient));
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

/** "↑sent ↓received" of each connection entry in the panel, sorted. */
async function panelConnections(panel: Page | Frame): Promise<string[]> {
  const texts = await panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => e.textContent ?? ''));
  return texts.map((t) => /↑(\d+) \([^)]*\) ↓(\d+)/.exec(t)).map((m) => (m ? `↑${m[1]} ↓${m[2]}` : 'unparsed')).sort();
}

export async function runLibraryCase(library: LibraryCase, browser: BrowserDriver): Promise<void> {
  const server = await startLibraryServer();
  onTestFinished(() => server.close());
  const setup = await library.setup(server);
  const code = await bundleClient(library.client);
  server.page('/', clientPage(code, setup.config));

  const page = await browser.newPage();
  onTestFinished(() => page.close().catch(() => {}));
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    // Firefox reports a socket closed before the page finished loading as an error ("…was
    // interrupted while the page was loading"); a client library reconnecting early does that.
    // It is the browser's network notice, not an exception in the page, and the app-level check
    // below still has to pass.
    if (/was interrupted while the page was loading/.test(String(e))) return;
    errors.push(String(e));
  });
  await page.goto(`${server.url}/?library=${encodeURIComponent(library.client)}`);
  const result = await waitFor(() => page.evaluate(() => (window as any).result), `${library.name} to finish in the page`, 20_000);
  expect(result.error, 'the client library failed in the page').toBeUndefined();
  expect(errors, 'uncaught errors in the page').toEqual([]);
  setup.check(result);

  // Quiescence: every socket closed on the server side, so no frame is still in flight.
  const { counter } = server;
  await waitFor(() => counter.connections.length === setup.connections && counter.allClosed, 'all sockets to close', 10_000);

  const panel = await browser.openPanel(page);
  const expected = `${counter.total} frames`;
  await waitFor(async () => (await panelCount(panel)) === expected, `the panel to show ${expected}`).catch(() => {});
  await settle(); // a duplicate arriving late would show up now
  const shown = await panelCount(panel);
  console.log(`${library.name}: server received ${counter.received}, sent ${counter.sent} over ${counter.connections.length} connection(s); panel: ${shown}`);
  expect(shown).toBe(expected);
  expect(await panelConnections(panel)).toEqual(counter.pageView());

  // The decoders recognise the protocol: the table's rows carry its decoded summaries.
  if (library.summary) {
    const summaries = await panel.$$eval('[data-testid="frame-summary"]', (els) => els.map((e) => e.textContent ?? ''));
    console.log(`${library.name} summaries: ${summaries.slice(-4).join(' | ')}`);
    expect(summaries.some((t) => library.summary!.test(t)), `a row decoded as ${library.summary}`).toBe(true);
  }

  if (library.pairs) await checkPairs(panel, library.name, library.pairs);
}

/** Sums of the Requests dialog's "Answered" and "No answer" columns. */
async function requestTotals(panel: Page | Frame): Promise<{ answered: number; unanswered: number; rows: string[] }> {
  return panel.$$eval('[data-testid="requests-row"]', (rows) => {
    const cells = rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''));
    return {
      answered: cells.reduce((n, c) => n + Number(c[3]), 0),
      unanswered: cells.reduce((n, c) => n + Number(c[5]), 0),
      rows: cells.map((c) => `${c[0]} ${c[1]}: ${c[2]} asked, ${c[3]} answered, ${c[5]} no answer, p50 ${c[7]} ms`),
    };
  });
}

/** The panel pairs the library's requests with their answers: the Requests dialog counts them, rows show latencies. */
async function checkPairs(panel: Page | Frame, name: string, want: { answered: number; unanswered?: number }): Promise<void> {
  const button = await waitFor(() => panel.$('[data-testid="requests"]'), 'the Requests button (some request paired)');
  await button!.click();
  const enough = (t: { answered: number; unanswered: number }) => t.answered >= want.answered && t.unanswered >= (want.unanswered ?? 0);
  await waitFor(async () => enough(await requestTotals(panel)), `${want.answered} answered and ${want.unanswered ?? 0} unanswered requests in the Requests dialog`).catch(() => {});
  const totals = await requestTotals(panel);
  console.log(`${name} requests: ${totals.rows.join(' | ')}`);
  expect(totals.answered, 'requests answered').toBeGreaterThanOrEqual(want.answered);
  expect(totals.unanswered, 'requests left unanswered').toBeGreaterThanOrEqual(want.unanswered ?? 0);
  const cells = await panel.$$eval('[data-testid="latency"]', (els) => els.map((e) => e.textContent ?? ''));
  expect(cells.some((t) => /\d ms$/.test(t)), `a latency in the table's rows (saw ${cells.slice(-6).join(', ')})`).toBe(true);
  await (await panel.$('[data-testid="requests"]'))!.click();
}
