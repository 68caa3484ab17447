/**
 * The spine in Chromium: a page talks to a real server; our panel, opened inside the real
 * DevTools, shows every frame (text, binary, Blob, server close) including those from an
 * iframe and those sent before DevTools opened, then live frames.
 */
import { expect, test } from 'vitest';
import { useChromium, useServer } from '../helpers/lifecycle';
import { openPanelInDevTools, type Chromium } from '../helpers/chromium';
import { panelCount, panelRows, waitFor } from '../helpers/panel';
import { EXPECTED_ROWS, EXPECTED_SERVER_MESSAGES, serveTrafficPage } from './traffic-page';

const server = useServer();
const chromium = useChromium();

const asText = (rows: { dir: string; opcode: string; preview: string }[]) => rows.map((r) => `${r.dir} ${r.opcode} ${r.preview}`);

test('panel in real DevTools shows backlog and live frames: text, binary, close, iframe', async () => {
  const url = serveTrafficPage(server);
  const page = await chromium.browser.newPage();
  await page.goto(url);
  await waitFor(() => server.received.length >= EXPECTED_SERVER_MESSAGES, 'server to receive the page frames');
  await waitFor(() => page.evaluate(() => (window as any).results.length === 1), 'server close');

  const panel = await openPanelInDevTools(chromium, page);
  await waitFor(async () => (await panelRows(panel)).length >= EXPECTED_ROWS.length, 'backlog rows in the panel');
  expect(asText(await panelRows(panel)).sort()).toEqual([...EXPECTED_ROWS].sort());

  await page.evaluate(() => (window as any).later());
  await waitFor(async () => (await panelRows(panel)).length === EXPECTED_ROWS.length + 2, 'the live frame and its echo');
  const rows = asText(await panelRows(panel));
  expect(rows.slice(-2)).toEqual(['sent text after the panel opened', 'received text after the panel opened']);
  expect(await panelCount(panel)).toBe(`${EXPECTED_ROWS.length + 2} frames`);

  const states = await panel.$$eval('[data-testid="connection-state"]', (els) => els.map((e) => e.textContent));
  expect(states).toContain('closed 4001 "bye now"');
  const connections = await panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => e.textContent));
  expect(connections.some((t) => t?.includes('echo.v1'))).toBe(true);

  // Clicking a JSON frame shows it as a tree; the Text tab shows the exact payload.
  await panel.$$eval('[data-testid="frame-row"]', (els) => (els.find((r) => r.textContent?.includes('"hello"')) as HTMLElement).click());
  const tree = await panel.$eval('[data-testid="json-tree"]', (e) => (e as HTMLElement).innerText);
  expect(tree).toMatch(/hello\s*Copy path\s*Copy value\s*: "world"|hello: "world"/);
  await panel.$eval('[data-testid="tab-text"]', (e) => (e as HTMLElement).click());
  expect(await panel.$eval('[data-testid="details-body"]', (e) => e.textContent)).toBe(JSON.stringify({ hello: 'world', n: 1 }));
});
