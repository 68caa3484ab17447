// Issue 14, question 2: does chrome.devtools.network (getHAR, onRequestFinished) carry WebSocket frames of
// sockets opened by the page, a dedicated worker and a shared worker? And may a panel page call tabs.connect?
// puppeteer-core opens the real DevTools on the page; wsinspect's panel page (any DevTools extension page has
// chrome.devtools.*) listens to onRequestFinished and answers getHAR.
// Usage: node devtools-har-workers.mjs <unpacked Chrome build of wsinspect, e.g. dist/chrome>
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import puppeteer from 'puppeteer-core';

const ext = process.argv[2];
// Every page is served with a body: a bodiless 404 shows Chrome's error page, where DevTools loads no extension.
const http = createServer((req, res) => {
  const js = (s) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(s);
  const socket = (who) => `const ws = new WebSocket('ws://127.0.0.1:' + location.port + '/${who}');
    ws.onopen = () => { ws.send('hello from ${who}'); ws.send(new Uint8Array([1, 2, 3, 250])); }; ws.onmessage = () => setTimeout(() => ws.close(1000), 300);`;
  if (req.url === '/dedicated.js') return js(socket('dedicated'));
  if (req.url === '/shared.js') return js(`onconnect = () => {}; ${socket('shared')}`);
  if (req.url === '/page') return res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><script>
    ${socket('page')}
    new Worker('/dedicated.js');
    new SharedWorker('/shared.js');
    const live = new WebSocket('ws://127.0.0.1:' + location.port + '/page-still-open');
    live.onopen = () => live.send('hello from a page socket still open');
  </script>`);
  res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
});
const serverSaw = [];
new WebSocketServer({ server: http }).on('connection', (ws, req) => ws.on('message', (d, binary) => {
  serverSaw.push(`${req.url}: ${binary ? 'binary ' + d.length + ' B' : String(d)}`);
  ws.send(binary ? d : 'echo: ' + d, { binary });
}));
await new Promise((r) => http.listen(0, '127.0.0.1', r));
const port = http.address().port;

const userDataDir = mkdtempSync(join(tmpdir(), 'r14-har-'));
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium', headless: true, userDataDir, ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-dev-shm-usage', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
});
try {
  await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 30_000 });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/blank`).catch(() => {});
  const devtools = await page.openDevTools();
  // As test/helpers/chromium.ts does: wait until the DevTools UI answers (it initialises lazily).
  for (let i = 0; i < 120; i++) {
    const ready = await devtools.evaluate(`(async () => { try { const UI = await import('./ui/legacy/legacy.js'); return UI.InspectorView.InspectorView.instance().tabbedPane.tabIds().length > 0; } catch { return false; } })()`).catch(() => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const id = new URL((await browser.waitForTarget((t) => t.type() === 'service_worker')).url()).host;
  for (let i = 0; i < 120; i++) {
    const selected = await devtools.evaluate(`(async () => { try { const UI = await import('./ui/legacy/legacy.js'); const pane = UI.InspectorView.InspectorView.instance().tabbedPane;
      if (!pane.tabIds().includes('chrome-extension://${id}WebSockets')) return false; pane.selectTab('chrome-extension://${id}WebSockets'); return true; } catch { return false; } })()`).catch(() => false);
    if (selected) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  let probe;
  for (let i = 0; i < 100 && !probe; i++) {
    probe = devtools.frames().find((f) => f.url().startsWith(`chrome-extension://${id}/src/panel/panel.html`));
    if (!probe) await new Promise((r) => setTimeout(r, 200));
  }
  if (!probe) { console.log(id, await devtools.evaluate(`(async () => { const UI = await import('./ui/legacy/legacy.js'); return UI.InspectorView.InspectorView.instance().tabbedPane.tabIds(); })()`).catch(String)); throw new Error('panel frame not found'); }
  await probe.evaluate(() => {
    window.finished = [];
    chrome.devtools.network.onRequestFinished.addListener((e) => {
      if (e._resourceType === 'websocket') window.finished.push({ url: e.request.url, messages: (e._webSocketMessages || []).map((m) => m.type + ':' + m.data) });
    });
    window.har = () => new Promise((resolve) => chrome.devtools.network.getHAR((log) => resolve(log.entries
      .filter((e) => e._resourceType === 'websocket')
      .map((e) => ({ url: e.request.url, messages: (e._webSocketMessages || []).map((m) => m.type + ':' + m.data) })))));
  });
  await page.goto(`http://127.0.0.1:${port}/page`);
  await new Promise((r) => setTimeout(r, 2500));
  console.log(await browser.version());
  console.log('the server saw:', JSON.stringify(serverSaw, null, 1));
  console.log('getHAR websocket entries:', JSON.stringify(await probe.evaluate(() => window.har()), null, 1));
  console.log('onRequestFinished websocket entries:', JSON.stringify(await probe.evaluate(() => window.finished), null, 1));
  // Issue 14 step 2: may a DevTools panel page open a port straight to a frame of the inspected tab?
  // (wsinspect's relay has no runtime.onConnect listener, so the port is expected to close with "no receiver".)
  console.log('tabs.connect from the panel:', await probe.evaluate(() => new Promise((resolve) => {
    if (typeof chrome.tabs?.connect !== 'function') return resolve('chrome.tabs.connect is not available');
    const port = chrome.tabs.connect(chrome.devtools.inspectedWindow.tabId, { frameId: 0, name: 'probe' });
    port.onDisconnect.addListener(() => resolve(`port opened, then disconnected: ${chrome.runtime.lastError?.message}`));
    setTimeout(() => resolve('port still open after 1 s'), 1000);
  })));
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
  http.close(); http.closeAllConnections();
}
