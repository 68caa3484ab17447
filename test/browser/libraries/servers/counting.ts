/**
 * The server's own count of WebSocket messages, taken at the `ws` level, below every library:
 * this is the ground truth the panel's numbers are compared with.
 *
 * - received: `ws` 'message' events (one per complete message, as the page's `onmessage` sees them),
 *   listened to before any library attaches its own listener;
 * - sent: every text or binary frame the server writes, counted where `ws` writes frames
 *   (`_sender.sendFrame`), so that frames engine.io pre-encodes for broadcasts, which bypass
 *   `WebSocket#send`, are counted too. Control frames (ping, pong, close) are not messages and
 *   the page never sees them, so they are left out.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ConnectionCount { path: string; sent: number; received: number; closed: boolean }

export class FrameCounter {
  readonly connections: ConnectionCount[] = [];
  get sent(): number { return this.connections.reduce((n, c) => n + c.sent, 0); }
  get received(): number { return this.connections.reduce((n, c) => n + c.received, 0); }
  get total(): number { return this.sent + this.received; }
  get allClosed(): boolean { return this.connections.every((c) => c.closed); }

  /** Starts counting a freshly upgraded socket, before anyone else listens to it. */
  watch(ws: WebSocket, path: string): void {
    const count: ConnectionCount = { path, sent: 0, received: 0, closed: false };
    this.connections.push(count);
    ws.on('message', () => { count.received++; });
    ws.on('close', () => { count.closed = true; });
    const sender = (ws as unknown as { _sender: { sendFrame(list: Buffer[], cb?: unknown): void } })._sender;
    const sendFrame = sender.sendFrame;
    sender.sendFrame = function (list, cb) {
      const opcode = list[0][0] & 0x0f;
      if (opcode === 1 || opcode === 2) count.sent++;
      return sendFrame.call(this, list, cb);
    };
  }

  /** "↑sent ↓received" per connection as the page sees it (page sent = server received), sorted. */
  pageView(): string[] {
    return this.connections.map((c) => `↑${c.received} ↓${c.sent}`).sort();
  }
}

/**
 * A `ws` server whose every connection is counted by `counter`. A class, because engine.io
 * takes the server class itself (`wsEngine`) and constructs it.
 */
export function countingServerClass(counter: FrameCounter): typeof WebSocketServer {
  class CountingWebSocketServer extends WebSocketServer {
    override handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, done: (ws: WebSocket, req: IncomingMessage) => void): void {
      super.handleUpgrade(req, socket, head, (ws, request) => {
        counter.watch(ws, req.url ?? '/');
        done(ws, request);
      });
    }
  }
  // ws types its server class as generic over the socket class; ours counts the default one.
  return CountingWebSocketServer as typeof WebSocketServer;
}
