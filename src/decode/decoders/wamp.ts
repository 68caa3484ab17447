/**
 * WAMP v2 (subprotocols `wamp.2.json`, `wamp.2.msgpack`, `wamp.2.cbor`, and their `.batched`
 * forms): every message is an array `[code, …]`; fields are named after the WAMP spec (§ "Message
 * Definitions"), and summaries show the message name, request id, URI and arguments.
 */
import type { DecodeInput, Decoder, PairHint } from '../types';
import { frameJson, isRecord, parseJson } from '../support/payload';
import { preview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';
import { decodeCborValue } from './cbor';
import { decodeMsgpackValue, type ValueResult } from './msgpack';

type Field = 'id' | 'uri' | 'dict' | 'list' | 'string' | 'int';
/** Field names and types after the code; a trailing `?` marks an optional field. */
const MESSAGES: Record<number, [string, ...string[]]> = {
  1: ['HELLO', 'realm:uri', 'details:dict'], 2: ['WELCOME', 'session:id', 'details:dict'],
  3: ['ABORT', 'details:dict', 'reason:uri'], 4: ['CHALLENGE', 'authMethod:string', 'extra:dict'],
  5: ['AUTHENTICATE', 'signature:string', 'extra:dict'], 6: ['GOODBYE', 'details:dict', 'reason:uri'],
  8: ['ERROR', 'requestType:int', 'request:id', 'details:dict', 'error:uri', 'args:list?', 'kwargs:dict?'],
  16: ['PUBLISH', 'request:id', 'options:dict', 'topic:uri', 'args:list?', 'kwargs:dict?'],
  17: ['PUBLISHED', 'request:id', 'publication:id'],
  32: ['SUBSCRIBE', 'request:id', 'options:dict', 'topic:uri'], 33: ['SUBSCRIBED', 'request:id', 'subscription:id'],
  34: ['UNSUBSCRIBE', 'request:id', 'subscription:id'], 35: ['UNSUBSCRIBED', 'request:id', 'details:dict?'],
  36: ['EVENT', 'subscription:id', 'publication:id', 'details:dict', 'args:list?', 'kwargs:dict?'],
  48: ['CALL', 'request:id', 'options:dict', 'procedure:uri', 'args:list?', 'kwargs:dict?'],
  49: ['CANCEL', 'request:id', 'options:dict'], 50: ['RESULT', 'request:id', 'details:dict', 'args:list?', 'kwargs:dict?'],
  64: ['REGISTER', 'request:id', 'options:dict', 'procedure:uri'], 65: ['REGISTERED', 'request:id', 'registration:id'],
  66: ['UNREGISTER', 'request:id', 'registration:id'], 67: ['UNREGISTERED', 'request:id', 'details:dict?'],
  68: ['INVOCATION', 'request:id', 'registration:id', 'details:dict', 'args:list?', 'kwargs:dict?'],
  69: ['INTERRUPT', 'request:id', 'options:dict'], 70: ['YIELD', 'request:id', 'options:dict', 'args:list?', 'kwargs:dict?'],
};
/** Fields shown in the summary, in this order, when present. */
const SUMMARY_FIELDS = ['requestType', 'request', 'session', 'realm', 'topic', 'procedure', 'error', 'reason', 'subscription', 'publication', 'registration', 'authMethod', 'args', 'kwargs'];
const LABELLED = new Set(['session', 'subscription', 'publication', 'registration']);
const BATCH_SEPARATOR = '\u0018';

export const wampDecoder: Decoder = {
  id: 'wamp',
  label: 'WAMP',
  affinity: (connection) => affinityFrom({ protocols: ['wamp.2.json', 'wamp.2.msgpack', 'wamp.2.cbor', 'wamp.2.json.batched', 'wamp.2.msgpack.batched', 'wamp.2.cbor.batched', 'wamp'] }, connection),
  decode(input, context) {
    const values = messagesOf(input);
    if (!values.ok) return context.guessing ? null : fail('wamp', values.error);
    const described = values.messages.map(describe);
    const bad = described.find((d): d is string => typeof d === 'string');
    if (bad !== undefined) return context.guessing ? null : fail('wamp', bad);
    const messages = described as { summary: string; tree: Record<string, unknown> }[];
    const more = messages.length > 1 ? ` (+${messages.length - 1} more in this batch)` : '';
    return withPairs(ok('wamp', `WAMP ${messages[0].summary}${more}`, messages.length === 1 ? messages[0].tree : messages.map((m) => m.tree)), messages.map((m) => pairOf(m.tree)));
  },
};

/** The message values of a frame, by the serializer the subprotocol names (or the frame type). */
function messagesOf(input: DecodeInput): { ok: true; messages: unknown[] } | { ok: false; error: string } {
  const protocol = input.connection.protocol;
  if (input.text !== null) {
    if (protocol.endsWith('.batched')) return all(input.text.split(BATCH_SEPARATOR).filter(Boolean).map(parseJson));
    const json = frameJson(input);
    return json ? all([json]) : { ok: false, error: 'not a JSON array' };
  }
  // Without a subprotocol naming the serializer, MessagePack then CBOR.
  const decode = protocol.includes('cbor') ? decodeCborValue : protocol.includes('msgpack') ? decodeMsgpackValue : decodeEither;
  if (protocol.endsWith('.batched')) return all(splitLengthPrefixed(input.bytes).map((part) => (typeof part === 'string' ? { ok: false as const, error: part } : decode(part))));
  return all([decode(input.bytes)]);
}

function decodeEither(bytes: Uint8Array): ValueResult {
  const msgpack = decodeMsgpackValue(bytes);
  return msgpack.ok ? msgpack : decodeCborValue(bytes);
}

function all(results: ValueResult[]): { ok: true; messages: unknown[] } | { ok: false; error: string } {
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return { ok: false, error: failed.error };
  if (results.length === 0) return { ok: false, error: 'empty batch' };
  return { ok: true, messages: results.map((r) => (r as { value: unknown }).value) };
}

/** Binary batched transport: each message is prefixed by its 4-byte big-endian length. */
function splitLengthPrefixed(bytes: Uint8Array): (Uint8Array | string)[] {
  const parts: (Uint8Array | string)[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (pos + 4 > bytes.length) return [...parts, `batch length cut short at byte ${pos}`];
    const length = ((bytes[pos] << 24) >>> 0) + (bytes[pos + 1] << 16) + (bytes[pos + 2] << 8) + bytes[pos + 3];
    if (pos + 4 + length > bytes.length) return [...parts, `batch item at byte ${pos} needs ${length} bytes, ${bytes.length - pos - 4} left`];
    parts.push(bytes.subarray(pos + 4, pos + 4 + length));
    pos += 4 + length;
  }
  return parts;
}

/** A named tree and summary, or what is wrong with the message. */
function describe(message: unknown): { summary: string; tree: Record<string, unknown> } | string {
  if (!Array.isArray(message) || message.length === 0) return 'a WAMP message is a non-empty array';
  const code = message[0];
  const spec = typeof code === 'number' ? MESSAGES[code] : undefined;
  if (!spec) return `unknown WAMP message code ${JSON.stringify(toTree(code))} at index 0`;
  const [name, ...fields] = spec;
  const required = fields.filter((f) => !f.endsWith('?')).length;
  if (message.length - 1 < required || message.length - 1 > fields.length) return `${name} takes ${required === fields.length ? required : `${required} to ${fields.length}`} fields after the code, got ${message.length - 1}`;
  const tree: Record<string, unknown> = { message: name, code };
  for (let i = 0; i < message.length - 1; i++) {
    const [field, type] = fields[i].replace('?', '').split(':') as [string, Field];
    const value = message[i + 1];
    if (!hasType(value, type)) return `${name} field ${i + 1} (${field}) should be ${type === 'id' || type === 'int' ? 'an integer' : type === 'dict' ? 'an object' : type === 'list' ? 'an array' : 'a string'}`;
    tree[field] = field === 'requestType' ? MESSAGES[value as number]?.[0] ?? value : toTree(value);
  }
  const parts = [name, ...SUMMARY_FIELDS.filter((f) => tree[f] !== undefined).map((f) => summaryField(f, tree[f]))];
  if (name === 'HELLO' && isRecord(tree.details) && isRecord(tree.details.roles)) parts.push(`roles: ${Object.keys(tree.details.roles).join(',')}`);
  return { summary: parts.join(' '), tree };
}

/** Request ids and URIs speak for themselves; other ids are labelled (`subscription=5512315355`). */
function summaryField(field: string, value: unknown): string {
  if (field === 'args' || field === 'kwargs') return preview(value, 100);
  return LABELLED.has(field) ? `${field}=${String(value)}` : String(value);
}

function hasType(value: unknown, type: Field): boolean {
  switch (type) {
    case 'id': case 'int': return Number.isInteger(value) || typeof value === 'bigint';
    case 'uri': case 'string': return typeof value === 'string';
    case 'dict': return value instanceof Map || (isRecord(value) && !ArrayBuffer.isView(value));
    default: return Array.isArray(value);
  }
}

/** Requests and their answers by request id (§ "Message Definitions"); progressive results stream. */
const REQUESTS: Record<string, string> = { CALL: 'procedure', SUBSCRIBE: 'topic', UNSUBSCRIBE: '', REGISTER: 'procedure', UNREGISTER: '', INVOCATION: '', PUBLISH: 'topic' };
const ANSWERS = new Set(['RESULT', 'SUBSCRIBED', 'UNSUBSCRIBED', 'REGISTERED', 'UNREGISTERED', 'PUBLISHED', 'YIELD']);

function pairOf(tree: Record<string, unknown>): PairHint | null {
  const family = 'wamp';
  const name = tree.message as string;
  if (name === 'HELLO') return { family, key: 'session', role: 'request', method: 'HELLO' };
  if (name === 'WELCOME' || name === 'ABORT') return { family, key: 'session', role: 'response', ...(name === 'ABORT' && { error: true }) };
  if (tree.request === undefined) return null;
  const key = String(tree.request);
  const progress = (dict: unknown) => isRecord(dict) && (dict.progress === true || dict.receive_progress === true);
  if (name in REQUESTS) {
    // A PUBLISH is answered only when it asks to be acknowledged.
    if (name === 'PUBLISH' && !(isRecord(tree.options) && tree.options.acknowledge === true)) return null;
    const subject = REQUESTS[name] ? tree[REQUESTS[name]] : undefined;
    return { family, key, role: 'request', method: subject === undefined ? name : `${name} ${String(subject)}`, ...(progress(tree.options ?? tree.details) && { stream: true }) };
  }
  if (ANSWERS.has(name)) return { family, key, role: progress(tree.details ?? tree.options) ? 'stream' : 'response' };
  if (name === 'ERROR') return { family, key, role: 'response', error: true };
  if (name === 'CANCEL' || name === 'INTERRUPT') return { family, key, role: 'end', by: name === 'CANCEL' ? 'requester' : 'responder' };
  return null;
}
