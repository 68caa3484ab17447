/** Real servers on 127.0.0.1 for browser tests: static pages and a WebSocket server that records what it saw. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Received { text: string | null; bytes: Buffer; binary: boolean }

export interface TestServer {
  url: string;
  wsUrl: string;
  /** Messages the WebSocket server received, in order. */
  received: Received[];
  /** Serve a page at a path. */
  page(path: string, html: string): void;
  /** Called when a client closes a socket, with its code and reason. */
  onClose?: (code: number, reason: string) => void;
  close(): Promise<void>;
}

/**
 * Endpoints: /echo echoes exactly; /close/CODE/REASON sends one text then closes with that code;
 * /push/N sends N text frames then a binary one; /stamp answers {"text", "ts"} (ts differs every time);
 * /rpc answers each JSON-RPC 2.0 request with its params as the result (notifications: nothing).
 */
export async function startTestServer(): Promise<TestServer> {
  const pages = new Map<string, string>();
  const received: Received[] = [];
  // Large headers allowed: a page may open a socket whose url is over 64 KB (suites/counters.ts).
  const http: Server = createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => {
    const html = pages.get((req.url ?? '/').split('?')[0]);
    if (html === undefined) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  const wss = new WebSocketServer({ server: http, handleProtocols: (protocols) => (protocols.has('echo.v1') ? 'echo.v1' : false) });
  wss.on('connection', (ws: WebSocket, req) => {
    const path = req.url ?? '/';
    ws.on('close', (code: number, reason: Buffer) => server.onClose?.(code, reason.toString()));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      received.push({ text: isBinary ? null : data.toString('utf8'), bytes: Buffer.from(data), binary: isBinary });
      if (path.startsWith('/echo')) ws.send(data, { binary: isBinary });
      if (path.startsWith('/stamp')) ws.send(JSON.stringify({ text: data.toString(), ts: Date.now() + Math.random() }));
      if (path.startsWith('/rpc')) {
        try {
          const call = JSON.parse(data.toString()) as { id?: unknown; params?: unknown };
          if (call.id !== undefined) ws.send(JSON.stringify({ jsonrpc: '2.0', id: call.id, result: call.params ?? null }));
        } catch { /* not JSON: no answer */ }
      }
    });
    const close = /^\/close\/(\d+)\/(.*)$/.exec(path);
    if (close) {
      ws.send('closing soon');
      setTimeout(() => ws.close(Number(close[1]), decodeURIComponent(close[2])), 50);
    }
    const push = /^\/push\/(\d+)$/.exec(path);
    if (push) {
      for (let i = 0; i < Number(push[1]); i++) ws.send(`push ${i}`);
      ws.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const server: TestServer = {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    received,
    page: (path, html) => pages.set(path, html),
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}
