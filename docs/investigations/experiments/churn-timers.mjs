// Issue 14, question 1: does a pending 16 ms batch timer in the page slow a WebSocket churn in Chromium?
// No extension: an evaluateOnNewDocument script stands in for the hook (listeners on every socket, reports
// batched per microtask or behind a 16 ms timer). Usage: node churn-timers.mjs N PARALLEL ROUNDS mode...
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import puppeteer from 'puppeteer-core';

const [N = 1500, PAR = 8, ROUNDS = 1] = process.argv.slice(2, 5).map(Number);
const modes = process.argv.slice(5).length ? process.argv.slice(5) : ['none', 'micro', 'abort16', 'settimeout16', 'abort16-holdws'];

async function rawServer() {
  const http = createServer((_, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) => ws.on('message', (d, b) => ws.send(d, { binary: b })));
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  return { url: `ws://127.0.0.1:${http.address().port}`, close: () => { for (const c of wss.clients) c.terminate(); http.closeAllConnections(); http.close(); } };
}
const servers = await Promise.all(Array.from({ length: 8 }, rawServer));
const page = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><script>
  const urls = ${JSON.stringify(servers.map((s) => s.url))};
  window.churn = async (total, parallel) => {
    let opened = 0, closed = 0, errors = 0, next = 0; const lat = [];
    const one = (i) => new Promise((resolve) => {
      const t0 = performance.now();
      const ws = new WebSocket(urls[i % urls.length] + '/echo?c=' + i);
      ws.onopen = () => { opened++; lat.push(performance.now() - t0); if (i % 100 === 99) ws.send('c' + i); else ws.close(1000, 'done'); };
      ws.onmessage = () => ws.close(1000, 'done');
      ws.onerror = () => errors++;
      ws.onclose = () => { closed++; resolve(); };
    });
    const worker = async () => { while (next < total) await one(next++); };
    const start = performance.now();
    await Promise.all(Array.from({ length: parallel }, worker));
    lat.sort((a, b) => a - b);
    const q = (p) => +lat[Math.floor(p * (lat.length - 1))].toFixed(1);
    return { ms: Math.round(performance.now() - start), opened, closed, errors, openMs: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) }, timers: window.__timers || 0 };
  };
</script>`));
await new Promise((r) => page.listen(0, '127.0.0.1', r));
const pageUrl = `http://127.0.0.1:${page.address().port}/`;

// The stand-in hook: the same listeners the real hook adds, and a report() batching like reporter.ts did.
const hook = (mode) => `(() => {
  const mode = ${JSON.stringify(mode)};
  if (mode === 'none') return;
  const Native = WebSocket; let batch = [], scheduled = false; window.__timers = 0;
  const flush = () => { scheduled = false; batch = []; /* never posted */ };
  const report = (m) => {
    batch.push(m);
    if (scheduled) return; scheduled = true;
    if (mode === 'micro') queueMicrotask(flush);
    else { window.__timers++; if (mode.startsWith('abort16')) AbortSignal.timeout(16).addEventListener('abort', flush); else setTimeout(flush, 16); }
  };
  const hold = mode === 'abort16-holdws';
  window.WebSocket = function WebSocket(url, p) {
    const ws = p === undefined ? new Native(url) : new Native(url, p);
    const ref = hold ? ws : null;
    report({ k: 'new', url, ref });
    ws.addEventListener('open', () => report({ k: 'open', ref, protocol: ws.protocol }));
    ws.addEventListener('message', (e) => report({ k: 'message', ref, data: e.data }));
    ws.addEventListener('close', (e) => report({ k: 'close', ref, code: e.code }));
    ws.addEventListener('error', () => report({ k: 'error', ref }));
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
})();`;

const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
console.log(`chromium ${await browser.version()}; N=${N} parallel=${PAR}`);
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of modes) {
    const tab = await browser.newPage();
    await tab.evaluateOnNewDocument(hook(mode));
    await tab.goto(pageUrl);
    const r = await tab.evaluate((n, p) => window.churn(n, p), N, PAR);
    const vis = await tab.evaluate(() => document.visibilityState);
    console.log(JSON.stringify({ mode, ...r, vis }));
    await tab.close();
  }
}
await browser.close();
servers.forEach((s) => s.close()); page.close();
