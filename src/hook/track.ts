/**
 * Watches one socket from its construction: its listeners are added first, so they run
 * before any of the page's and never wrap them. Also keeps the live sockets by id, for the
 * tools (rules, breakpoints, the panel's commands: core.ts).
 */
import { createCommands } from './commands';
import type { Core, Sockets, Tools } from './core';
import { createIntercept } from './intercept';
import { after, natives, timestamp } from './natives';
import { captureBinary } from './payload';
import { onCommand, report } from './reporter';

const proto = WebSocket.prototype;
const get = {
  url: natives.getter<string>(proto, 'url'),
  readyState: natives.getter<number>(proto, 'readyState'),
  protocol: natives.getter<string>(proto, 'protocol'),
  extensions: natives.getter<string>(proto, 'extensions'),
  binaryType: natives.getter<string>(proto, 'binaryType'),
  data: natives.getter<unknown>(MessageEvent.prototype, 'data'),
  code: natives.getter<number>(CloseEvent.prototype, 'code'),
  reason: natives.getter<string>(CloseEvent.prototype, 'reason'),
  wasClean: natives.getter<boolean>(CloseEvent.prototype, 'wasClean'),
};
const nativeSend = natives.uncurry(proto.send as (data: unknown) => void);
const nativeClose = natives.uncurry(proto.close as (code?: number, reason?: string) => void);
const stopImmediate = natives.uncurry(Event.prototype.stopImmediatePropagation as () => void);
const { dispatch, indexOf, slice } = natives;
const R = natives.Reflect;


const ids = new natives.WeakMap<object, number>();
const live = new natives.Map<number, WebSocket>();
const pendingClose = new natives.Map<number, { code: number; reason: string }>();
const flags = { simulating: 0, releasing: 0 };
let nextId = 1;

export function idOf(ws: unknown): number | undefined {
  return typeof ws === 'object' && ws !== null ? (natives.weakGet(ids, ws) as number | undefined) : undefined;
}

/** Reports a frame sent on socket `id` (by the page's send() or by the panel). */
export function reportSend(id: number, value: unknown, state: number, via?: 'panel'): void {
  const binary = captureBinary(value);
  const t = timestamp();
  const extra = via ? { via } : {};
  if (binary) report({ k: 'send', id, t, data: binary.data, state, ...extra }, binary.bytes);
  else report({ k: 'send', id, t, data: value as string, state, ...extra });
}

export function track(ws: WebSocket, protocols: string[]): void {
  const id = nextId++;
  natives.weakSet(ids, ws, id);
  natives.mapSet(live, id, ws);
  report({ k: 'new', id, t: timestamp(), url: get.url(ws), protocols, api: 'WebSocket' });
  natives.addListener(ws, 'open', () => {
    report({ k: 'open', id, t: timestamp(), protocol: get.protocol(ws), extensions: get.extensions(ws) });
  });
  natives.addListener(ws, 'message', (event: MessageEvent) => {
    const t = timestamp();
    const data = get.data(event);
    if (flags.releasing === id) return; // a held or rewritten frame being delivered: already reported
    if (flags.simulating !== id && tools.active() && (typeof data === 'string' || captureBinary(data)?.bytes)) {
      const payload = typeof data === 'string' ? data : captureBinary(data)!.bytes!;
      if (tools.incoming(id, ws, payload)) { stopImmediate(event); return; }
    }
    const extra = flags.simulating === id ? { simulated: true as const } : {};
    const binary = captureBinary(data);
    if (binary) report({ k: 'message', id, t, data: binary.data, ...extra }, binary.bytes);
    else report({ k: 'message', id, t, data: `${data as string}`, ...extra });
  });
  natives.addListener(ws, 'error', () => report({ k: 'error', id, t: timestamp(), ...(flags.simulating === id ? { simulated: true as const } : {}) }));
  natives.addListener(ws, 'close', (event: CloseEvent) => {
    if (flags.simulating === id || flags.releasing === id) return; // our own close event, reported elsewhere
    const real = { code: get.code(event), reason: get.reason(event), wasClean: get.wasClean(event) };
    if (tools.holdClose(id, real)) { stopImmediate(event); return; } // delivered after the held frames
    natives.mapDelete(live, id);
    const fake = natives.mapGet(pendingClose, id) as { code: number; reason: string } | undefined;
    if (!fake) {
      report({ k: 'close', id, t: timestamp(), ...real });
      return;
    }
    // A simulated server close: the page sees the chosen code instead of the real one.
    natives.mapDelete(pendingClose, id);
    stopImmediate(event);
    report({ k: 'close', id, t: timestamp(), code: fake.code, reason: fake.reason, wasClean: true, simulated: true });
    const init = { code: fake.code, reason: fake.reason, wasClean: true };
    simulate(id, () => dispatch(ws, natives.event(natives.CloseEvent, 'close', init)));
  });
}

/** ws://host:port of a socket, as a MessageEvent's origin. */
function originOf(ws: WebSocket): string {
  const url = get.url(ws);
  const end = indexOf(url, '/', indexOf(url, '//') + 2);
  return end < 0 ? url : slice(url, 0, end);
}

/** Runs `run` with what the socket's listeners report marked as simulated. */
function simulate(id: number, run: () => void): void {
  flags.simulating = id;
  try { run(); } finally { flags.simulating = 0; }
}

/** Delivers a frame (or close) to the page's listeners after the tools held or rewrote it. */
function release(id: number, run: () => void): void {
  flags.releasing = id;
  try { run(); } finally { flags.releasing = 0; }
}

const sockets: Sockets = {
  socket: (id) => natives.mapGet(live, id) as WebSocket | undefined,
  url: get.url,
  readyState: get.readyState,
  binaryType: get.binaryType,
  origin: originOf,
  send: (ws, data) => nativeSend(ws, data),
  close: (ws, code, reason) => nativeClose(ws, code, reason),
  reportPanelSend: (id, data) => reportSend(id, data, 1, 'panel'),
  deliver: (ws, data) => {
    const id = idOf(ws)!;
    const payload = typeof data === 'string' || get.binaryType(ws) !== 'blob' ? data : R.construct(natives.Blob, [[data]]);
    release(id, () => dispatch(ws, natives.event(natives.MessageEvent, 'message', { data: payload, origin: originOf(ws) })));
  },
  deliverClose: (ws, init) => {
    const id = idOf(ws)!;
    natives.mapDelete(live, id);
    report({ k: 'close', id, t: timestamp(), code: init.code ?? 1005, reason: init.reason ?? '', wasClean: init.wasClean ?? false });
    release(id, () => dispatch(ws, natives.event(natives.CloseEvent, 'close', init)));
  },
  simulate,
  setPendingClose: (id, close) => natives.mapSet(pendingClose, id, close),
};

const core: Core = { natives, report, timestamp, after, sockets };
const intercept = createIntercept(core);
/** Rules, breakpoints and the panel's commands; inactive (no rule, no breakpoint) they cost one check per frame. */
export const tools: Tools = { ...intercept, run: createCommands(core, intercept) };
onCommand((command) => tools.run(command));
