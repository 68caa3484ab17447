/**
 * One HTTP server per library run on 127.0.0.1: serves the page and hosts the library's real
 * server, whose WebSocket connections are all counted (see counting.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerOptions, WebSocketServer } from 'ws';
import { countingServerClass, FrameCounter } from './counting';

export interface LibraryServer {
  http: Server;
  url: string;
  wsUrl: string;
  counter: FrameCounter;
  /** The counting `ws` server class, for libraries that construct their own (engine.io's `wsEngine`). */
  CountingServer: typeof WebSocketServer;
  /** A counting `ws` server on this HTTP server. */
  wss(options?: ServerOptions): WebSocketServer;
  page(path: string, html: string): void;
  /** Runs at close, before the HTTP server stops. */
  onClose(fn: () => unknown): void;
  close(): Promise<void>;
}

export async function startLibraryServer(): Promise<LibraryServer> {
  const pages = new Map<string, string>();
  const closers: Array<() => unknown> = [];
  const counter = new FrameCounter();
  const CountingServer = countingServerClass(counter);
  // socket.io answers its own /socket.io/ requests before this handler sees them.
  const http = createServer((req, res) => {
    const html = pages.get((req.url ?? '/').split('?')[0]);
    if (html !== undefined) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (!res.headersSent && !req.url?.startsWith('/socket.io/')) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    http,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    counter,
    CountingServer,
    wss(options = {}) {
      const wss = new CountingServer({ ...options, server: http });
      closers.push(() => {
        for (const client of wss.clients) client.terminate();
        return new Promise<void>((resolve) => wss.close(() => resolve()));
      });
      return wss;
    },
    page: (path, html) => pages.set(path, html),
    onClose: (fn) => closers.push(fn),
    async close() {
      for (const fn of closers.reverse()) await fn();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
