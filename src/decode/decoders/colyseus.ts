/**
 * Colyseus room connections (@colyseus/shared-types `Protocol`, @colyseus/core `Protocol.ts`): a
 * code byte (its top bits are modifiers), then MessagePack — a message type (string or number)
 * and a payload for ROOM_DATA, a request id and status for ROOM_REQUEST/ROOM_RESPONSE — or
 * @colyseus/schema state bytes, which need the room's schema and are shown as bytes. Payloads may
 * use msgpackr records, expanded here. Room urls look like `/<processId>/<roomId>?sessionId=…`.
 */
import type { Decoder, DecodeResult, PairHint } from '../types';
import { ByteReader } from '../support/byte-reader';
import { expandRecords, msgpackLength } from '../support/msgpack-sequence';
import { byteCount, preview } from '../support/preview';
import { affinityFrom, fail, failFrom, ok, withPairs } from '../support/result';
import { bytesLeaf, toTree } from '../support/tree';
import { decodeMsgpackValue } from './msgpack';

const CODES: Record<number, string> = {
  10: 'JOIN_ROOM', 11: 'ERROR', 12: 'LEAVE_ROOM', 13: 'ROOM_DATA', 14: 'ROOM_STATE', 15: 'ROOM_STATE_PATCH', 16: 'ROOM_DATA_SCHEMA',
  17: 'ROOM_DATA_BYTES', 18: 'PING', 19: 'ROOM_INPUT_RELIABLE', 20: 'ROOM_INPUT_UNRELIABLE', 21: 'ROOM_REQUEST', 22: 'ROOM_RESPONSE',
};
const STATUS = ['OK', 'REJECTED', 'ERROR'];
const TIMED = 0x80, UNRELIABLE = 0x40;

export const colyseusDecoder: Decoder = {
  id: 'colyseus',
  label: 'Colyseus',
  affinity: (connection) => affinityFrom({ url: /^\/[\w-]+\/[\w-]+\?(.*&)?sessionId=/ }, connection),
  decode(input, context) {
    if (input.text !== null) return context.guessing ? null : fail('colyseus', 'Colyseus room messages are binary frames');
    const bytes = input.bytes;
    const code = (bytes[0] ?? 0) & 0x1f;
    const name = CODES[code];
    if (!name) return context.guessing ? null : fail('colyseus', `unknown message code ${bytes[0] ?? '(empty frame)'} at byte 0`);
    // Guessing: only what MessagePack makes recognisable.
    if (context.guessing && !['ROOM_DATA', 'ROOM_REQUEST', 'ROOM_RESPONSE', 'ERROR'].includes(name)) return null;
    try {
      const result = describe(name, bytes, input.dir === 'sent');
      if (context.guessing && (!result?.ok || bytes[0] !== code)) return null;
      return result;
    } catch (e) {
      return context.guessing ? null : failFrom('colyseus', e);
    }
  },
};

/** One MessagePack item at the reader's position. */
function item(reader: ByteReader, what: string): unknown {
  const length = msgpackLength(reader.bytes, reader.pos);
  if (typeof length === 'string') reader.fail(`${what}: ${length}`);
  const at = reader.pos;
  const decoded = decodeMsgpackValue(expandRecords(reader.take(length, what)));
  if (!decoded.ok) reader.fail(`${what}: ${decoded.error}`, at);
  return decoded.value;
}

function describe(name: string, bytes: Uint8Array, sent: boolean): DecodeResult {
  const reader = new ByteReader(bytes, 1);
  const modifiers = bytes[0] & 0xe0;
  const tree: Record<string, unknown> = { message: name, code: bytes[0] & 0x1f };
  const parts = ['Colyseus', name];
  let pair: PairHint | null = null;
  switch (name) {
    case 'JOIN_ROOM': {
      if (sent || reader.remaining === 0) break; // the client's acknowledgement is the bare code
      tree.reconnectionToken = reader.utf8(reader.u8('reconnection token length'), 'reconnection token');
      tree.serializer = reader.utf8(reader.u8('serializer id length'), 'serializer id');
      const size = item(reader, 'handshake length');
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) return fail('colyseus', 'handshake length is not a count');
      tree.handshake = bytesLeaf(reader.take(size, 'handshake'));
      if (reader.remaining) tree.sections = bytesLeaf(reader.rest());
      parts.push(`serializer ${String(tree.serializer)}`, `(${byteCount(size)} state reflection)`);
      break;
    }
    case 'ERROR': {
      tree.errorCode = toTree(item(reader, 'error code'));
      if (reader.remaining) tree.error = toTree(item(reader, 'error message'));
      parts.push(String(tree.errorCode), tree.error ? String(tree.error) : '');
      break;
    }
    case 'ROOM_DATA': case 'ROOM_DATA_BYTES': case 'ROOM_REQUEST': {
      if (name === 'ROOM_REQUEST') tree.requestId = toTree(item(reader, 'request id'));
      const type = item(reader, 'message type');
      if (typeof type !== 'string' && typeof type !== 'number') return fail('colyseus', 'the message type is neither a string nor a number');
      tree.type = type;
      parts.push(typeof type === 'string' ? type : `#${type}`);
      if (name === 'ROOM_REQUEST') parts.push(`request ${String(tree.requestId)}`);
      if (reader.remaining) {
        const payload = name === 'ROOM_DATA_BYTES' ? bytesLeaf(reader.rest()) : toTree(item(reader, 'payload'));
        tree.payload = payload;
        parts.push(preview(payload, 140));
      }
      if (name === 'ROOM_REQUEST') pair = { family: 'colyseus', key: String(tree.requestId), role: 'request', method: String(type) };
      break;
    }
    case 'ROOM_RESPONSE': {
      tree.requestId = toTree(item(reader, 'request id'));
      const status = reader.u8('status');
      tree.status = STATUS[status] ?? status;
      parts.push(`request ${String(tree.requestId)}`, String(tree.status));
      if (reader.remaining) {
        tree.payload = toTree(item(reader, 'payload'));
        parts.push(preview(tree.payload, 140));
      }
      pair = { family: 'colyseus', key: String(tree.requestId), role: 'response', ...(status !== 0 && { error: true }) };
      break;
    }
    case 'ROOM_STATE': case 'ROOM_STATE_PATCH': {
      if (modifiers & TIMED) { tree.serverTime = reader.u32le('server time'); tree.inputSeq = reader.u32le('input seq'); }
      else if (modifiers & UNRELIABLE) tree.seq = reader.u16le('unreliable seq');
      const state = reader.rest();
      tree.state = bytesLeaf(state);
      tree.note = '@colyseus/schema encoding: decoding it needs the room state schema (from the JOIN_ROOM reflection)';
      parts.push(`(${byteCount(state.length)} schema-encoded)`);
      break;
    }
    case 'PING':
      pair = sent ? { family: 'colyseus', key: 'ping', role: 'request', method: 'PING' } : { family: 'colyseus', key: 'ping', role: 'response' };
      break;
    default:
      if (reader.remaining) { tree.data = bytesLeaf(reader.rest()); parts.push(`(${byteCount(bytes.length - 1)})`); }
  }
  if (reader.remaining) return fail('colyseus', `${reader.remaining} unexpected bytes after ${name} at byte ${reader.pos}`);
  return withPairs(ok('colyseus', parts.filter(Boolean).join(' '), tree), [pair]);
}

