/**
 * Replaces the page's WebSocket constructor and `send` with look-alikes that report every
 * connection and sent frame (see track.ts for events). Errors keep their native type,
 * message and stack (scrubStack), and `toString` prints native code (mask.ts).
 */
import { replaceConstructor, replaceMethod, type Construction } from './mask';
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

  replaceConstructor(win, 'WebSocket', watchProtocols);

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
        if (state === 1 && tools.active()) {
          const payload = typeof value === 'string' ? value : captureBinary(value)?.bytes;
          if (payload !== undefined) return tools.outgoing(id, this, payload, state);
        }
        R.apply(send, this, [value]);
      } catch (error) {
        throw scrubStack(error, fake);
      }
      try { reportSend(id, value, readyState(this)); } catch { /* never break the page */ }
    },
  }).send);
}

/**
 * The protocols the page asks for, seen as the native constructor reads them: an array is passed
 * on as a Proxy whose only trap forwards each read to it (same keys, same order, same receiver,
 * each getter once) and keeps the strings read at its indices. Reading them ourselves would add
 * reads a page's Proxy or getters can count. Other iterables (a Set…) go to the native as they are.
 */
function watchProtocols(args: IArguments): Construction {
  const requested = args[1];
  const list = natives.list<string>();
  let passed: ArrayLike<unknown> = args;
  if (typeof requested === 'string') list[0] = requested;
  else if (typeof requested === 'object' && requested !== null && natives.isArray(requested)) {
    // The Proxy's own target is a blank stand-in: the engine's invariant checks run against it, not
    // against the page's object (whose own Proxy would see them as extra traps).
    const handler = natives.nullObject({
      get(_: object, key: PropertyKey) {
        const value = R.get(requested, key, requested);
        if (typeof key === 'string' && typeof value === 'string') {
          const index = +key;
          if (index >= 0 && index < 1024 && `${index}` === key) list[index] = value;
        }
        return value;
      },
    });
    const copy = natives.list<unknown>();
    for (let i = 0; i < args.length; i++) copy[i] = i === 1 ? new natives.Proxy(natives.nullObject({}), handler) : args[i];
    passed = copy;
  }
  return {
    args: passed,
    constructed: (ws) => {
      const protocols: string[] = [];
      for (let i = 0; i < list.length; i++) if (typeof list[i] === 'string') natives.defineProperty(protocols, i, { value: list[i], writable: true, enumerable: true, configurable: true });
      track(ws as WebSocket, protocols);
    },
  };
}
