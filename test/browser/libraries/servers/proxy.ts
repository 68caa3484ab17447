/**
 * A counting `ws` proxy, for a library whose server makes its own WebSocketServer (no way to
 * hand it the counting one): the page connects here, on `server.wss(options)`, and every
 * message is forwarded to ws://127.0.0.1:<upstreamPort> with the same path and the same
 * opcode (text stays text, binary stays binary). The counter then counts at the proxy, which
 * sees exactly the page's frames. A close on either side closes the other with its code.
 */
import type { ServerOptions } from 'ws';
import { WebSocket } from 'ws';
import type { LibraryServer } from './base';

/** Close codes a peer may send (1005/1006 are only reported, never sent). */
const sendable = (code: number) => (code === 1005 || code === 1006 ? 1000 : code);

export function proxyTo(server: LibraryServer, upstreamPort: number, options: ServerOptions = {}): void {
  const wss = server.wss(options);
  wss.on('connection', (page, req) => {
    // The page's subprotocols go upstream as asked; `ws` answered the page with the first one.
    const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    const upstream = new WebSocket(`ws://127.0.0.1:${upstreamPort}${req.url ?? '/'}`, protocols);
    // What the page sends before the upstream socket is open waits, in order.
    const early: Array<[Buffer, boolean]> = [];
    page.on('message', (data: Buffer, isBinary) => {
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary: isBinary });
      else early.push([data, isBinary]);
    });
    upstream.on('open', () => { for (const [data, isBinary] of early.splice(0)) upstream.send(data, { binary: isBinary }); });
    upstream.on('message', (data: Buffer, isBinary) => page.send(data, { binary: isBinary }));
    upstream.on('close', (code, reason) => page.close(sendable(code), reason));
    upstream.on('error', () => page.terminate());
    page.on('close', (code, reason) => {
      if (upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
      else upstream.close(sendable(code), reason);
    });
  });
}
