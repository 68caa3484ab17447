/**
 * Pages and servers for the robustness suites (Chromium and Firefox run the same cases).
 * Each page keeps its own verdict in `window.result` ('ok' or what went wrong), so a test
 * can tell that the page kept working with the extension in the middle.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { TestServer } from '../../helpers/servers';

export const MB64 = 64 * 1024 * 1024;

/** Bytes whose UTF-8 decoding has 4 invalid bytes: ff, c3 (before '('), e2 (truncated), a lone 82. */
export const INVALID_UTF8 = [0x68, 0x69, 0xff, 0xc3, 0x28, 0xe2, 0x82, 0x41];
export const INVALID_UTF8_COUNT = 4;

/**
 * A second WebSocket server for what the shared test server does not do: /bad-text sends a
 * text frame whose bytes are not UTF-8 (the browser must fail that connection); /echo echoes.
 */
export async function startRawServer(): Promise<{ wsUrl: string; close(): Promise<void> }> {
  const http = createServer((_, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http, maxPayload: 2 * MB64 });
  wss.on('connection', (ws, req) => {
    if (req.url === '/bad-text') ws.send(Buffer.from(INVALID_UTF8), { binary: false });
    ws.on('message', (data: Buffer, isBinary: boolean) => ws.send(data, { binary: isBinary }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** `window.go()` sends a 64 MB text frame and a 64 MB binary frame; the page checks both echoes byte for byte. */
export function largePage(server: TestServer): string {
  server.page('/large', `<!doctype html><script>
    window.result = 'waiting';
    const N = ${MB64};
    const text = 'large text '.padEnd(N, 'x');
    const bytes = new Uint8Array(N);
    for (let i = 0; i < N; i++) bytes[i] = (i * 31 + 7) & 255;
    const ws = new WebSocket('${server.wsUrl}/echo');
    ws.binaryType = 'arraybuffer';
    const echoes = [];
    ws.onmessage = (e) => {
      echoes.push(e.data);
      if (echoes.length < 2) return;
      const [t, b] = echoes;
      if (t !== text) { window.result = 'text echo differs'; return; }
      const got = new Uint8Array(b);
      if (got.length !== N) { window.result = 'binary echo has ' + got.length + ' bytes'; return; }
      for (let i = 0; i < N; i++) if (got[i] !== bytes[i]) { window.result = 'binary echo differs at ' + i; return; }
      window.result = 'ok';
    };
    window.opened = new Promise((resolve) => { ws.onopen = resolve; });
    window.go = () => { ws.send(text); ws.send(bytes); };
    window.after = () => ws.send('after');
  </script>`);
  return `${server.url}/large`;
}

/** A binary frame with invalid UTF-8, echoed; and a text frame from the server that is not UTF-8. */
export function utf8Page(server: TestServer, raw: { wsUrl: string }): string {
  server.page('/utf8', `<!doctype html><script>
    window.result = 'waiting';
    window.badText = null;
    const sent = new Uint8Array(${JSON.stringify(INVALID_UTF8)});
    const ws = new WebSocket('${server.wsUrl}/echo');
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => ws.send(sent);
    ws.onmessage = (e) => {
      const got = new Uint8Array(e.data);
      window.result = got.length === sent.length && got.every((b, i) => b === sent[i]) ? 'ok' : 'echo differs';
    };
    const bad = new WebSocket('${raw.wsUrl}/bad-text');
    const events = [];
    bad.onmessage = () => events.push('message');
    bad.onerror = () => events.push('error');
    bad.onclose = (e) => { events.push('close ' + e.code); window.badText = events.join(', '); };
  </script>`);
  return `${server.url}/utf8`;
}

/**
 * Echo servers on several ports. Chromium lets only one socket per address and port be in its
 * opening handshake at a time, and slows a page down that has many handshakes pending: a few
 * ports and a few sockets at a time are what gets 10,000 connections through quickly.
 */
export async function startEchoServers(count: number): Promise<{ wsUrls: string[]; close(): Promise<void> }> {
  const servers = await Promise.all(Array.from({ length: count }, () => startRawServer()));
  return { wsUrls: servers.map((s) => s.wsUrl), close: async () => { await Promise.all(servers.map((s) => s.close())); } };
}

/**
 * `window.churn(total, parallel)` opens `total` sockets, `parallel` at a time, over `wsUrls`;
 * each closes as soon as it is open, except every 100th, which first sends a frame and waits
 * for its echo. Resolves to what the page saw.
 */
export function churnPage(server: TestServer, wsUrls: string[]): string {
  server.page('/churn', `<!doctype html><script>
    const urls = ${JSON.stringify(wsUrls)};
    window.churn = async (total, parallel) => {
      let opened = 0, echoed = 0, closed = 0, errors = 0, next = 0;
      const one = (i) => new Promise((resolve) => {
        const ws = new WebSocket(urls[i % urls.length] + '/echo?c=' + i);
        ws.onopen = () => { opened++; if (i % 100 === 99) ws.send('c' + i); else ws.close(1000, 'done'); };
        ws.onmessage = (e) => { if (e.data === 'c' + i) echoed++; ws.close(1000, 'done'); };
        ws.onerror = () => errors++;
        ws.onclose = () => { closed++; resolve(); };
      });
      const worker = async () => { while (next < total) await one(next++); };
      await Promise.all(Array.from({ length: parallel }, worker));
      return { opened, echoed, closed, errors };
    };
  </script>`);
  return `${server.url}/churn`;
}

/**
 * The page's first script replaces window.WebSocket (after our hook) twice over: a subclass
 * that prefixes what it sends, then a plain function wrapper around that, and it also
 * patches WebSocket.prototype.send to count calls before calling the previous send.
 */
export function wrapperPage(server: TestServer): string {
  server.page('/wrapper', `<!doctype html><script>
    window.result = 'waiting';
    const Original = window.WebSocket;
    window.counts = { constructed: 0, sendPatch: 0, received: [] };
    class TaggingWebSocket extends Original {
      send(data) { return super.send('[tagged] ' + data); }
    }
    function WrappedWebSocket(url, protocols) {
      const ws = new TaggingWebSocket(url, protocols);
      window.counts.constructed++;
      ws.addEventListener('message', (e) => window.counts.received.push(e.data));
      return ws;
    }
    WrappedWebSocket.prototype = Original.prototype;
    window.WebSocket = WrappedWebSocket;
    const previousSend = Original.prototype.send;
    Original.prototype.send = function (data) { window.counts.sendPatch++; return previousSend.call(this, data); };
  </script><script>
    const ws = new WebSocket('${server.wsUrl}/echo?wrapped');
    ws.onopen = () => { ws.send('one'); ws.send('two'); };
    ws.onmessage = () => {
      const c = window.counts;
      if (c.received.length < 2) return;
      const ok = c.constructed === 1 && c.sendPatch === 2 && c.received.join('|') === '[tagged] one|[tagged] two' && ws instanceof Original;
      window.result = ok ? 'ok' : JSON.stringify(c);
    };
  </script>`);
  return `${server.url}/wrapper`;
}

/** The page's first script freezes WebSocket and its prototype, then uses sockets as usual. */
export function frozenPage(server: TestServer): string {
  server.page('/frozen', `<!doctype html><script>
    Object.freeze(WebSocket.prototype);
    Object.freeze(WebSocket);
    window.result = 'waiting';
  </script><script>
    'use strict';
    const frozen = Object.isFrozen(WebSocket) && Object.isFrozen(WebSocket.prototype);
    let threw = false;
    try { WebSocket.prototype.send = () => {}; } catch { threw = true; }
    const ws = new WebSocket('${server.wsUrl}/echo?frozen');
    ws.onopen = () => ws.send('cold');
    ws.onmessage = (e) => {
      window.result = frozen && threw && e.data === 'cold' && ws.constructor === WebSocket ? 'ok' : 'frozen=' + frozen + ' threw=' + threw + ' data=' + e.data;
    };
  </script>`);
  return `${server.url}/frozen`;
}

/** A page for tab `name` that sends `n` frames tagged with its name on one socket, all echoed. */
export function tabPage(server: TestServer, name: string, n: number): string {
  server.page(`/tab-${name}`, `<!doctype html><script>
    window.echoes = 0;
    const ws = new WebSocket('${server.wsUrl}/echo?tab=${name}');
    ws.onmessage = () => window.echoes++;
    ws.onopen = () => { for (let i = 0; i < ${n}; i++) ws.send('${name}-' + i); };
  </script>`);
  return `${server.url}/tab-${name}`;
}
