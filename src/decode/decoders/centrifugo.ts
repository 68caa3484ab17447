/**
 * Centrifugo / Centrifuge client protocol v2 (centrifugal/protocol `client.proto`). JSON
 * (`centrifuge-json` or no subprotocol): newline-separated objects — commands `{ id, connect |
 * subscribe | publish | rpc | … }`, replies `{ id, <same key> | error }`, pushes `{ push: {
 * channel, pub | join | leave | … } }`, and `{}` as ping and pong. Protobuf (`centrifuge-protobuf`):
 * varint-length-delimited Command or Reply messages, their fields named by the numbers in
 * client.proto; the bodies are shown as schema-less protobuf.
 */
import type { DecodeResult, Decoder, PairHint } from '../types';
import { ByteReader, ReadError } from '../support/byte-reader';
import { isRecord, parseJson, payloadText } from '../support/payload';
import { preview } from '../support/preview';
import { affinityFrom, fail, failFrom, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';
import { readFields, WIRE_LEN, WIRE_VARINT } from '../support/protobuf-wire';
import { describeFields } from './protobuf';

const METHODS = ['connect', 'subscribe', 'unsubscribe', 'publish', 'presence', 'presence_stats', 'history', 'ping', 'send', 'rpc', 'refresh', 'sub_refresh'];
/** client.proto: Command fields 4–15 and Reply fields 5–15 name the method; Reply 2 is error, 4 push. */
const COMMAND_FIELDS: Record<number, string> = Object.fromEntries(METHODS.map((m, i) => [i + 4, m]));
const REPLY_FIELDS: Record<number, string> = { 2: 'error', 4: 'push', ...Object.fromEntries(METHODS.filter((m) => m !== 'send').map((m, i) => [i + 5, m])) };
const PUSH_FIELDS: Record<number, string> = { 2: 'channel', 4: 'pub', 5: 'join', 6: 'leave', 7: 'unsubscribe', 8: 'message', 9: 'subscribe', 10: 'connect', 11: 'disconnect', 12: 'refresh' };
const PUSH_TYPES = new Set(Object.values(PUSH_FIELDS).filter((k) => k !== 'channel'));
const MAX_MESSAGES = 1000;

interface Described { summary: string; tree: unknown; pair: PairHint | null }

export const centrifugoDecoder: Decoder = {
  id: 'centrifugo',
  label: 'Centrifugo',
  affinity: (connection) => affinityFrom({ protocols: ['centrifuge-json', 'centrifuge-protobuf'], url: /\/connection\/websocket/ }, connection),
  decode(input, context) {
    const protobuf = input.connection.protocol === 'centrifuge-protobuf' || (input.text === null && !/^\s*\{/.test(String.fromCharCode(...input.bytes.subarray(0, 4))));
    if (protobuf) {
      if (context.guessing) return null; // delimited protobuf has no marks of its own
      try {
        return result(protobufMessages(input.bytes, input.dir === 'sent'), 'protobuf');
      } catch (e) {
        return failFrom('centrifugo', e);
      }
    }
    const text = payloadText(input);
    if (!text.ok) return context.guessing ? null : fail('centrifugo', text.error);
    const described: Described[] = [];
    let position = 0;
    for (const line of text.text.split('\n').slice(0, MAX_MESSAGES)) {
      const parsed = parseJson(line);
      const problem = !parsed.ok ? parsed.error : !isRecord(parsed.value) ? 'not an object' : null;
      const message = problem === null ? describeJson(parsed.ok ? (parsed.value as Record<string, unknown>) : {}, input.dir === 'sent') : null;
      if (!message) return context.guessing ? null : fail('centrifugo', `message at position ${position}: ${problem ?? 'not a Centrifugo command, reply or push'}`);
      // Guessing: commands and replies carry a numeric id, pushes a `push` object.
      if (context.guessing && message.pair === null && !isRecord((parsed as { value: Record<string, unknown> }).value.push) && message.summary !== 'ping/pong {}') return null;
      described.push(message);
      position += line.length + 1;
    }
    if (context.guessing && described.every((d) => d.summary === 'ping/pong {}')) return null;
    return result(described, 'json');
  },
};

function result(described: Described[], encoding: string): DecodeResult {
  const more = described.length > 1 ? ` (+${described.length - 1} more)` : '';
  const trees = described.map((d) => d.tree);
  const tree = { encoding, messages: trees.length === 1 ? trees[0] : trees };
  return withPairs(ok('centrifugo', `Centrifugo ${described[0].summary}${more}`, tree), described.map((d) => d.pair));
}

/** A command (sent), or a reply or push (received), by its keys. */
function describeJson(m: Record<string, unknown>, sent: boolean): Described | null {
  const keys = Object.keys(m);
  if (keys.length === 0) return { summary: 'ping/pong {}', tree: {}, pair: null };
  const id = typeof m.id === 'number' ? m.id : null;
  if (isRecord(m.push)) return push(m.push);
  if (keys.some((k) => k !== 'id' && !METHODS.includes(k) && k !== 'error')) return null;
  const method = keys.find((k) => METHODS.includes(k));
  const tree = toTree(m);
  if (isRecord(m.error)) {
    const code = String(m.error.code ?? '');
    const summary = `error #${id ?? '?'} ${code} ${typeof m.error.message === 'string' ? m.error.message : ''}`.trim();
    return { summary, tree, pair: id !== null ? { family: 'centrifugo', key: String(id), role: 'response', error: true } : null };
  }
  if (!method) return null;
  const body = m[method];
  const parts = [sent ? method : `${method} reply`, id !== null ? `#${id}` : ''];
  if (isRecord(body)) {
    if (typeof body.channel === 'string') parts.push(body.channel);
    if (typeof body.method === 'string') parts.push(body.method);
    const rest = Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'channel' && k !== 'method' && k !== 'token'));
    if (Object.keys(rest).length) parts.push(preview(toTree(rest), 140));
    if (typeof body.token === 'string') parts.push('(token)');
  }
  const pair: PairHint | null = id === null ? null : sent ? { family: 'centrifugo', key: String(id), role: 'request', method } : { family: 'centrifugo', key: String(id), role: 'response' };
  return { summary: parts.filter(Boolean).join(' '), tree, pair };
}

function push(p: Record<string, unknown>): Described | null {
  const type = Object.keys(p).find((k) => PUSH_TYPES.has(k));
  if (!type && typeof p.channel !== 'string') return null;
  const body = type ? p[type] : undefined;
  const data = isRecord(body) && body.data !== undefined ? body.data : isRecord(body) && body.info !== undefined ? body.info : body;
  const parts = ['push', type ?? 'pub', typeof p.channel === 'string' ? p.channel : '', data === undefined ? '' : preview(toTree(data), 140)];
  return { summary: parts.filter(Boolean).join(' '), tree: { push: toTree(p) }, pair: null };
}

/** Delimited Command (from the client) or Reply (from the server) messages. */
function protobufMessages(bytes: Uint8Array, sent: boolean): Described[] {
  const reader = new ByteReader(bytes);
  const out: Described[] = [];
  while (reader.remaining > 0 && out.length < MAX_MESSAGES) {
    const at = reader.pos;
    const length = reader.smallVarint('message length', 5);
    const start = reader.pos;
    reader.take(length, `message of ${length} bytes`);
    out.push(protobufMessage(bytes, start, start + length, sent, at));
  }
  if (out.length === 0) throw new ReadError('empty frame', 0);
  return out;
}

function protobufMessage(bytes: Uint8Array, start: number, end: number, sent: boolean, at: number): Described {
  const fields = readFields(bytes, start, end);
  const names = sent ? COMMAND_FIELDS : REPLY_FIELDS;
  if (fields.length === 0) return { summary: 'ping/pong (empty message)', tree: {}, pair: null };
  const tree: Record<string, unknown> = {};
  let id: number | null = null;
  let kind = '';
  for (const f of fields) {
    if (f.field === 1 && f.wire === WIRE_VARINT) { id = Number(f.value); tree.id = id; continue; }
    const name = names[f.field];
    if (!name || f.wire !== WIRE_LEN) throw new ReadError(`field ${f.field} is not part of a Centrifugo ${sent ? 'Command' : 'Reply'}`, f.offset);
    kind = name;
    tree[name] = name === 'push' ? pushTree(f.bytes) : describeFields(readFields(f.bytes), 1);
  }
  if (!kind) throw new ReadError(`message at byte ${at} names no method`, at);
  const summary = [sent ? kind : kind === 'push' || kind === 'error' ? kind : `${kind} reply`, id !== null ? `#${id}` : '', preview(tree[kind], 140)].filter(Boolean).join(' ');
  const key = id === null ? null : String(id);
  const pair: PairHint | null = key === null ? null : sent ? { family: 'centrifugo', key, role: 'request', method: kind } : { family: 'centrifugo', key, role: 'response', ...(kind === 'error' && { error: true }) };
  return { summary, tree, pair };
}

function pushTree(bytes: Uint8Array): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of readFields(bytes)) {
    const name = PUSH_FIELDS[f.field] ?? `field ${f.field}`;
    if (f.wire === WIRE_LEN) out[name] = name === 'channel' ? new TextDecoder().decode(f.bytes) : describeFields(readFields(f.bytes), 2);
  }
  return out;
}
