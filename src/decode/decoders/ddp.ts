/**
 * Meteor DDP (github.com/meteor/meteor packages/ddp/DDP.md): JSON objects with a `msg` field —
 * connect/connected/failed, ping/pong, sub/unsub/nosub/ready, added/changed/removed (and the
 * ordered addedBefore/movedBefore), method/result/updated, error. Meteor serves it at `/websocket`
 * and inside SockJS (`/sockjs/…/websocket`), where the SockJS decoder hands each message here.
 */
import type { Decoder, PairHint } from '../types';
import { frameJson, isRecord } from '../support/payload';
import { preview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';

const MESSAGES = new Set(['connect', 'connected', 'failed', 'ping', 'pong', 'sub', 'unsub', 'nosub', 'ready', 'added', 'changed', 'removed', 'addedBefore', 'movedBefore', 'method', 'result', 'updated', 'error']);
const URL_RULE = { url: /^\/websocket(\?|$)/ };
const MAX_SUBS = 1000;

type Message = Record<string, unknown>;

export const ddpDecoder: Decoder = {
  id: 'ddp',
  label: 'Meteor DDP',
  affinity: (connection) => affinityFrom(URL_RULE, connection),
  decode(input, context) {
    const json = frameJson(input);
    if (!json?.ok) return context.guessing ? null : fail('ddp', json ? json.error : 'not a JSON object');
    const m = json.value;
    if (!isRecord(m)) return context.guessing ? null : fail('ddp', 'a DDP message is a JSON object');
    // The server's first message, before `connected`: `{"server_id":"0"}`.
    if (m.msg === undefined && typeof m.server_id === 'string' && Object.keys(m).length === 1) return ok('ddp', `DDP server_id ${m.server_id}`, { server_id: m.server_id });
    if (typeof m.msg !== 'string' || !MESSAGES.has(m.msg)) {
      return context.guessing ? null : fail('ddp', typeof m.msg === 'string' ? `unknown DDP message ${JSON.stringify(m.msg)}` : 'no "msg" field');
    }
    if (context.guessing && !plausible(m)) return null;
    return withPairs(ok('ddp', `DDP ${summarize(m)}`, toTree(m)), pairsOf(m));
  },
};

/** Guessing: the fields the message needs are there with the right types. */
function plausible(m: Message): boolean {
  switch (m.msg) {
    case 'method': return typeof m.method === 'string' && typeof m.id === 'string';
    case 'result': case 'sub': case 'unsub': case 'nosub': return typeof m.id === 'string';
    case 'added': case 'changed': case 'removed': case 'addedBefore': case 'movedBefore': return typeof m.collection === 'string' && m.id !== undefined;
    case 'ready': case 'updated': return Array.isArray(m.subs ?? m.methods);
    case 'connect': return typeof m.version === 'string';
    case 'connected': return typeof m.session === 'string';
    case 'error': return typeof m.reason === 'string';
    default: return Object.keys(m).every((k) => k === 'msg' || k === 'id' || k === 'version');
  }
}

function summarize(m: Message): string {
  const id = typeof m.id === 'string' || typeof m.id === 'number' ? String(m.id) : '';
  const args = (v: unknown, max = 120) => (v === undefined ? '' : preview(toTree(v), max));
  const parts: string[] = [m.msg as string];
  switch (m.msg) {
    case 'connect': parts.push(`version ${String(m.version)}`, m.support ? `support ${args(m.support, 40)}` : ''); break;
    case 'connected': parts.push(`session ${String(m.session)}`); break;
    case 'failed': parts.push(`version ${String(m.version)} wanted`); break;
    case 'ping': case 'pong': parts.push(id); break;
    case 'sub': parts.push(String(m.name), `#${id}`, args(m.params)); break;
    case 'unsub': parts.push(`#${id}`); break;
    case 'nosub': parts.push(`#${id}`, m.error ? errorText(m.error) : ''); break;
    case 'ready': parts.push(args(m.subs, 80)); break;
    case 'updated': parts.push(args(m.methods, 80)); break;
    case 'method': parts.push(String(m.method), `#${id}`, args(m.params)); break;
    case 'result': parts.push(`#${id}`, m.error !== undefined ? errorText(m.error) : args(m.result)); break;
    case 'error': parts.push(String(m.reason), m.offendingMessage ? `in ${args(m.offendingMessage, 80)}` : ''); break;
    default: // added, changed, removed, addedBefore, movedBefore
      parts.push(String(m.collection), id, args(m.fields), Array.isArray(m.cleared) ? `cleared ${args(m.cleared, 40)}` : '', m.before !== undefined ? `before ${String(m.before)}` : '');
  }
  return parts.filter(Boolean).join(' ');
}

/** Meteor.Error as sent: `{ error, reason, message, errorType: 'Meteor.Error' }`. */
function errorText(error: unknown): string {
  if (!isRecord(error)) return `error ${preview(toTree(error), 80)}`;
  const code = error.error !== undefined ? String(error.error) : '';
  const reason = typeof error.reason === 'string' ? error.reason : typeof error.message === 'string' ? error.message : '';
  return `error ${[code, reason].filter(Boolean).join(': ')}`.trim();
}

/** method → result by id, sub → ready (one hint per sub) or nosub, ping → pong by id, connect → connected/failed. */
function pairsOf(m: Message): (PairHint | null)[] {
  const family = 'ddp';
  const id = typeof m.id === 'string' ? m.id : null;
  switch (m.msg) {
    case 'method': return id ? [{ family, key: `method ${id}`, role: 'request', method: String(m.method) }] : [];
    case 'result': return id ? [{ family, key: `method ${id}`, role: 'response', ...(m.error !== undefined && { error: true }) }] : [];
    case 'sub': return id ? [{ family, key: `sub ${id}`, role: 'request', method: `sub ${String(m.name)}` }] : [];
    case 'ready': return Array.isArray(m.subs) ? m.subs.slice(0, MAX_SUBS).map((s) => ({ family, key: `sub ${String(s)}`, role: 'response' as const })) : [];
    case 'nosub': return id ? [{ family, key: `sub ${id}`, role: 'response', ...(m.error !== undefined && { error: true }) }] : [];
    case 'ping': return [{ family, key: `ping ${id ?? ''}`, role: 'request', method: 'ping' }];
    case 'pong': return [{ family, key: `ping ${id ?? ''}`, role: 'response' }];
    case 'connect': return [{ family, key: 'connect', role: 'request', method: 'connect' }];
    case 'connected': return [{ family, key: 'connect', role: 'response' }];
    case 'failed': return [{ family, key: 'connect', role: 'response', error: true }];
    default: return [];
  }
}
