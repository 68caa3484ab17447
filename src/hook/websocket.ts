/**
 * Replaces the page's WebSocket constructor and `send` with look-alikes that report every
 * connection, event and sent frame. Listeners are added at construction, so they run
 * before any listener of the page and never wrap the page's own handlers.
 */
import { disguise, replaceMethod } from './mask';
import { natives, timestamp } from './natives';
import { captureBinary, normalizeSendArgument } from './payload';
import { report } from './reporter';
import { scrubStack } from './stack';

const R = natives.Reflect;

export function patchWebSocket(win: Window & typeof globalThis): void {
  const Native = win.WebSocket;
  if (typeof Native !== 'function') return;
  const proto = Native.prototype;
  const get = {
    url: natives.getter<string>(proto, 'url'),
    readyState: natives.getter<number>(proto, 'readyState'),
    protocol: natives.getter<string>(proto, 'protocol'),
    extensions: natives.getter<string>(proto, 'extensions'),
    data: natives.getter<unknown>(MessageEvent.prototype, 'data'),
    code: natives.getter<number>(CloseEvent.prototype, 'code'),
    reason: natives.getter<string>(CloseEvent.prototype, 'reason'),
    wasClean: natives.getter<boolean>(CloseEvent.prototype, 'wasClean'),
  };
  const ids = new natives.WeakMap<object, number>();
  const idOf = (ws: unknown) => (typeof ws === 'object' && ws !== null ? natives.weakGet(ids, ws) as number | undefined : undefined);
  let nextId = 1;

  function track(ws: WebSocket, protocols: unknown): void {
    const id = nextId++;
    natives.weakSet(ids, ws, id);
    report({ k: 'new', id, t: timestamp(), url: get.url(ws), protocols: requestedProtocols(protocols), api: 'WebSocket' });
    natives.addListener(ws, 'open', () => {
      report({ k: 'open', id, t: timestamp(), protocol: get.protocol(ws), extensions: get.extensions(ws) });
    });
    natives.addListener(ws, 'message', (event: MessageEvent) => {
      const t = timestamp();
      const data = get.data(event);
      const binary = captureBinary(data);
      if (binary) report({ k: 'message', id, t, data: binary.data }, binary.bytes);
      else report({ k: 'message', id, t, data: `${data as string}` });
    });
    natives.addListener(ws, 'error', () => report({ k: 'error', id, t: timestamp() }));
    natives.addListener(ws, 'close', (event: CloseEvent) => {
      report({ k: 'close', id, t: timestamp(), code: get.code(event), reason: get.reason(event), wasClean: get.wasClean(event) });
    });
  }

  const Wrapper = function WebSocket(this: unknown) {
    let ws: WebSocket;
    try {
      // Called without `new`: the native constructor throws its own error.
      if (new.target === undefined) return R.apply(Native, this, arguments);
      ws = R.construct(Native, arguments, new.target) as WebSocket;
    } catch (error) {
      throw scrubStack(error);
    }
    try { track(ws, arguments[1]); } catch { /* never break the page */ }
    return ws;
  } as unknown as typeof WebSocket;

  disguise(Wrapper, Native);
  natives.defineProperty(Wrapper, 'prototype', natives.getOwnPropertyDescriptor(Native, 'prototype')!);
  for (const key of R.ownKeys(Native)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    natives.defineProperty(Wrapper, key, natives.getOwnPropertyDescriptor(Native, key)!);
  }
  natives.setPrototypeOf(Wrapper, R.getPrototypeOf(Native));
  natives.defineProperty(proto, 'constructor', { ...natives.getOwnPropertyDescriptor(proto, 'constructor')!, value: Wrapper });

  replaceMethod(proto, 'send', (send) => ({
    send(this: WebSocket, data: unknown) {
      const id = idOf(this);
      let value: unknown;
      try {
        if (id === undefined || arguments.length === 0) return R.apply(send, this, arguments);
        value = normalizeSendArgument(data);
        R.apply(send, this, [value]);
      } catch (error) {
        throw scrubStack(error);
      }
      try { reportSend(id, value, get.readyState(this)); } catch { /* never break the page */ }
    },
  }).send);

  const globalDesc = natives.getOwnPropertyDescriptor(win, 'WebSocket');
  if (globalDesc) natives.defineProperty(win, 'WebSocket', { ...globalDesc, value: Wrapper });
}

function reportSend(id: number, value: unknown, state: number): void {
  const binary = captureBinary(value);
  const t = timestamp();
  if (binary) report({ k: 'send', id, t, data: binary.data, state }, binary.bytes);
  else report({ k: 'send', id, t, data: value as string, state });
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
