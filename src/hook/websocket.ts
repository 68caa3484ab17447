/**
 * Replaces the page's WebSocket constructor and `send` with look-alikes that report every
 * connection and sent frame (see track.ts for events). Errors keep their native type,
 * message and stack (scrubStack), and `toString` prints native code (mask.ts).
 */
import { replaceConstructor, replaceMethod } from './mask';
import { natives } from './natives';
import { captureBinary, normalizeSendArgument } from './payload';
import { scrubStack } from './stack';
import { idOf, reportSend, tools, track } from './track';

const R = natives.Reflect;

export function patchWebSocket(win: Window & typeof globalThis): void {
  const Native = win.WebSocket;
  if (typeof Native !== 'function') return;
  const proto = Native.prototype;
  const readyState = natives.getter<number>(proto, 'readyState');

  replaceConstructor(win, 'WebSocket', (ws, args) => track(ws as WebSocket, requestedProtocols(args[1])));

  let fake: Function; // the replacement send: its frame is where the page's stack resumes (scrubStack)
  replaceMethod(proto, 'send', (send) => fake = ({
    send(this: WebSocket, data: unknown) {
      const id = idOf(this);
      let value: unknown;
      try {
        if (id === undefined || arguments.length === 0) return R.apply(send, this, arguments);
        value = normalizeSendArgument(data);
        const state = readyState(this);
        // Rules and breakpoints (when any are set) decide, reporting what they do; CONNECTING throws natively.
        if (state === 1 && tools?.active() && (typeof value === 'string' || (value = captureBinary(value)?.bytes ?? value) instanceof natives.ArrayBuffer)) {
          return tools.outgoing(id, this, value as string | ArrayBuffer, state);
        }
        R.apply(send, this, [value]);
      } catch (error) {
        throw scrubStack(error, fake);
      }
      try { reportSend(id, value, readyState(this)); } catch { /* never break the page */ }
    },
  }).send);

}

/** The protocols the page asked for, read without iterating anything of the page's. */
function requestedProtocols(protocols: unknown): string[] {
  if (typeof protocols === 'string') return [protocols];
  const list: string[] = [];
  if (!Array.isArray(protocols)) return list;
  for (let i = 0; i < protocols.length; i++) {
    const p: unknown = protocols[i];
    if (typeof p === 'string') natives.defineProperty(list, i, { value: p, writable: true, enumerable: true, configurable: true });
  }
  return list;
}
