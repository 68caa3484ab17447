/**
 * Engine.IO v4/v3 and Socket.IO over WebSocket. Text frames are engine.io packets (`0{…}` open,
 * `2`/`3` ping/pong, `4…` message) and the message is usually a socket.io packet (`42["chat","hi"]`).
 * Binary frames are socket.io-msgpack-parser packets, or attachments of a binary packet.
 *
 * Attachments come as separate frames after the packet that announces them (`451-[…]`); frames
 * are decoded one at a time, so an attachment is described as such without being joined to it.
 */
import type { DecodeContext, DecodeInput, DecodeResult, Decoder, PairHint } from '../types';
import type { Direction } from '../../protocol/capture';
import { isRecord, parseJson } from '../support/payload';
import { byteCount, preview } from '../support/preview';
import { affinityFrom, fail, ok, urlPath, withPairs } from '../support/result';
import { bytesLeaf, toTree } from '../support/tree';
import { packetFromMsgpack, packetSummary, packetTree, parseTextPacket, type PacketParse } from '../support/socketio-packet';
import { decodeMsgpackValue } from './msgpack';

const ENGINE_TYPES = ['OPEN', 'CLOSE', 'PING', 'PONG', 'MESSAGE', 'UPGRADE', 'NOOP'] as const;
const URL_RULE = { url: /\/socket\.io\/|[?&]EIO=\d/ };

export const socketioDecoder: Decoder = {
  id: 'socketio',
  label: 'Socket.IO / Engine.IO',
  affinity: (connection) => affinityFrom(URL_RULE, connection),
  decode(input, context) {
    return input.text !== null ? decodeText(input.text, input.dir, context) : decodeBinary(input, context);
  },
};

function decodeText(text: string, dir: Direction, context: DecodeContext): DecodeResult {
  let body = text;
  let base64 = false;
  if (body.startsWith('b')) { base64 = true; body = body.slice(1); } // engine.io v3 binary as base64 text
  const typeCode = body.charCodeAt(0) - 48;
  if (!(typeCode >= 0 && typeCode <= 6)) return context.guessing ? null : fail('socketio', `unknown engine.io packet type ${JSON.stringify(body[0] ?? '')} at position 0`);
  const type = ENGINE_TYPES[typeCode];
  const rest = body.slice(1);
  if (base64) return ok('socketio', `engine.io ${type} (base64 binary, ${rest.length} chars)`, { engineio: type, base64: rest }, context.decodeInner(rest));
  if (type === 'MESSAGE') return message(rest, dir, context);
  if (type === 'OPEN') return open(rest, context);
  if (context.guessing && !(rest === 'probe' && (type === 'PING' || type === 'PONG'))) return null;
  const tree: Record<string, unknown> = { engineio: type };
  if (rest) tree.data = rest;
  const result = ok('socketio', `engine.io ${type}${rest ? ' ' + rest : ''}`, tree);
  // engine.io heart-beat (v4: the server pings; v3: the client does) and the upgrade probe.
  if (type === 'PING') return withPairs(result, [{ family: 'socketio', key: `ping ${rest}`, role: 'request', method: 'engine.io ping' }]);
  return type === 'PONG' ? withPairs(result, [{ family: 'socketio', key: `ping ${rest}`, role: 'response' }]) : result;
}

function open(rest: string, context: DecodeContext): DecodeResult {
  const parsed = parseJson(rest);
  const handshake = parsed.ok && isRecord(parsed.value) ? parsed.value : null;
  if (!handshake || typeof handshake.sid !== 'string') {
    return context.guessing ? null : fail('socketio', `engine.io OPEN needs a JSON handshake with a sid at position 1${parsed.ok ? '' : ': ' + parsed.error}`);
  }
  const timing = ['pingInterval', 'pingTimeout'].filter((k) => handshake[k] !== undefined).map((k) => `${k}=${String(handshake[k])}`);
  return ok('socketio', ['engine.io OPEN', `sid=${handshake.sid}`, ...timing].join(' '), { engineio: 'OPEN', handshake: toTree(handshake) });
}

function message(rest: string, dir: Direction, context: DecodeContext): DecodeResult {
  const parsed = parseTextPacket(rest);
  if (parsed.ok) {
    // Guessing, a bare `40`/`41` is as likely to be a number: require a namespace or payload.
    if (context.guessing && rest.length <= 1) return null;
    return packetResult(parsed, 'text', dir);
  }
  if (context.guessing) return null;
  const inner = context.decodeInner(rest);
  return ok('socketio', `engine.io MESSAGE ${inner?.ok ? inner.summary : preview(rest)}`, { engineio: 'MESSAGE', data: rest, notSocketIO: parsed.error }, inner);
}

function decodeBinary(input: DecodeInput, context: DecodeContext): DecodeResult {
  const bytes = input.bytes;
  const v3 = /[?&]EIO=3\b/.test(urlPath(input.connection.url));
  if (v3 && bytes[0] === 4) {
    const payload = bytes.subarray(1);
    return ok('socketio', `engine.io MESSAGE binary attachment (${byteCount(payload.length)})`, { engineio: 'MESSAGE', attachment: bytesLeaf(payload) }, context.decodeInner(payload));
  }
  const decoded = decodeMsgpackValue(bytes, { notepack: true });
  if (decoded.ok) {
    const parsed = packetFromMsgpack(decoded.value);
    if (parsed.ok) return packetResult(parsed, 'msgpack', input.dir);
  }
  if (context.guessing) return null;
  return ok('socketio', `socket.io binary attachment (${byteCount(bytes.length)})`, {
    attachment: bytesLeaf(bytes),
    note: 'Binary data of the preceding BINARY_EVENT/BINARY_ACK packet; frames are decoded one at a time, so it is not joined to that packet.',
  }, context.decodeInner(bytes));
}

function packetResult(parsed: Extract<PacketParse, { ok: true }>, encoding: 'text' | 'msgpack', dir: Direction): DecodeResult {
  const tree = packetTree(parsed.packet, encoding);
  return withPairs(ok('socketio', packetSummary(parsed.packet, tree), tree), [pairOf(parsed.packet, dir, tree)]);
}

/** An event with an ack id and its ACK (per namespace); a namespace CONNECT and the server's CONNECT or CONNECT_ERROR. */
function pairOf(p: Extract<PacketParse, { ok: true }>['packet'], dir: Direction, tree: Record<string, unknown>): PairHint | null {
  const family = 'socketio';
  if ((p.type === 'EVENT' || p.type === 'BINARY_EVENT') && p.id !== undefined) return { family, key: `${p.nsp}#${p.id}`, role: 'request', method: String(tree.event) };
  if ((p.type === 'ACK' || p.type === 'BINARY_ACK') && p.id !== undefined) return { family, key: `${p.nsp}#${p.id}`, role: 'response' };
  if (p.type === 'CONNECT') return dir === 'sent' ? { family, key: `connect ${p.nsp}`, role: 'request', method: `CONNECT ${p.nsp}` } : { family, key: `connect ${p.nsp}`, role: 'response' };
  if (p.type === 'CONNECT_ERROR') return { family, key: `connect ${p.nsp}`, role: 'response', error: true };
  return null;
}
