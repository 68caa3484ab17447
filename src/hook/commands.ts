/**
 * Carries out the panel's commands on the page's sockets: send, simulate an incoming
 * message / close / error, close. Commands arrive only over the private port, which the
 * page cannot reach; payloads are data and are never evaluated.
 */
import type { HookCommand } from '../protocol/commands';
import { natives, timestamp } from './natives';
import { configure, releaseAll, verdict } from './intercept';
import { report } from './reporter';

export interface SocketAccess {
  socket(id: number): WebSocket | undefined;
  nativeSend(ws: WebSocket, data: string | ArrayBuffer): void;
  nativeClose(ws: WebSocket, code: number, reason: string): void;
  readyState(ws: WebSocket): number;
  binaryType(ws: WebSocket): string;
  origin(ws: WebSocket): string;
  /** Reports a frame the panel sent (the page's send() wrapper is not involved). */
  reportPanelSend(id: number, data: string | ArrayBuffer): void;
  /** While an event is simulated, the socket's own listener marks what it reports as simulated. */
  flags: { simulating: number };
  /** Closes the page should see with another code than the real one. */
  setPendingClose(id: number, close: { code: number; reason: string }): void;
}

const dispatch = natives.uncurry(EventTarget.prototype.dispatchEvent as (e: Event) => boolean);
const R = natives.Reflect;

export function runCommand(c: HookCommand, access: SocketAccess): void {
  if (c.op === 'configure') return configure(c.rules, c.intercept);
  if (c.op === 'release-all') return releaseAll();
  if (c.op === 'verdict') return verdict(c.id, c.pauseId, c.forward, c.data);
  const ws = access.socket(c.id);
  const fail = (text: string) => report({ k: 'notice', id: c.id, t: timestamp(), text });
  if (!ws) return fail('this connection is gone');
  const state = access.readyState(ws);
  switch (c.op) {
    case 'send':
      if (state !== 1) return fail('cannot send: the socket is not open');
      access.nativeSend(ws, c.data);
      access.reportPanelSend(c.id, c.data);
      return;
    case 'simulate-message': {
      if (state !== 1) return fail('cannot simulate a message: the socket is not open');
      const data = typeof c.data === 'string' || access.binaryType(ws) !== 'blob' ? c.data : R.construct(natives.Blob, [[c.data]]);
      return simulate(access, c.id, () => dispatch(ws, R.construct(MessageEvent, ['message', { data, origin: access.origin(ws) }]) as Event));
    }
    case 'simulate-error':
      return simulate(access, c.id, () => dispatch(ws, R.construct(Event, ['error']) as Event));
    case 'simulate-close':
      if (state > 1) return fail('the socket is already closing or closed');
      // Close for real (the server sees 1000); the page sees the chosen code when the close event comes.
      access.setPendingClose(c.id, { code: c.code, reason: c.reason });
      access.nativeClose(ws, 1000, '');
      return;
    case 'close':
      if (state > 1) return fail('the socket is already closing or closed');
      access.nativeClose(ws, c.code, c.reason);
      return;
  }
}

export function simulate(access: Pick<SocketAccess, 'flags'>, id: number, run: () => void): void {
  access.flags.simulating = id;
  try { run(); } finally { access.flags.simulating = 0; }
}
