// Issue 14: the robustness churn with a build of the extension loaded (or none), printing every 3 s how many
// sockets have closed (a stalled page stops answering: its main thread waits on a futex with no CPU) and, at the
// end, WebSocket objects alive after a GC. Usage: PAR=8 node churn-probe.mjs N DIST|none [DIST|none ...]
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import puppeteer from 'puppeteer-core';

const N = Number(process.argv[2] ?? 3000);
const dists = process.argv.slice(3);

async function rawServer() {
  const http = createServer((_, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) => ws.on('message', (d, b) => ws.send(d, { binary: b })));
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  return { url: `ws://127.0.0.1:${http.address().port}`, close: () => { for (const c of wss.clients) c.terminate(); http.closeAllConnections(); http.close(); } };
}
const servers = await Promise.all(Array.from({ length: 8 }, rawServer));
const site = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><script>
  const urls = ${JSON.stringify(servers.map((s) => s.url))};
  window.churn = async (total, parallel) => {
    let opened = 0, closed = 0, errors = 0, next = 0; window.inflight = new Map(); window.prog = () => ({ opened, closed, errors, next, inflight: [...inflight.values()].map((w) => [w.url.split('?')[1], w.readyState]) }); const openLat = [], closeLat = [], slices = [];
    const start = performance.now(); let sliceStart = start;
    const one = (i) => new Promise((resolve) => {
      const t0 = performance.now(); let tc = 0;
      const ws = new WebSocket(urls[i % urls.length] + '/echo?c=' + i); inflight.set(i, ws);
      ws.onopen = () => { opened++; openLat.push(performance.now() - t0); if (i % 100 === 99) ws.send('c' + i); else { tc = performance.now(); ws.close(1000, 'done'); } };
      ws.onmessage = () => { tc = performance.now(); ws.close(1000, 'done'); };
      ws.onerror = () => errors++;
      ws.onclose = () => {
        closed++; inflight.delete(i); closeLat.push(performance.now() - tc);
        if (closed % 1000 === 0) { const now = performance.now(); slices.push(Math.round(now - sliceStart)); sliceStart = now; }
        resolve();
      };
    });
    const worker = async () => { while (next < total) await one(next++); };
    await Promise.all(Array.from({ length: parallel }, worker));
    const q = (a, p) => { a.sort((x, y) => x - y); return +a[Math.floor(p * (a.length - 1))].toFixed(1); };
    // Tails: an open over 1 s points at the throttle or the endpoint lock, a close over 1 s at Chromium's 2 s wait
    // for the server to drop TCP (net/websockets/websocket_channel.cc, kUnderlyingConnectionCloseTimeoutSeconds).
    const over = (a, ms) => a.filter((x) => x > ms).length;
    return { s: +((performance.now() - start) / 1000).toFixed(1), opened, closed, errors,
      openMs: [q(openLat, 0.5), q(openLat, 0.9), q(openLat, 0.99), q(openLat, 1)], closeMs: [q(closeLat, 0.5), q(closeLat, 0.9), q(closeLat, 0.99), q(closeLat, 1)],
      over1s: { open: over(openLat, 1000), close: over(closeLat, 1000) }, msPer1000: slices };
  };
</script>`));
await new Promise((r) => site.listen(0, '127.0.0.1', r));

for (const dist of dists) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'r14-churn-'));
  const ext = dist !== 'none';
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium', headless: true, userDataDir,
    ignoreDefaultArgs: ext ? ['--disable-extensions'] : [],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-dev-shm-usage', ...(ext ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : [])],
  });
  if (ext) await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 30_000 });
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${site.address().port}/churn`);
  const done = tab.evaluate((n) => window.churn(n[0], n[1]), [N, Number(process.env.PAR ?? 8)]);
  let last = -1;
  const poll = setInterval(async () => { try { const p = await tab.evaluate(() => window.prog()); console.log(Math.round(performance.now()/1000), p.closed);  last = p.closed; } catch {} }, 3000);
  const r = await done; clearInterval(poll);
  const cdp = await tab.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebSocket.prototype' });
  const objs = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const count = await cdp.send('Runtime.callFunctionOn', { objectId: objs.objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  const heap = await cdp.send('Runtime.getHeapUsage');
  console.log('alive after GC:', count.result.value, 'heap MB', (heap.usedSize / 1048576).toFixed(1));
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  console.log(JSON.stringify({ dist, N, ...r, load }));
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
servers.forEach((s) => s.close()); site.close();
