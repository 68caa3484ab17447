/**
 * ASP.NET Core SignalR hub protocols. JSON: records terminated by 0x1E, starting with the
 * handshake `{"protocol":"json","version":1}`. MessagePack: binary frames of records, each a
 * varint length then a MessagePack array. Message types 1–9 per the hub protocol spec.
 */
import type { DecodeInput, Decoder, PairHint } from '../types';
import { ByteReader, ReadError } from '../support/byte-reader';
import { isRecord, parseJson } from '../support/payload';
import { preview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';
import { decodeMsgpackValue } from './msgpack';

const RECORD_SEPARATOR = '\u001e';
const TYPE_NAMES = ['', 'Invocation', 'StreamItem', 'Completion', 'StreamInvocation', 'CancelInvocation', 'Ping', 'Close', 'Ack', 'Sequence'];
/** MessagePack arrays, by type: the fields after the type code (hub protocol "MessagePack encoding"). */
const MSGPACK_FIELDS: Record<number, string[]> = {
  1: ['headers', 'invocationId', 'target', 'arguments', 'streamIds'], 2: ['headers', 'invocationId', 'item'],
  3: ['headers', 'invocationId', 'resultKind', 'result'], 4: ['headers', 'invocationId', 'target', 'arguments', 'streamIds'],
  5: ['headers', 'invocationId'], 6: [], 7: ['error', 'allowReconnect'], 8: ['sequenceId'], 9: ['sequenceId'],
};
const RESULT_KINDS = ['', 'error', 'void', 'result'];
const MAX_RECORDS = 1000;

type Message = Record<string, unknown>;

export const signalrDecoder: Decoder = {
  id: 'signalr',
  label: 'SignalR',
  // `/chathub?id=…`, `/hubs/chat`, `/signalr/…`; not `/github/…`.
  affinity: (connection) => affinityFrom({ url: /signalr|hubs?(\?|$)|\/hubs?\//i }, connection),
  decode(input, context) {
    const records = input.text !== null ? jsonRecords(input.text) : msgpackRecords(input);
    if (!records.ok) return context.guessing ? null : fail('signalr', records.error);
    const described = records.messages.map(summarize);
    if (context.guessing && described.some((d) => d === null)) return null;
    const summaries = described.map((d, i) => d ?? `message ${preview(records.messages[i], 80)}`);
    const more = summaries.length > 1 ? ` (+${summaries.length - 1} more)` : '';
    const trees = records.messages.map(namedTree);
    return withPairs(ok('signalr', `SignalR ${summaries[0]}${more}`, trees.length === 1 ? trees[0] : trees), records.messages.map(pairOf));
  },
};

type Records = { ok: true; messages: Message[] } | { ok: false; error: string };

function jsonRecords(text: string): Records {
  if (!text.endsWith(RECORD_SEPARATOR)) return { ok: false, error: 'JSON hub records end with 0x1E; this frame does not' };
  const messages: Message[] = [];
  let position = 0;
  for (const record of text.slice(0, -1).split(RECORD_SEPARATOR).slice(0, MAX_RECORDS)) {
    const parsed = parseJson(record);
    if (!parsed.ok) return { ok: false, error: `record at position ${position}: ${parsed.error}` };
    if (!isRecord(parsed.value)) return { ok: false, error: `record at position ${position} is not an object` };
    messages.push(parsed.value);
    position += record.length + 1;
  }
  return { ok: true, messages };
}

function msgpackRecords(input: DecodeInput): Records {
  const reader = new ByteReader(input.bytes);
  const messages: Message[] = [];
  try {
    while (reader.remaining > 0 && messages.length < MAX_RECORDS) {
      const at = reader.pos;
      const length = reader.smallVarint('record length', 5);
      const decoded = decodeMsgpackValue(reader.take(length, `record of ${length} bytes`));
      if (!decoded.ok) return { ok: false, error: `record at byte ${at}: ${decoded.error}` };
      const message = fromArray(decoded.value);
      if (!message) return { ok: false, error: `record at byte ${at} is not a hub message array` };
      messages.push(message);
    }
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, error: e.message };
    throw e;
  }
  return messages.length ? { ok: true, messages } : { ok: false, error: 'empty frame' };
}

/** `[1, headers, id, target, args]` → `{ type: 1, headers, invocationId, target, arguments }`. */
function fromArray(value: unknown): Message | null {
  if (!Array.isArray(value) || !Number.isInteger(value[0])) return null;
  const fields = MSGPACK_FIELDS[value[0] as number];
  if (!fields || value.length - 1 > fields.length) return null;
  const message: Message = { type: value[0] };
  fields.forEach((name, i) => { if (i + 1 < value.length) message[name] = value[i + 1]; });
  return message;
}

/** The summary after `SignalR `, or null when the record is no hub message. */
function summarize(m: Message): string | null {
  if (m.type === undefined) {
    if (typeof m.protocol === 'string') return `handshake ${m.protocol} v${String(m.version)}`;
    if (typeof m.error === 'string') return `handshake error ${JSON.stringify(m.error)}`;
    return Object.keys(m).length === 0 ? 'handshake ok' : null;
  }
  const name = typeof m.type === 'number' ? TYPE_NAMES[m.type] : undefined;
  if (!name) return null;
  const id = m.invocationId != null ? `id ${String(m.invocationId)}` : '';
  switch (m.type) {
    case 1: case 4:
      if (typeof m.target !== 'string') return null;
      return [name, m.target, preview(toTree(m.arguments ?? []), 120), id].filter(Boolean).join(' ');
    case 2: return `${name} ${id}: ${preview(toTree(m.item), 120)}`;
    case 3: return `${name} ${id} ${completion(m)}`.trimEnd();
    case 5: return `${name} ${id}`;
    case 7: return `${name}${m.error ? ' error ' + JSON.stringify(m.error) : ''}${m.allowReconnect ? ' (reconnect allowed)' : ''}`;
    case 8: case 9: return `${name} ${String(m.sequenceId)}`;
    default: return name;
  }
}

function completion(m: Message): string {
  const kind = typeof m.resultKind === 'number' ? RESULT_KINDS[m.resultKind] : undefined;
  if (m.error !== undefined || kind === 'error') return `error ${JSON.stringify(toTree(m.error ?? m.result))}`;
  if (m.result !== undefined) return `result ${preview(toTree(m.result), 120)}`;
  return '';
}

function namedTree(m: Message): unknown {
  const tree = toTree(m) as Record<string, unknown>;
  if (typeof m.type === 'number' && TYPE_NAMES[m.type]) tree.type = `${m.type} ${TYPE_NAMES[m.type]}`;
  if (typeof m.resultKind === 'number' && RESULT_KINDS[m.resultKind]) tree.resultKind = RESULT_KINDS[m.resultKind];
  return tree;
}


/**
 * Invocation and StreamInvocation with an invocationId, answered by StreamItems and a Completion
 * (an error completes too); the caller's CancelInvocation ends a stream. The handshake request and
 * its response. Either side may invoke (client results), which the pairing tells apart by side.
 */
function pairOf(m: Message): PairHint | null {
  const family = 'signalr';
  if (m.type === undefined) {
    if (typeof m.protocol === 'string') return { family, key: 'handshake', role: 'request', method: 'handshake' };
    return { family, key: 'handshake', role: 'response', ...(typeof m.error === 'string' && { error: true }) };
  }
  if (m.invocationId === undefined || m.invocationId === null) return null;
  const key = String(m.invocationId);
  switch (m.type) {
    case 1: return { family, key, role: 'request', method: String(m.target) };
    case 4: return { family, key, role: 'request', method: String(m.target), stream: true };
    case 2: return { family, key, role: 'stream' };
    case 3: return { family, key, role: 'end', ...((m.error !== undefined || m.resultKind === 1) && { error: true }) };
    case 5: return { family, key, role: 'end', by: 'requester' };
    default: return null;
  }
}
