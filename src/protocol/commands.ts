/**
 * Actions on a live socket, from the panel to the hook (panel → background → relay → hook).
 * Validated at each hop: the background checks the panel's tab, the relay the document,
 * and the hook the shape (it never evaluates anything: payloads are data).
 */
export type Payload = { kind: 'text'; text: string } | { kind: 'binary'; base64: string };

export type SocketCommand =
  /** Send to the server on the page's socket, as if the page called send(). */
  | { op: 'send'; payload: Payload }
  /** Dispatch a message event to the page as if the server had sent it. */
  | { op: 'simulate-message'; payload: Payload }
  /** Make the page see a close with this code and reason (the socket is really closed with 1000). */
  | { op: 'simulate-close'; code: number; reason: string }
  | { op: 'simulate-error' }
  /** Close the socket for real, as if the page called close(code, reason). */
  | { op: 'close'; code: number; reason: string }
  /** Forward (maybe with edited text) or drop a frame held by a breakpoint. */
  | { op: 'verdict'; pauseId: number; forward: boolean; text: string | null };

import type { InterceptConfig, Rule } from './rules';

/** Hook-level form: binary already decoded to an ArrayBuffer by the relay. */
export type HookPayload = string | ArrayBuffer;
export type HookCommand =
  | { op: 'send' | 'simulate-message'; id: number; data: HookPayload }
  | { op: 'simulate-close' | 'close'; id: number; code: number; reason: string }
  | { op: 'simulate-error'; id: number }
  | { op: 'verdict'; id: number; pauseId: number; forward: boolean; data: string | null }
  /** Document-wide (id 0): rules and breakpoint, or release everything held. */
  | { op: 'configure'; id: 0; rules: Rule[]; intercept: InterceptConfig | null }
  | { op: 'release-all'; id: 0 };

const MAX_PAYLOAD = 64 * 1024 * 1024;

function isPayload(p: unknown): p is Payload {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  if (o.kind === 'text') return typeof o.text === 'string' && o.text.length <= MAX_PAYLOAD;
  return o.kind === 'binary' && typeof o.base64 === 'string' && o.base64.length <= MAX_PAYLOAD && /^[A-Za-z0-9+/]*={0,2}$/.test(o.base64);
}

/** The command that re-sends a captured payload (text, or base64 for binary) as it was. */
export function resendCommand(frame: { opcode: 'text' | 'binary'; data: string }): SocketCommand {
  return { op: 'send', payload: frame.opcode === 'text' ? { kind: 'text', text: frame.data } : { kind: 'binary', base64: frame.data } };
}

/** Close codes a page may use (1000 or 3000–4999), as close() itself enforces. */
export function isSendableCloseCode(code: unknown): code is number {
  return Number.isInteger(code) && ((code as number) === 1000 || ((code as number) >= 3000 && (code as number) <= 4999));
}

/** Codes the page may be shown in a simulated close (any valid CloseEvent code). */
export function isSimulatedCloseCode(code: unknown): code is number {
  return Number.isInteger(code) && (code as number) >= 1000 && (code as number) <= 4999;
}

export function isSocketCommand(c: unknown): c is SocketCommand {
  if (typeof c !== 'object' || c === null) return false;
  const o = c as Record<string, unknown>;
  const reasonOk = typeof o.reason === 'string' && new TextEncoder().encode(o.reason).length <= 123;
  switch (o.op) {
    case 'send':
    case 'simulate-message': return isPayload(o.payload);
    case 'simulate-close': return isSimulatedCloseCode(o.code) && reasonOk;
    case 'close': return isSendableCloseCode(o.code) && reasonOk;
    case 'simulate-error': return true;
    case 'verdict': return Number.isInteger(o.pauseId) && typeof o.forward === 'boolean' && (o.text === null || (typeof o.text === 'string' && o.text.length <= MAX_PAYLOAD));
    default: return false;
  }
}

/** Validates rules and an intercept config coming from the panel (the hook trusts their shape). */
export function isTabConfig(rules: unknown, intercept: unknown): boolean {
  const isMatch = (m: any) => typeof m === 'object' && m !== null && typeof m.regex === 'boolean' && typeof m.source === 'string' && typeof m.flags === 'string' && !/[gy]/.test(m.flags);
  const isAction = (a: any) => typeof a === 'object' && a !== null && (
    (a.kind === 'replace' && typeof a.with === 'string') || a.kind === 'block'
    || ((a.kind === 'json-set' || a.kind === 'json-delete') && Array.isArray(a.keys) && a.keys.every((k: unknown) => typeof k === 'string') && (a.kind === 'json-delete' || typeof a.value === 'string')));
  const isRule = (r: any) => typeof r === 'object' && r !== null && typeof r.name === 'string' && typeof r.enabled === 'boolean'
    && ['sent', 'received', 'both'].includes(r.dir) && typeof r.urlContains === 'string' && isMatch(r.match) && isAction(r.action);
  const i = intercept as any;
  const interceptOk = intercept === null || (typeof i === 'object' && typeof i.sent === 'boolean' && typeof i.received === 'boolean'
    && typeof i.urlContains === 'string' && isMatch(i.match) && Number.isFinite(i.timeoutMs) && i.timeoutMs >= 1000);
  return Array.isArray(rules) && rules.length <= 200 && rules.every(isRule) && interceptOk;
}
