/**
 * Phoenix Channels (phoenix.js `serializer.js`): the v1 JSON object `{ topic, event, payload,
 * ref, join_ref? }` (`vsn=1.0.0`, Supabase Realtime), the v2 JSON array `[join_ref, ref, topic,
 * event, payload]` (`vsn=2.0.0`, LiveView), and v2 binary pushes, replies and broadcasts (a kind
 * byte, sizes, then the strings and the payload bytes). `phx_reply` carries `{ status, response }`
 * and answers the push with the same ref; heartbeats go to the topic `phoenix`.
 */
import type { DecodeContext, DecodeInput, DecodeResult, Decoder } from '../types';
import { ByteReader, ReadError } from '../support/byte-reader';
import { frameJson, isRecord } from '../support/payload';
import { byteCount, preview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';

const URL_RULE = { protocols: ['phoenix'], url: /[?&]vsn=\d|\/(live|socket|realtime\/v\d+)\/websocket(\?|$)/i };
const BINARY_KINDS = ['push', 'reply', 'broadcast'] as const;

interface PhoenixMessage { joinRef: string | null; ref: string | null; topic: string; event: string; payload: unknown; serializer: string }

export const phoenixDecoder: Decoder = {
  id: 'phoenix',
  label: 'Phoenix Channels',
  affinity: (connection) => affinityFrom(URL_RULE, connection),
  decode(input, context) {
    // Binary messages have too little structure to be told from other bytes without the url.
    if (context.guessing && input.text === null && !isJsonText(input)) return null;
    const parsed = input.text === null && !isJsonText(input) ? fromBinary(input.bytes, input.dir === 'sent') : fromJson(input, context.guessing);
    if (typeof parsed === 'string') return context.guessing ? null : fail('phoenix', parsed);
    return describe(parsed, input.dir === 'sent', context);
  },
};

function isJsonText(input: DecodeInput): boolean {
  return input.bytes[0] === 0x5b || input.bytes[0] === 0x7b; // `[` or `{`: a JSON message sent as binary
}

function fromJson(input: DecodeInput, guessing: boolean): PhoenixMessage | string {
  const json = frameJson(input);
  if (!json?.ok) return json ? json.error : 'not a JSON array or object';
  const value = json.value;
  if (Array.isArray(value)) {
    if (value.length !== 5) return `a v2 message is [join_ref, ref, topic, event, payload]; this array has ${value.length} items`;
    const [joinRef, ref, topic, event, payload] = value;
    if (!isRef(joinRef) || !isRef(ref)) return 'join_ref and ref must be strings or null';
    if (typeof topic !== 'string' || typeof event !== 'string') return 'topic and event must be strings';
    if (guessing && !isRecord(payload)) return 'payload is not an object';
    return { joinRef: refOf(joinRef), ref: refOf(ref), topic, event, payload, serializer: 'v2 JSON' };
  }
  if (!isRecord(value)) return 'not a Phoenix message';
  const { topic, event, payload, ref } = value;
  const joinRef = value.join_ref;
  if (typeof topic !== 'string' || typeof event !== 'string') return 'a v1 message needs string "topic" and "event"';
  if (!isRef(ref ?? null) || !isRef(joinRef ?? null)) return 'ref and join_ref must be strings or null';
  if (guessing && (payload === undefined || Object.keys(value).some((k) => !['topic', 'event', 'payload', 'ref', 'join_ref'].includes(k)))) return 'not only Phoenix keys';
  return { joinRef: refOf(joinRef ?? null), ref: refOf(ref ?? null), topic, event, payload, serializer: 'v1 JSON' };
}

function isRef(v: unknown): boolean {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
}

function refOf(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/**
 * serializer.js: the client's pushes (binaryEncode) are kind 0 with join_ref, ref, topic and event
 * sizes; from the server (binaryDecode) kind 0 is a push without a ref (three sizes), 1 a reply
 * (its fourth string is the status), 2 a broadcast (topic and event only). Sizes are one byte each.
 */
function fromBinary(bytes: Uint8Array, sent: boolean): PhoenixMessage | string {
  const reader = new ByteReader(bytes);
  try {
    const kind = reader.u8('kind');
    if (kind > 2) return `unknown binary message kind ${kind} at byte 0 (0 push, 1 reply, 2 broadcast)`;
    if (kind === 2) {
      if (sent) return 'a binary broadcast comes from the server, not the client';
      const sizes = [reader.u8('topic size'), reader.u8('event size')];
      const topic = reader.utf8(sizes[0], 'topic');
      const event = reader.utf8(sizes[1], 'event');
      return { joinRef: null, ref: null, topic, event, payload: reader.rest(), serializer: 'v2 binary broadcast' };
    }
    if (kind === 1 && sent) return `a binary ${BINARY_KINDS[kind]} comes from the server, not the client`;
    if (kind === 0 && !sent) {
      const sizes = [reader.u8('join_ref size'), reader.u8('topic size'), reader.u8('event size')];
      const joinRef = reader.utf8(sizes[0], 'join_ref');
      const topic = reader.utf8(sizes[1], 'topic');
      const event = reader.utf8(sizes[2], 'event');
      return { joinRef: joinRef || null, ref: null, topic, event, payload: reader.rest(), serializer: 'v2 binary push' };
    }
    const sizes = [reader.u8('join_ref size'), reader.u8('ref size'), reader.u8('topic size'), reader.u8(kind === 1 ? 'status size' : 'event size')];
    const joinRef = reader.utf8(sizes[0], 'join_ref');
    const ref = reader.utf8(sizes[1], 'ref');
    const topic = reader.utf8(sizes[2], 'topic');
    const fourth = reader.utf8(sizes[3], kind === 1 ? 'status' : 'event');
    const data = reader.rest();
    if (kind === 1) return { joinRef: joinRef || null, ref: ref || null, topic, event: 'phx_reply', payload: { status: fourth, response: data }, serializer: 'v2 binary reply' };
    return { joinRef: joinRef || null, ref: ref || null, topic, event: fourth, payload: data, serializer: `v2 binary ${BINARY_KINDS[kind]}` };
  } catch (e) {
    if (e instanceof ReadError) return e.message;
    throw e;
  }
}

function describe(m: PhoenixMessage, sent: boolean, context: DecodeContext): DecodeResult {
  const reply = m.event === 'phx_reply' && isRecord(m.payload) ? m.payload : null;
  const tree: Record<string, unknown> = { serializer: m.serializer, topic: m.topic, event: m.event, ref: m.ref, join_ref: m.joinRef };
  const parts = ['Phoenix', m.topic, '·', m.event];
  let nested: DecodeResult = null;
  if (reply) {
    tree.status = toTree(reply.status);
    tree.response = payloadLeaf(reply.response);
    parts.push(String(reply.status));
    if (m.ref !== null) parts.push(`ref ${m.ref}`);
    parts.push(payloadPreview(reply.response));
  } else {
    tree.payload = payloadLeaf(m.payload);
    if (m.ref !== null) parts.push(`ref ${m.ref}`);
    parts.push(payloadPreview(m.payload));
  }
  const raw = reply ? reply.response : m.payload;
  if (raw instanceof Uint8Array && raw.length) nested = context.decodeInner(raw);
  const result = ok('phoenix', parts.filter(Boolean).join(' '), tree, nested);
  if (m.ref === null) return result;
  if (reply) return withPairs(result, [{ family: 'phoenix', key: m.ref, role: 'response', ...(reply.status !== 'ok' && { error: true }) }]);
  // The client's pushes are requests; the server's own messages with a ref (phx_close, phx_error carry the join ref) answer nothing.
  return sent ? withPairs(result, [{ family: 'phoenix', key: m.ref, role: 'request', method: m.event }]) : result;
}

function payloadLeaf(payload: unknown): unknown {
  return payload instanceof Uint8Array ? { binary: byteCount(payload.length), bytes: toTree(payload) } : toTree(payload);
}

function payloadPreview(payload: unknown): string {
  if (payload instanceof Uint8Array) return `(${byteCount(payload.length)} binary)`;
  if (isRecord(payload) && Object.keys(payload).length === 0) return '';
  return payload === undefined ? '' : preview(toTree(payload), 140);
}
