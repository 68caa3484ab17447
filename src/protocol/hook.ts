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
  | { k: 'new'; id: number; t: number; url: string; protocols: string[]; api: 'WebSocket' | 'WebSocketStream' }
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

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

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

/** Returns a clean copy of a hook message, or null when it is not one. */
export function parseHookMessage(m: unknown): HookMessage | null {
  if (typeof m !== 'object' || m === null) return null;
  const o = m as Record<string, unknown>;
  if (!isFiniteNumber(o.id) || !isFiniteNumber(o.t)) return null;
  const id = o.id, t = o.t;
  switch (o.k) {
    case 'new': {
      if (!isShortString(o.url, 1 << 16) || !Array.isArray(o.protocols) || o.protocols.length > 256) return null;
      if (!o.protocols.every((p) => isShortString(p, 1024))) return null;
      const api = o.api === 'WebSocketStream' ? 'WebSocketStream' : 'WebSocket';
      return { k: 'new', id, t, url: o.url, protocols: [...(o.protocols as string[])], api };
    }
    case 'open':
      if (!isShortString(o.protocol) || !isShortString(o.extensions)) return null;
      return { k: 'open', id, t, protocol: o.protocol, extensions: o.extensions };
    case 'send':
      if (!isPayload(o.data) || !isFiniteNumber(o.state)) return null;
      return { k: 'send', id, t, data: o.data, state: o.state, ...(o.via === 'panel' ? { via: 'panel' as const } : {}), ...rewrite(o) };
    case 'message':
      if (!isPayload(o.data)) return null;
      return { k: 'message', id, t, data: o.data, ...simulated(o), ...rewrite(o) };
    case 'paused':
      if (!isFiniteNumber(o.pauseId) || (o.dir !== 'sent' && o.dir !== 'received') || !isPayload(o.data)) return null;
      return { k: 'paused', id, t, pauseId: o.pauseId, dir: o.dir, data: o.data };
    case 'resolved':
      if (!isFiniteNumber(o.pauseId) || (o.action !== 'forward' && o.action !== 'drop' && o.action !== 'timeout')) return null;
      return { k: 'resolved', id, t, pauseId: o.pauseId, action: o.action };
    case 'error':
      return { k: 'error', id, t, ...simulated(o) };
    case 'close':
      if (!isFiniteNumber(o.code) || !isShortString(o.reason, 1024) || typeof o.wasClean !== 'boolean') return null;
      return { k: 'close', id, t, code: o.code, reason: o.reason, wasClean: o.wasClean, ...simulated(o) };
    case 'notice':
      if (!isShortString(o.text, 1024)) return null;
      return { k: 'notice', id, t, text: o.text };
    default:
      return null;
  }
}
