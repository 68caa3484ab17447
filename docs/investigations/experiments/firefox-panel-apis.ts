// Issue 14, questions 2 and 3 in Firefox ESR: inside wsinspect's panel in the real DevTools, which APIs exist
// (browser.tabs? browser.devtools.network?), and does getHAR carry WebSocket frames of the page's socket?
// Uses the project's helpers (test/helpers/firefox*.ts). Run: npx tsx docs/investigations/experiments/firefox-panel-apis.ts
// after `node scripts/build.mjs` (the helpers load dist/firefox).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { launchFirefox } from '../../../test/helpers/firefox';
import { openPanelInFirefoxDevTools } from '../../../test/helpers/firefox-devtools';

const http = createServer((req, res) => {
  if (req.url === '/page') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>page</title><script>
      setTimeout(() => {
        const ws = new WebSocket('ws://127.0.0.1:' + location.port + '/page');
        ws.onopen = () => { ws.send('hello from page'); ws.send(new Uint8Array([1, 2, 3, 250])); };
        ws.onmessage = () => setTimeout(() => ws.close(1000), 300);
      }, 3000); // after the panel is open
    </script>`);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
});
new WebSocketServer({ server: http }).on('connection', (ws) => ws.on('message', (d, binary) => ws.send(binary ? d : 'echo: ' + d, { binary })));
await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
const port = (http.address() as { port: number }).port;

const firefox = await launchFirefox();
try {
  const page = await firefox.browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/page`);
  const panel = await openPanelInFirefoxDevTools(firefox, page);
  for (let i = 0; i < 100 && !(await panel.evaluate<string>('String(window.location)')).startsWith('moz-extension:'); i++) await new Promise((r) => setTimeout(r, 100));
  console.log('probe:', await panel.evaluate<string>(`JSON.stringify({ xray: typeof window.browser, xrayChrome: typeof window.chrome, wrapped: typeof window.wrappedJSObject.browser, wrappedChrome: typeof window.wrappedJSObject.chrome, url: String(window.location) })`));
  const api = await panel.evaluate<Record<string, string>>(`(() => { const b = window.wrappedJSObject.browser; return {
    tabs: typeof b.tabs, tabsConnect: typeof (b.tabs && b.tabs.connect), runtimeConnect: typeof b.runtime.connect,
    devtoolsNetwork: typeof b.devtools.network, getHAR: typeof b.devtools.network.getHAR, tabId: String(b.devtools.inspectedWindow.tabId) }; })()`);
  console.log('APIs in the Firefox panel:', JSON.stringify(api));
  // Callbacks for the panel's API are made with exportFunction (the panel's CSP blocks eval); the frame script's
  // own globals (Components) are those of a privileged sandbox.
  console.log('components:', await panel.evaluate<string>('typeof Components + " " + typeof Cu'));
  await panel.evaluate(`(() => { const w = window.wrappedJSObject; w.__finished = [];
    w.browser.devtools.network.onRequestFinished.addListener(Components.utils.exportFunction((e) => {
      e = Components.utils.waiveXrays(e);
      w.__finished.push(JSON.stringify({ url: e.request.url, type: e._resourceType, ws: e._webSocketMessages }));
    }, window));
    return true; })()`);
  console.log('listener registered');
  await new Promise((r) => setTimeout(r, 6000));
  await panel.evaluate(`(() => { const w = window.wrappedJSObject; w.__har = 'pending';
    w.browser.devtools.network.getHAR().then(Components.utils.exportFunction((log) => {
      log = Components.utils.waiveXrays(log);
      w.__har = JSON.stringify(Array.from(log.entries).map((e) => ({ url: e.request.url, status: e.response.status,
        custom: Object.keys(e).filter((k) => k.startsWith('_')), ws: e._webSocketMessages })));
    }, window), Components.utils.exportFunction((e) => { w.__har = 'error: ' + e; }, window));
    return true; })()`);
  await new Promise((r) => setTimeout(r, 2000));
  console.log('getHAR entries:', await panel.evaluate<string>('window.wrappedJSObject.__har'));
  console.log('onRequestFinished:', await panel.evaluate<string>('JSON.stringify(Array.from(window.wrappedJSObject.__finished))'));
} finally {
  await firefox.close();
  http.close();
}
