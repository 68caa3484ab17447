/**
 * The spine in Firefox ESR: the hook captures the shared traffic page (text, binary, Blob,
 * server close, iframe); the panel shows it, first opened as a tab, then inside the real DevTools.
 */
import { expect, onTestFinished, test } from 'vitest';
import { useFirefox, useServer } from '../helpers/lifecycle';
import type { Page } from 'puppeteer-core';
import { type Firefox } from '../helpers/firefox';
import { openPanelInFirefoxDevTools } from '../helpers/firefox-devtools';
import { panelCount, panelRows, waitFor, type RowText } from '../helpers/panel';
import { EXPECTED_ROWS, EXPECTED_SERVER_MESSAGES, serveTrafficPage } from './traffic-page';

const server = useServer();
const firefox = useFirefox();

const asText = (rows: RowText[]) => rows.map((r) => `${r.dir} ${r.opcode} ${r.preview}`);

/**
 * Opens the traffic page and waits until all of its pre-panel traffic has happened. `label`
 * makes the address unique, so that a tab left open by a failed test is never mistaken for it.
 */
async function openTrafficPage(label: string): Promise<Page> {
  const before = server.received.length;
  const page = await firefox.browser.newPage();
  onTestFinished(() => page.close().catch(() => {}));
  await page.goto(`${serveTrafficPage(server)}?test=${label}`);
  await waitFor(() => server.received.length - before >= EXPECTED_SERVER_MESSAGES, 'server to receive the page frames');
  await waitFor(() => page.evaluate(() => (window as any).results.length === 1), 'server close');
  return page;
}

/** The panel page as an ordinary tab, inspecting the tab whose address starts with `tabUrl`. */
async function openPanelTab(tabUrl: string): Promise<Page> {
  const panel = await firefox.browser.newPage();
  onTestFinished(() => panel.close().catch(() => {}));
  // Tall enough that the virtualized table renders every row.
  await panel.setViewport({ width: 1200, height: 900 });
  // With --remote-allow-system-access this navigation may never resolve: wait for content instead.
  panel.goto(`${firefox.extensionOrigin}/src/panel/panel.html?tabUrl=${encodeURIComponent(tabUrl)}`).catch(() => {});
  await waitFor(() => panel.$('[data-testid="frames"]').catch(() => null), 'the panel page to render');
  return panel;
}

test('hook captures the traffic page; panel page (as a tab) shows it', async () => {
  const page = await openTrafficPage('tab');
  const panel = await openPanelTab(page.url());
  await waitFor(async () => (await panelRows(panel)).length >= EXPECTED_ROWS.length, 'backlog rows in the panel');
  expect(asText(await panelRows(panel)).sort()).toEqual([...EXPECTED_ROWS].sort());

  await page.evaluate(() => (window as any).later());
  await waitFor(async () => (await panelRows(panel)).length === EXPECTED_ROWS.length + 2, 'the live frame and its echo');
  expect(asText(await panelRows(panel)).slice(-2)).toEqual(['sent text after the panel opened', 'received text after the panel opened']);
  expect(await panelCount(panel)).toBe(`${EXPECTED_ROWS.length + 2} frames`);

  const states = await panel.$$eval('[data-testid="connection-state"]', (els) => els.map((e) => e.textContent));
  expect(states).toContain('closed 4001 "bye now"');
  const connections = await panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => e.textContent));
  expect(connections.some((t) => t?.includes('echo.v1'))).toBe(true);

  // Clicking a JSON frame shows a JSON tree; the Text tab shows the exact payload.
  await panel.$$eval('[data-testid="frame-row"]', (els) => (els.find((r) => r.textContent?.includes('"hello"')) as HTMLElement).click());
  const tree = await waitFor(() => panel.$eval('[data-testid="json-tree"]', (e) => e.textContent), 'the JSON tree');
  expect(tree).toContain('"world"');
  await panel.$eval('[data-testid="tab-text"]', (e) => (e as HTMLElement).click());
  const body = await waitFor(() => panel.$eval('[data-testid="details-body"]', (e) => e.textContent), 'the details body');
  expect(body).toBe(JSON.stringify({ hello: 'world', n: 1 }));
});

test('panel inside Firefox\'s real DevTools', async () => {
  const page = await openTrafficPage('devtools');
  const panel = await openPanelInFirefoxDevTools(firefox, page);
  await waitFor(async () => (await panel.rows()).length >= EXPECTED_ROWS.length, 'backlog rows in the DevTools panel');
  expect(asText(await panel.rows()).sort()).toEqual([...EXPECTED_ROWS].sort());
  expect(await panel.text()).toContain('closed 4001 "bye now"');
  // No ?tabUrl= or ?tabId=: the panel found its tab through devtools.inspectedWindow.
  expect(await panel.evaluate<string>('window.location.href')).toBe(`${firefox.extensionOrigin}/src/panel/panel.html`);

  await page.evaluate(() => (window as any).later());
  // The toolbox is short (about 220 px): the table renders the rows in view, following the newest.
  const count = () => panel.evaluate<string>(`document.querySelector('[data-testid="count"]').textContent`);
  await waitFor(async () => (await count()) === `${EXPECTED_ROWS.length + 2} frames`, 'the live frame and its echo counted');
  await waitFor(async () => asText(await panel.rows()).slice(-2).join() === 'sent text after the panel opened,received text after the panel opened', 'the live frame and its echo shown');

  // Clicking a JSON frame (a real DOM click, through the frame script) shows a JSON tree; Text shows the payload.
  await panel.evaluate(`document.querySelector('[data-testid="frames"]').scrollTop = 0`);
  await waitFor(async () => (await panel.rows()).some((r) => r.preview.includes('"hello"')), 'the JSON frame\'s row, scrolled to');
  await panel.evaluate(`[...document.querySelectorAll('[data-testid="frame-row"]')].find((r) => r.textContent.includes('"hello"')).click()`);
  const tree = await waitFor(() => panel.evaluate<string | null>(`document.querySelector('[data-testid="json-tree"]')?.textContent`), 'the JSON tree');
  expect(tree).toContain('"world"');
  await panel.evaluate(`document.querySelector('[data-testid="tab-text"]').click()`);
  const body = await waitFor(() => panel.evaluate<string | null>(`document.querySelector('[data-testid="details-body"]')?.textContent`), 'the details body');
  expect(body).toBe(JSON.stringify({ hello: 'world', n: 1 }));
});
