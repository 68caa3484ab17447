/**
 * The spine in Chromium: a page talks to a real server; our panel, opened inside the real
 * DevTools, shows every frame (text, binary, server close) including those from an iframe
 * and those sent before DevTools opened.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPanelInDevTools, type Chromium } from '../helpers/chromium';
import { panelCount, panelRows, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';

let chromium: Chromium;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

test('panel in real DevTools shows text, binary, a server close and iframe frames', async () => {
  server.page('/frame', `<script>
    const ws = new WebSocket('${server.wsUrl}/echo');
    ws.onopen = () => ws.send('from iframe');
  </script>`);
  server.page('/app', `<!doctype html><body><script>
    window.results = [];
    const ws = new WebSocket('${server.wsUrl}/echo', ['echo.v1']);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      ws.send(JSON.stringify({ hello: 'world', n: 1 }));
      ws.send(new Uint8Array([1, 2, 3, 254, 255]));
      const dv = new DataView(new ArrayBuffer(8)); dv.setFloat64(0, Math.PI); ws.send(dv);
    };
    const closer = new WebSocket('${server.wsUrl}/close/4001/bye%20now');
    closer.onclose = (e) => window.results.push([e.code, e.reason, e.wasClean]);
    window.later = () => ws.send('after devtools opened');
  </script><iframe src="/frame"></iframe></body>`);

  const page = await chromium.browser.newPage();
  await page.goto(`${server.url}/app`);
  // Traffic before DevTools opens must be in the backlog.
  await waitFor(() => server.received.length >= 4, 'server to receive the page frames');
  await waitFor(() => page.evaluate(() => (window as any).results.length === 1), 'server close');

  const panel = await openPanelInDevTools(chromium, page);
  await waitFor(async () => (await panelRows(panel)).length >= 9, 'backlog rows in the panel');
  await page.evaluate(() => (window as any).later());
  await waitFor(async () => (await panelRows(panel)).some((r) => r.preview === 'after devtools opened'), 'a live frame');

  const rows = await panelRows(panel);
  const previews = rows.map((r) => `${r.dir} ${r.opcode} ${r.preview}`);
  expect(previews).toEqual(expect.arrayContaining([
    'sent text {"hello":"world","n":1}',
    'received text {"hello":"world","n":1}',
    'sent binary 01 02 03 fe ff',
    'received binary 01 02 03 fe ff',
    'sent binary 40 09 21 fb 54 44 2d 18',
    'received binary 40 09 21 fb 54 44 2d 18',
    'received text closing soon',
    'sent text from iframe',
    'received text from iframe',
    'sent text after devtools opened',
  ]));
  await waitFor(async () => (await panelRows(panel)).length === 11, 'the echo of the live frame');
  expect(await panelCount(panel)).toBe('11 frames');
  expect(server.received).toHaveLength(5);

  const states = await panel.$$eval('[data-testid="connection-state"]', (els) => els.map((e) => e.textContent));
  expect(states).toContain('closed 4001 "bye now"');
  const protocols = await panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => e.textContent));
  expect(protocols.some((t) => t?.includes('echo.v1'))).toBe(true);

  // Clicking a JSON frame shows it pretty-printed.
  await panel.$$eval('[data-testid="frame-row"]', (rows) => {
    const row = rows.find((r) => r.textContent?.includes('"hello"')) as HTMLElement;
    row.click();
  });
  const body = await panel.$eval('[data-testid="details-body"]', (e) => e.textContent);
  expect(body).toBe(JSON.stringify({ hello: 'world', n: 1 }, null, 2));
});
