/**
 * Carries out the panel's commands on the page's sockets: send, simulate an incoming
 * message / close / error, close, and the rules/breakpoint settings. Part of the tools
 * (core.ts). Commands arrive only over the private port, which the page cannot reach;
 * payloads are data and are never evaluated. Only properties the relay set are read, and
 * only with natives captured at document_start: the page sees nothing of a command.
 */
import type { HookCommand } from '../protocol/commands';
import type { Core } from './core';
import type { Intercept } from './intercept';
import { isArrayBuffer } from './payload';

export function createCommands(core: Core, intercept: Intercept): (command: unknown) => void {
  const { natives, sockets, report, timestamp } = core;
  const R = natives.Reflect;

  function isHookCommand(c: unknown): c is HookCommand {
    if (typeof c !== 'object' || c === null) return false;
    const o = c as Record<string, unknown>;
    if (typeof o.id !== 'number') return false;
    if (o.op === 'send' || o.op === 'simulate-message') return typeof o.data === 'string' || isArrayBuffer(o.data);
    if (o.op === 'close' || o.op === 'simulate-close') return typeof o.code === 'number' && typeof o.reason === 'string';
    if (o.op === 'verdict') return typeof o.pauseId === 'number' && typeof o.forward === 'boolean' && (o.data === null || typeof o.data === 'string');
    // configure: the relay validated the rules (isTabConfig); here only the envelope.
    if (o.op === 'configure') return natives.isArray(o.rules);
    return o.op === 'simulate-error' || o.op === 'release-all';
  }

  function run(c: HookCommand): void {
    if (c.op === 'configure') return intercept.configure(c.rules, c.intercept);
    if (c.op === 'release-all') return intercept.releaseAll();
    if (c.op === 'verdict') return intercept.verdict(c.id, c.pauseId, c.forward, c.data);
    const ws = sockets.socket(c.id);
    const fail = (text: string) => report({ k: 'notice', id: c.id, t: timestamp(), text });
    if (!ws) return fail('this connection is gone');
    const state = sockets.readyState(ws);
    switch (c.op) {
      case 'send':
        if (state !== 1) return fail('cannot send: the socket is not open');
        sockets.send(ws, c.data);
        sockets.reportPanelSend(c.id, c.data);
        return;
      case 'simulate-message': {
        if (state !== 1) return fail('cannot simulate a message: the socket is not open');
        const data = typeof c.data === 'string' || sockets.binaryType(ws) !== 'blob' ? c.data : R.construct(natives.Blob, [[c.data]]);
        return sockets.simulate(c.id, () => natives.dispatch(ws, natives.event(natives.MessageEvent, 'message', { data, origin: sockets.origin(ws) })));
      }
      case 'simulate-error':
        return sockets.simulate(c.id, () => natives.dispatch(ws, natives.event(natives.Event, 'error')));
      case 'simulate-close':
        if (state > 1) return fail('the socket is already closing or closed');
        // Close for real (the server sees 1000); the page sees the chosen code when the close event comes.
        sockets.setPendingClose(c.id, { code: c.code, reason: c.reason });
        sockets.close(ws, 1000, '');
        return;
      case 'close':
        if (state > 1) return fail('the socket is already closing or closed');
        sockets.close(ws, c.code, c.reason);
        return;
    }
  }

  return (command) => {
    if (isHookCommand(command)) run(command);
  };
}
