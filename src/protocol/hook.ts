/**
 * Messages from the page-world hook to the relay, over the private MessagePort.
 * The page world is untrusted: the relay validates each one with `parseHookMessage`.
 */
export const HOOK_HANDSHAKE = '__wsinspect_hook_v1__';

/** What a rule or the panel did to a frame: blocked (not delivered), or rewritten from `original`. */
export interface Rewrite { blocked?: string; original?: string; rule?: string }

/** Raw payload as the page handed it over: text, bytes, or a Blob the relay reads. */
export type RawPayload = string | ArrayBuffer | Blob;

export type HookMessage =
  | { k: 'new'; id: number; t: number; url: string; protocols: string[]; api: 'WebSocket' | 'WebSocketStream'; /** set when `url` was cut: the page's full length */ urlLength?: number }
  | { k: 'open'; id: number; t: number; protocol: string; extensions: string }
  | ({ k: 'send'; id: number; t: number; data: RawPayload; state: number; via?: 'panel' } & Rewrite)
  | ({ k: 'message'; id: number; t: number; data: RawPayload; simulated?: true } & Rewrite)
  /** A frame held by a breakpoint, waiting for the panel's verdict. */
  | { k: 'paused'; id: number; t: number; pauseId: number; dir: 'sent' | 'received'; data: RawPayload }
  | { k: 'resolved'; id: number; t: number; pauseId: number; action: 'forward' | 'drop' | 'timeout' }
  | { k: 'error'; id: number; t: number; simulated?: true }
  | { k: 'close'; id: number; t: number; code: number; reason: string; wasClean: boolean; simulated?: true }
  /** A panel command could not be carried out (e.g. the socket is not open). */
  | { k: 'notice'; id: number; t: number; text: string };

const MAX_STRING = 1 << 29;
/** A socket URL longer than this is kept cut to this length, ending in '…', and marked (`urlLength`). */
export const MAX_URL = 1 << 16;
/** The Date range (ECMA-262 §21.4.1.22): a time outside it cannot be formatted. */
export const MAX_EPOCH_MS = 8.64e15;

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Pause ids: a counter in the hook, never negative or fractional. */
function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Socket ids: WebSockets count up from 1, WebSocketStreams down from -1 (src/hook/stream.ts); never 0 or fractional. */
function isSocketId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v !== 0;
}

/** Why a message from the page world was refused (counted per reason, shown in the panel). */
export type RejectReason = 'not an object' | 'bad id' | 'unknown kind' | 'bad field';

/**
 * The relay's own clock, to check the hook's times against: the document's timeOrigin and
 * now, both epoch ms. A time outside [timeOrigin - slack, now + slack] cannot be this
 * document's (a hook's time is timeOrigin + performance.now()).
 */
export interface HookClock { timeOrigin: number; now: number }
const CLOCK_SLACK_MS = 60_000;

export type HookVerdict =
  | { ok: true; message: HookMessage; /** `t` was out of range and replaced by the relay's now */ clamped: boolean }
  | { ok: false; reason: RejectReason };

function isShortString(v: unknown, max = 65536): v is string {
  return typeof v === 'string' && v.length <= max;
}

/** By internal class, not `instanceof`: in Firefox the page's objects come from another realm. */
function classOf(v: unknown): string {
  return Object.prototype.toString.call(v);
}

function isPayload(v: unknown): v is RawPayload {
  if (typeof v === 'string') return v.length <= MAX_STRING;
  const kind = classOf(v);
  return kind === '[object ArrayBuffer]' || kind === '[object Blob]' || kind === '[object File]';
}

const simulated = (o: Record<string, unknown>) => (o.simulated === true ? { simulated: true as const } : {});

function rewrite(o: Record<string, unknown>): Rewrite {
  const r: Rewrite = {};
  if (isShortString(o.blocked, 256)) r.blocked = o.blocked;
  if (typeof o.original === 'string' && o.original.length <= MAX_STRING) r.original = o.original;
  if (isShortString(o.rule, 256)) r.rule = o.rule;
  return r;
}

/** Returns a clean copy of a hook message, or null when it is not one (times unchecked: see validateHookMessage). */
export function parseHookMessage(m: unknown): HookMessage | null {
  const verdict = validateHookMessage(m);
  return verdict.ok ? verdict.message : null;
}

/**
 * Validates a message from the page world and returns a clean copy, or why it was refused.
 * With a `clock`, a time that is not finite or not near the document's lifetime is replaced
 * by `clock.now` (the event is kept, marked `clamped`); without one, only the Date range is
 * enforced the same way.
 */
export function validateHookMessage(m: unknown, clock?: HookClock): HookVerdict {
  if (typeof m !== 'object' || m === null) return { ok: false, reason: 'not an object' };
  const o = m as Record<string, unknown>;
  if (!isSocketId(o.id)) return { ok: false, reason: 'bad id' };
  if (typeof o.t !== 'number') return { ok: false, reason: 'bad field' };
  const { t, clamped } = checkTime(o.t, clock);
  const message = parseBody(o, o.id, t);
  if (typeof message === 'string') return { ok: false, reason: message };
  return { ok: true, message, clamped };
}

function checkTime(t: number, clock?: HookClock): { t: number; clamped: boolean } {
  const fallback = clock ? clock.now : 0;
  if (!Number.isFinite(t) || Math.abs(t) > MAX_EPOCH_MS) return { t: fallback, clamped: true };
  if (clock && (t < clock.timeOrigin - CLOCK_SLACK_MS || t > clock.now + CLOCK_SLACK_MS)) return { t: fallback, clamped: true };
  return { t, clamped: false };
}

function cutUrl(url: string): { url: string; urlLength?: number } {
  return url.length <= MAX_URL ? { url } : { url: `${url.slice(0, MAX_URL - 1)}…`, urlLength: url.length };
}

function parseBody(o: Record<string, unknown>, id: number, t: number): HookMessage | RejectReason {
  switch (o.k) {
    case 'new': {
      if (typeof o.url !== 'string' || o.url.length > MAX_STRING || !Array.isArray(o.protocols) || o.protocols.length > 256) return 'bad field';
      if (!o.protocols.every((p) => isShortString(p, 1024))) return 'bad field';
      const api = o.api === 'WebSocketStream' ? 'WebSocketStream' : 'WebSocket';
      return { k: 'new', id, t, ...cutUrl(o.url), protocols: [...(o.protocols as string[])], api };
    }
    case 'open':
      if (!isShortString(o.protocol) || !isShortString(o.extensions)) return 'bad field';
      return { k: 'open', id, t, protocol: o.protocol, extensions: o.extensions };
    case 'send':
      if (!isPayload(o.data) || !isFiniteNumber(o.state)) return 'bad field';
      return { k: 'send', id, t, data: o.data, state: o.state, ...(o.via === 'panel' ? { via: 'panel' as const } : {}), ...rewrite(o) };
    case 'message':
      if (!isPayload(o.data)) return 'bad field';
      return { k: 'message', id, t, data: o.data, ...simulated(o), ...rewrite(o) };
    case 'paused':
      if (!isId(o.pauseId) || (o.dir !== 'sent' && o.dir !== 'received') || !isPayload(o.data)) return 'bad field';
      return { k: 'paused', id, t, pauseId: o.pauseId, dir: o.dir, data: o.data };
    case 'resolved':
      if (!isId(o.pauseId) || (o.action !== 'forward' && o.action !== 'drop' && o.action !== 'timeout')) return 'bad field';
      return { k: 'resolved', id, t, pauseId: o.pauseId, action: o.action };
    case 'error':
      return { k: 'error', id, t, ...simulated(o) };
    case 'close':
      if (!isCloseCode(o.code) || !isShortString(o.reason, 1024) || typeof o.wasClean !== 'boolean') return 'bad field';
      return { k: 'close', id, t, code: o.code, reason: o.reason, wasClean: o.wasClean, ...simulated(o) };
    case 'notice':
      if (!isShortString(o.text, 1024)) return 'bad field';
      return { k: 'notice', id, t, text: o.text };
    default:
      return 'unknown kind';
  }
}

/** Close codes are 16-bit on the wire (RFC 6455 §7.4). */
function isCloseCode(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 65535;
}
