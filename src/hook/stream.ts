/**
 * Captures WebSocketStream (Chromium) like WebSocket: the constructor is replaced by a
 * look-alike (as in websocket.ts) that reports the connection and watches its `opened` and
 * `closed` promises. Frames are reported where the page itself moves them: each chunk its
 * reader (or async iterator) hands it, each chunk its writer accepts. Nothing is read or
 * queued by the hook, so backpressure, desiredSize and `ready` stay the browser's own.
 *
 * `ReadableStream.prototype.getReader`/`values` (= `[Symbol.asyncIterator]`) and
 * `WritableStream.prototype.getWriter` are replaced (disguised; they neither return promises
 * nor call page code, so a thrown error is all that could name this script, and it is
 * scrubbed). `read`/`next`/`write` are not: a replaced `ReadableStreamDefaultReader.prototype.read`
 * would sit on the stack of every read of every stream in the page, so the errors its promise
 * rejects with, and any stack the page's own pull/write callbacks capture, would name this
 * script. Instead only the readers, iterators and writers handed out for a WebSocketStream's
 * streams get a non-enumerable own `read`/`next`/`write`, printing as native code.
 * Reads and writes that bypass these (pipeTo, pipeThrough, tee, a reader constructed
 * directly) are not captured; the panel gets a notice when a stream is locked without one of ours.
 * Not (yet) wired for these connections: the panel's commands and the rules/breakpoints of
 * intercept.ts, which act on WebSocket objects only.
 */
import { disguise, replaceConstructor } from './mask';
import { after, natives, timestamp } from './natives';
import { captureBinary } from './payload';
import type { HookMessage } from '../protocol/hook';
import { report } from './reporter';
import { scrubStack } from './stack';

const R = natives.Reflect;
const { defineProperty: define, getOwnPropertyDescriptor: describe, weakSet } = natives;
const NAME = 'WebSocketStream';
type Fn = (...args: any[]) => any;
const then = natives.uncurry(Promise.prototype.then as (ok: Fn, fail: Fn) => unknown);

/** What `opened` resolves to (a plain object). */
interface Opened { readable: object; writable: object; protocol: string; extensions: string }
/**
 * One connection: r/w once a reader/writer of ours was handed out, n once an escape was noted.
 * Every field is set at creation: assigning a missing one would run a setter the page put on Object.prototype.
 */
interface Conn { id: number; o: Opened | 0; r: number; w: number; n: number }
const conns = new natives.WeakMap<object, Conn>();
// WebSocket ids (track.ts) count up from 1; these count down, so the two never meet.
let lastId = 0;

const connOf = (o: unknown) => (typeof o === 'object' && o !== null ? natives.weakGet(conns, o) as Conn | undefined : undefined);

function quietly(fn: () => void): void {
  try { fn(); } catch { /* the hook must never break the page */ }
}

/** Watches a promise the page also gets; our derived promise never rejects, the page's is left alone. */
function observe(p: unknown, ok: Fn, fail: Fn = () => {}): void {
  then(p, (v: unknown) => quietly(() => ok(v)), (e: unknown) => quietly(() => fail(e)));
}

const emit = (k: HookMessage['k'], id: number, rest?: object, bytes?: ArrayBuffer) =>
  report({ k, id, t: timestamp(), ...rest } as HookMessage, bytes);

/**
 * Reports a chunk as a text or binary frame, as the browser will send it: binary copied,
 * primitives converted (no side effects). Objects the browser would stringify itself (a Blob,
 * anything with a toString) are not reported: converting them here would run page code twice.
 */
function frame(k: 'send' | 'message', id: number, chunk: unknown, state = 1): void {
  let bytes: ArrayBuffer | undefined;
  if (typeof chunk === 'object' && chunk !== null) {
    if (!(bytes = captureBinary(chunk)?.bytes)) return;
  } else if (typeof chunk === 'symbol' || typeof chunk === 'function') return;
  emit(k, id, { data: bytes ?? `${chunk as string}`, state }, bytes);
}

export function patchWebSocketStream(win: Window & typeof globalThis): void {
  const w = win as any;
  const Native = w[NAME];
  if (typeof Native !== 'function') return;
  const proto = Native.prototype;
  const get = (p: object, k: string) => natives.getter<any>(p, k);
  const [url, opened, closed] = ['url', 'opened', 'closed'].map((k) => get(proto, k));
  const ErrProto = w.WebSocketError?.prototype;
  const [errCode, errReason] = ErrProto ? ['closeCode', 'reason'].map((k) => get(ErrProto, k)) : [];
  const RS = w.ReadableStream.prototype, WS = w.WritableStream.prototype;
  const readLocked = get(RS, 'locked'), writeLocked = get(WS, 'locked');
  const desiredSize = get(w.WritableStreamDefaultWriter.prototype, 'desiredSize');
  const iteratorProto = R.getPrototypeOf(R.apply(RS.values, new w.ReadableStream(), [])) as object;

  /**
   * A look-alike of `target[key]` that calls it, then `after` for our objects; errors keep their
   * native stack. `install`: put it in place of the original (a method that never calls page code
   * nor returns a promise), else it is given as an own property to our readers/writers/iterators.
   */
  const method = (target: object, key: string, after: (self: any, result: any, chunk: unknown) => void, install?: 1) => {
    const desc = describe(target, key)!;
    const native = desc.value as Fn;
    const fake = {
      m(this: unknown) {
        let result;
        try { result = R.apply(native, this, arguments); } catch (error) { throw scrubStack(error, fake); }
        if (connOf(this)) quietly(() => after(this, result, arguments[0]));
        return result;
      },
    }.m;
    disguise(fake, native);
    if (install) define(target, key, { ...desc, value: fake });
    return fake;
  };
  const adopt = (side: 'r' | 'w', key: string, value: unknown) => (from: object, to: object) => {
    const conn = connOf(from)!;
    conn[side] = 1;
    weakSet(conns, to, conn);
    define(to, key, { value, writable: true, enumerable: false, configurable: true });
  };

  // Reading: reader.read() and for-await / values(); each chunk is reported as the page gets it.
  // A read our call rejected at once (e.g. a released reader) has our line in its stack: scrubbed.
  const observeRead = (self: object, p: unknown) =>
    observe(p, (r: { done: boolean; value: unknown }) => r.done || frame('message', connOf(self)!.id, r.value), scrubStack);
  method(RS, 'getReader', adopt('r', 'read', method(w.ReadableStreamDefaultReader.prototype, 'read', observeRead)), 1);
  const iterate = describe(RS, Symbol.asyncIterator)!, same = iterate.value === RS.values;
  const values = method(RS, 'values', adopt('r', 'next', method(iteratorProto, 'next', observeRead)), 1);
  if (same) define(RS, Symbol.asyncIterator, { ...iterate, value: values }); // the same function, as natively
  // Writing: each chunk the page's writer takes is a sent frame (discarded when the stream is errored).
  const write = method(w.WritableStreamDefaultWriter.prototype, 'write', (self, _, chunk) => {
    let state = 3;
    try { if (desiredSize(self) !== null) state = 1; } catch { /* a released writer */ }
    frame('send', connOf(self)!.id, chunk, state);
  });
  method(WS, 'getWriter', adopt('w', 'write', write), 1);

  /** Streams the page locked without a reader/writer of ours (pipeTo, pipeThrough, tee, …): say so once. */
  const noteEscapes = (conn: Conn) => {
    const o = conn.o as Opened;
    if (!conn.n && ((!conn.r && readLocked(o.readable)) || (!conn.w && writeLocked(o.writable)))) {
      conn.n = 1;
      emit('notice', conn.id, { text: `${NAME} frames moved by pipeTo/pipeThrough/tee are not captured` });
    }
  };

  const watch = (stream: object) => {
    const conn: Conn = { id: --lastId, o: 0, r: 0, w: 0, n: 0 };
    const id = conn.id;
    emit('new', id, { url: url(stream), protocols: [], api: NAME });
    observe(opened(stream), (o: Opened) => {
      conn.o = o;
      weakSet(conns, o.readable, conn);
      weakSet(conns, o.writable, conn);
      emit('open', id, { protocol: o.protocol, extensions: o.extensions });
      after(1000, () => quietly(() => noteEscapes(conn)));
    });
    const ended = (code: number, reason: string, wasClean: boolean) => {
      if (conn.o) noteEscapes(conn);
      emit('close', id, { code, reason, wasClean });
    };
    observe(closed(stream), (c: { closeCode: number; reason: string }) => ended(c.closeCode, c.reason, true), (error: unknown) => {
      emit('error', id);
      let code = 1006, reason = '';
      try { code = errCode!(error) ?? code; reason = errReason!(error); } catch { /* not a WebSocketError */ }
      ended(code, reason, false);
    });
  };

  replaceConstructor(win, NAME, (args) => ({ args, constructed: watch }));
}
