/**
 * The NATS client protocol (docs.nats.io, "Client Protocol"): text operations ended by CRLF —
 * INFO, CONNECT, PUB, HPUB, SUB, UNSUB, MSG, HMSG, PING, PONG, +OK, -ERR — with byte-counted
 * payloads after PUB/HPUB/MSG/HMSG. nats.ws sends them in binary frames, several to a frame, and
 * a long one may continue in the next frame (said so, not joined: frames are decoded one at a time).
 */
import type { DecodeResult, Decoder, PairHint } from '../types';
import { ReadError } from '../support/byte-reader';
import { parseJson } from '../support/payload';
import { byteCount, preview, textPreview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { bytesLeaf, toTree } from '../support/tree';
import { decodeUtf8, looksLikeText } from '../support/utf8';

const OPS = new Set(['INFO', 'CONNECT', 'PUB', 'HPUB', 'SUB', 'UNSUB', 'MSG', 'HMSG', 'PING', 'PONG', '+OK', '-ERR']);
/** Arguments per op, as the spec names them; `?` marks the optional reply-to / queue group. */
const MAX_OPS = 1000;
const MAX_LINE = 4096;

interface Op { op: string; args: string[]; json?: unknown; headers?: string; payload?: Uint8Array; partial?: string }

export const natsDecoder: Decoder = {
  id: 'nats',
  label: 'NATS',
  affinity: (connection) => affinityFrom({ protocols: ['nats'], url: /\/nats\b/i }, connection),
  decode(input, context) {
    if (context.guessing && !startsWithOp(input.bytes)) return null;
    let ops: Op[];
    try {
      ops = parseOps(input.bytes);
    } catch (e) {
      if (context.guessing || !(e instanceof ReadError)) return context.guessing ? null : fail('nats', String(e));
      return fail('nats', e.message);
    }
    if (ops.length === 0) return context.guessing ? null : fail('nats', 'empty frame');
    if (context.guessing && ops.some((o) => o.partial && !o.payload)) return null; // a cut control line: too little to tell
    return describe(ops, context.decodeInner);
  },
};

function startsWithOp(bytes: Uint8Array): boolean {
  let end = 0;
  while (end < bytes.length && end < 8 && bytes[end] !== 0x20 && bytes[end] !== 0x09 && bytes[end] !== 0x0d) end++;
  return OPS.has(String.fromCharCode(...bytes.subarray(0, end)).toUpperCase()) && (bytes[end] === 0x20 || bytes[end] === 0x09 || bytes[end] === 0x0d);
}

function parseOps(bytes: Uint8Array): Op[] {
  const ops: Op[] = [];
  let pos = 0;
  while (pos < bytes.length && ops.length < MAX_OPS) {
    const eol = indexOfCrlf(bytes, pos);
    if (eol < 0) {
      if (bytes.length - pos > MAX_LINE) throw new ReadError('control line longer than 4096 bytes without CRLF', pos);
      ops.push({ op: lineOp(bytes, pos, bytes.length), args: [], partial: 'the control line continues in the next frame' });
      break;
    }
    const lineAt = pos;
    const line = asciiLine(bytes, pos, eol);
    const [word = '', ...args] = line.split(/[ \t]+/).filter(Boolean);
    const op = word.toUpperCase();
    if (!OPS.has(op)) throw new ReadError(`unknown NATS operation ${JSON.stringify(word.slice(0, 20))}`, lineAt);
    pos = eol + 2;
    const entry: Op = { op, args };
    if (op === 'INFO' || op === 'CONNECT') {
      const json = line.slice(line.indexOf(word) + word.length).trim();
      const parsed = parseJson(json);
      if (!parsed.ok) throw new ReadError(`${op} options are not JSON: ${parsed.error}`, lineAt);
      entry.json = parsed.value;
      entry.args = [];
    } else if (op === 'PUB' || op === 'MSG' || op === 'HPUB' || op === 'HMSG') {
      pos = readPayload(bytes, pos, entry, lineAt);
    }
    ops.push(entry);
    if (entry.partial) break;
  }
  return ops;
}

/** Reads the counted payload (and headers) after PUB/MSG/HPUB/HMSG; returns the position after its CRLF. */
function readPayload(bytes: Uint8Array, pos: number, entry: Op, lineAt: number): number {
  const headered = entry.op.startsWith('H');
  const counts = entry.args.slice(headered ? -2 : -1);
  if (!counts.every((c) => /^\d{1,10}$/.test(c))) throw new ReadError(`${entry.op} must end with its byte count${headered ? 's' : ''}`, lineAt);
  const min = (entry.op.endsWith('MSG') ? 3 : 2) + (headered ? 1 : 0);
  if (entry.args.length < min || entry.args.length > min + 1) throw new ReadError(`${entry.op} takes ${min} or ${min + 1} arguments, not ${entry.args.length}`, lineAt);
  const total = Number(counts[counts.length - 1]);
  const headerBytes = headered ? Number(counts[0]) : 0;
  if (headerBytes > total) throw new ReadError(`header size ${headerBytes} is larger than the total ${total}`, lineAt);
  if (pos + total + 2 > bytes.length) {
    entry.partial = `${byteCount(total)} payload; ${byteCount(Math.max(0, bytes.length - pos))} in this frame, the rest in the next`;
    entry.payload = bytes.subarray(pos, Math.min(bytes.length, pos + total));
    return bytes.length;
  }
  if (bytes[pos + total] !== 0x0d || bytes[pos + total + 1] !== 0x0a) throw new ReadError(`expected CRLF after the ${total}-byte payload`, pos + total);
  if (headered) entry.headers = asciiLine(bytes, pos, pos + headerBytes);
  entry.payload = bytes.subarray(pos + headerBytes, pos + total);
  return pos + total + 2;
}

function indexOfCrlf(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length && i - from <= MAX_LINE; i++) if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) return i;
  return -1;
}

function asciiLine(bytes: Uint8Array, start: number, end: number): string {
  const text = decodeUtf8(bytes.subarray(start, end));
  if (!text.ok) throw new ReadError('invalid UTF-8 in a control line', start + text.offset);
  return text.text;
}

function lineOp(bytes: Uint8Array, start: number, end: number): string {
  const text = decodeUtf8(bytes.subarray(start, Math.min(end, start + 10)));
  return (text.ok ? text.text : '').split(/[ \t\r]/)[0].toUpperCase() || '?';
}

function describe(ops: Op[], decodeInner: (payload: Uint8Array) => DecodeResult): DecodeResult {
  const trees = ops.map(opTree);
  const more = ops.length > 1 ? ` (+${ops.length - 1} more)` : '';
  const first = ops[0];
  const inner = ops.length === 1 && first.payload?.length && !first.partial ? decodeInner(first.payload) : null;
  return withPairs(ok('nats', `NATS ${opSummary(first)}${more}`, trees.length === 1 ? trees[0] : trees, inner), ops.map(pairOf));
}

function named(o: Op): Record<string, string | undefined> {
  const a = o.args;
  switch (o.op) {
    case 'PUB': return a.length === 3 ? { subject: a[0], replyTo: a[1] } : { subject: a[0] };
    case 'HPUB': return a.length === 4 ? { subject: a[0], replyTo: a[1] } : { subject: a[0] };
    case 'MSG': return a.length === 4 ? { subject: a[0], sid: a[1], replyTo: a[2] } : { subject: a[0], sid: a[1] };
    case 'HMSG': return a.length === 5 ? { subject: a[0], sid: a[1], replyTo: a[2] } : { subject: a[0], sid: a[1] };
    case 'SUB': return a.length === 3 ? { subject: a[0], queue: a[1], sid: a[2] } : { subject: a[0], sid: a[1] };
    case 'UNSUB': return { sid: a[0], max: a[1] };
    case '-ERR': return { error: a.join(' ').replace(/^'|'$/g, '') };
    default: return {};
  }
}

function opTree(o: Op): Record<string, unknown> {
  const tree: Record<string, unknown> = { op: o.op };
  for (const [k, v] of Object.entries(named(o))) if (v !== undefined) tree[k] = v;
  if (o.json !== undefined) tree.options = toTree(o.json);
  if (o.headers !== undefined) tree.headers = o.headers.split('\r\n').filter(Boolean);
  if (o.payload) tree.payload = payloadLeaf(o.payload);
  if (o.partial) tree.partial = o.partial;
  return tree;
}

function payloadLeaf(payload: Uint8Array): string {
  const text = decodeUtf8(payload);
  return text.ok && looksLikeText(text.text) ? text.text : bytesLeaf(payload);
}

function opSummary(o: Op): string {
  const n = named(o);
  const parts = [o.op];
  if (o.json !== undefined) parts.push(preview(toTree(o.json), 150));
  if (n.subject) parts.push(n.subject);
  if (n.queue) parts.push(`queue ${n.queue}`);
  if (n.sid) parts.push(`sid ${n.sid}`);
  if (n.max) parts.push(`max ${n.max}`);
  if (n.replyTo) parts.push(`reply ${n.replyTo}`);
  if (n.error) parts.push(n.error);
  const status = o.headers?.match(/^NATS\/1\.0 (\d{3})( .*)?/);
  if (status) parts.push(`status ${status[1]}${status[2] ?? ''}`);
  if (o.payload && !o.partial) parts.push(o.payload.length ? `(${byteCount(o.payload.length)}) ${payloadPreview(o.payload)}` : '(empty)');
  if (o.partial) parts.push(`(partial: ${o.partial})`);
  return parts.join(' ');
}

function payloadPreview(payload: Uint8Array): string {
  const text = decodeUtf8(payload);
  return text.ok && looksLikeText(text.text) ? textPreview(text.text, 80) : '';
}

/** Request-reply: a PUB with a reply-to opens, the MSG on that `_INBOX.` subject answers (a 503 status: no responders). */
function pairOf(o: Op): PairHint | null {
  const n = named(o);
  if ((o.op === 'PUB' || o.op === 'HPUB') && n.replyTo) return { family: 'nats', key: n.replyTo, role: 'request', method: n.subject };
  if ((o.op === 'MSG' || o.op === 'HMSG') && n.subject?.startsWith('_INBOX.')) {
    const failed = /^NATS\/1\.0 [45]\d\d/.test(o.headers ?? '');
    return { family: 'nats', key: n.subject, role: 'response', ...(failed && { error: true }) };
  }
  if (o.op === 'PING') return { family: 'nats', key: 'ping', role: 'request', method: 'PING' };
  if (o.op === 'PONG') return { family: 'nats', key: 'ping', role: 'response' };
  return null;
}
