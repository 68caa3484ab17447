/**
 * MQTT 3.1, 3.1.1 and 5 over WebSocket (subprotocol `mqtt`). A binary frame may hold several
 * control packets, the start of one that continues in later frames, or such a continuation (some
 * brokers write each field as its own frame); each case is said so in the summary.
 *
 * MQTT 5 adds properties to most packets, so the version matters: it is learned from CONNECT
 * when the caller keeps a session for the connection, else inferred per packet (see `versionFor`).
 * With a session and `reassemble`, a packet split across frames is also put back together: the unfinished tail
 * of a frame is kept (per direction) and read with the next frame, which then shows the packet.
 */
import type { DecodeContext, DecodeInput, DecodeResult, Decoder, PairHint } from '../types';
import { ByteReader, ReadError } from '../support/byte-reader';
import { BODY_PARSERS, PACKET_NAMES, VERSION_NAMES, type ParsedPacket } from '../support/mqtt-packets';
import { byteCount } from '../support/preview';
import { affinityFrom, fail, failFrom, ok, withPairs } from '../support/result';
import { bytesLeaf } from '../support/tree';
import { decodeUtf8 } from '../support/utf8';

const SESSION_KEY = 'mqtt.version';
/** The unfinished packet a frame ended with, kept to read with the next frame of that direction. */
const carryKey = (input: DecodeInput) => `mqtt.carry.${input.dir}`;
/** A packet longer than this that is still unfinished is not kept (nor put together). */
const MAX_CARRY = 1 << 20;
/** Packets whose fixed-header flags must be 0b0010; all but PUBLISH must otherwise be 0. */
const FLAGS_0010 = new Set([6, 8, 10]);
/** A frame with more packets than this is described up to there. */
const MAX_PACKETS = 1000;

export const mqttDecoder: Decoder = {
  id: 'mqtt',
  label: 'MQTT',
  affinity: (connection) => affinityFrom({ protocols: ['mqtt', 'mqttv3.1'], url: /\/mqtt\b/i }, connection),
  decode(input, context) {
    if (input.text !== null) return context.guessing ? null : fail('mqtt', 'MQTT is binary; this is a text frame');
    // Guessing, only a CONNECT is distinctive enough (it names the protocol).
    if (context.guessing && !startsWithConnect(input.bytes)) return null;
    return decodePackets(input, context);
  },
};

interface Header { type: number; flags: number; length: number; bodyStart: number }

function decodePackets(input: DecodeInput, context: DecodeContext): DecodeResult {
  const session = input.reassemble ? input.session : undefined;
  const carry = session?.get(carryKey(input)) as Uint8Array | undefined;
  session?.delete(carryKey(input));
  const bytes = carry ? concat(carry, input.bytes) : input.bytes;
  const packets: Record<string, unknown>[] = [];
  const summaries: string[] = [];
  const pairs: (PairHint | null)[] = [];
  let payloadInner: DecodeResult = null;
  let pos = 0;
  while (pos < bytes.length && packets.length < MAX_PACKETS) {
    const header = readHeader(bytes, pos);
    if (header === 'invalid') {
      if (pos > 0) return fail('mqtt', `byte 0x${bytes[pos].toString(16).padStart(2, '0')} at ${pos} does not start an MQTT packet`);
      return continuation(bytes);
    }
    if (header === 'short' || header.bodyStart + header.length > bytes.length) {
      const partial = describePartial(bytes, pos, header === 'short' ? null : header);
      if (session && bytes.length - pos <= MAX_CARRY) session.set(carryKey(input), bytes.slice(pos));
      packets.push(partial.tree);
      summaries.push(partial.summary);
      break;
    }
    let parsed: ParsedPacket & { version: number; versionKnown: boolean };
    try {
      parsed = parsePacket(bytes, header, input.session);
    } catch (e) {
      return failFrom('mqtt', e);
    }
    packets.push({ packet: PACKET_NAMES[header.type], ...versionNote(parsed), ...parsed.tree });
    summaries.push(`${PACKET_NAMES[header.type]}${parsed.summary ? ' ' + parsed.summary : ''}`);
    pairs.push(pairOf(bytes, header, parsed.tree as Record<string, unknown>));
    if (parsed.payload?.length && packets.length === 1) payloadInner = context.decodeInner(publishPayload(parsed.payload));
    pos = header.bodyStart + header.length;
  }
  const more = summaries.length > 1 ? ` (+${summaries.length - 1} more packet${summaries.length > 2 ? 's' : ''}: ${summaries.slice(1).map((s) => s.split(' ')[0]).join(', ')})` : '';
  return withPairs(ok('mqtt', `MQTT ${summaries[0]}${more}`, packets.length === 1 ? packets[0] : packets, packets.length === 1 ? payloadInner : null), pairs);
}

/**
 * Packet identifiers (one id space per sender): PUBLISH qos1 → PUBACK; PUBLISH qos2 → PUBREC,
 * PUBREL (by the publisher), PUBCOMP; SUBSCRIBE → SUBACK; UNSUBSCRIBE → UNSUBACK. Also
 * CONNECT → CONNACK and PINGREQ → PINGRESP. Reason codes ≥ 0x80 mark errors.
 */
function pairOf(bytes: Uint8Array, header: Header, tree: Record<string, unknown>): PairHint | null {
  const family = 'mqtt';
  const id = typeof tree.packetId === 'number' ? `id ${tree.packetId}` : null;
  const reasonAt = header.bodyStart + 2;
  const failed = header.length > 2 && bytes[reasonAt] >= 0x80;
  switch (header.type) {
    case 1: return { family, key: 'connect', role: 'request', method: 'CONNECT' };
    case 2: return { family, key: 'connect', role: 'response', ...(bytes[header.bodyStart + 1] !== 0 && { error: true }) };
    case 3: {
      const qos = (header.flags >> 1) & 3;
      return id && qos > 0 ? { family, key: id, role: 'request', method: `PUBLISH qos${qos}`, ...(qos === 2 && { stream: true }) } : null;
    }
    case 4: return id ? { family, key: id, role: 'response', ...(failed && { error: true }) } : null;
    case 5: return id ? { family, key: id, role: 'stream', ...(failed && { error: true }) } : null;
    case 6: return id ? { family, key: id, role: 'stream', by: 'requester' } : null;
    case 7: return id ? { family, key: id, role: 'end', ...(failed && { error: true }) } : null;
    case 8: return id ? { family, key: id, role: 'request', method: 'SUBSCRIBE' } : null;
    case 10: return id ? { family, key: id, role: 'request', method: 'UNSUBSCRIBE' } : null;
    case 9: case 11: {
      const codes = (tree.returnCodes ?? tree.reasonCodes) as unknown[] | undefined;
      // `qos1`, `failure` (3.1.1), `0x00 Success`, `0x87 Not authorized` (5).
      const refused = Array.isArray(codes) && codes.some((c) => c === 'failure' || (typeof c === 'string' && /^0x[89a-f]/.test(c)));
      return id ? { family, key: id, role: 'response', ...(refused && { error: true }) } : null;
    }
    case 12: return { family, key: 'ping', role: 'request', method: 'PINGREQ' };
    case 13: return { family, key: 'ping', role: 'response' };
    default: return null;
  }
}

/** Fixed header at `pos`: type, flags, remaining length; 'short' when the frame ends inside it. */
function readHeader(bytes: Uint8Array, pos: number): Header | 'short' | 'invalid' {
  const type = bytes[pos] >> 4;
  const flags = bytes[pos] & 0x0f;
  if (type === 0) return 'invalid';
  if (type === 3 ? ((flags >> 1) & 3) === 3 : flags !== (FLAGS_0010.has(type) ? 2 : 0)) return 'invalid';
  let length = 0;
  for (let i = 1; i <= 4; i++) {
    if (pos + i >= bytes.length) return 'short';
    const b = bytes[pos + i];
    length += (b & 0x7f) * 128 ** (i - 1);
    if ((b & 0x80) === 0) return { type, flags, length, bodyStart: pos + i + 1 };
  }
  return 'invalid';
}

function parsePacket(bytes: Uint8Array, header: Header, session: Map<string, unknown> | undefined) {
  const { version, known } = versionFor(bytes, header, session);
  const reader = new ByteReader(bytes, header.bodyStart, header.bodyStart + header.length);
  const parsed = BODY_PARSERS[header.type](reader, header.flags, version);
  if (reader.remaining > 0) reader.fail(`${reader.remaining} unexpected bytes after ${PACKET_NAMES[header.type]}`);
  if (header.type === 1) session?.set(SESSION_KEY, (parsed.tree as { protocolLevel: number }).protocolLevel);
  return { ...parsed, version, versionKnown: known };
}

/**
 * The protocol level to read a packet with: CONNECT says it; else the session's CONNECT; else
 * MQTT 5 when the packet only parses that way or parses both ways and looks like it (a PUBLISH
 * whose payload would start with a zero byte is taken as an empty MQTT 5 property list), else 3.1.1.
 */
function versionFor(bytes: Uint8Array, header: Header, session: Map<string, unknown> | undefined): { version: number; known: boolean } {
  if (header.type === 1) return { version: connectLevel(bytes, header), known: true };
  const remembered = session?.get(SESSION_KEY);
  if (typeof remembered === 'number') return { version: remembered, known: true };
  if (header.type === 15) return { version: 5, known: true };
  const parsesAs = (version: number) => {
    try {
      const reader = new ByteReader(bytes, header.bodyStart, header.bodyStart + header.length);
      BODY_PARSERS[header.type](reader, header.flags, version);
      return reader.remaining === 0;
    } catch (e) {
      if (e instanceof ReadError) return false;
      throw e;
    }
  };
  const v5 = parsesAs(5);
  const v4 = parsesAs(4);
  if (v5 && v4 && header.type === 3) return { version: publishLooksV5(bytes, header) ? 5 : 4, known: false };
  return { version: v5 && !v4 ? 5 : 4, known: false };
}

function connectLevel(bytes: Uint8Array, header: Header): number {
  const nameLength = (bytes[header.bodyStart] << 8) | bytes[header.bodyStart + 1];
  return bytes[header.bodyStart + 2 + nameLength] ?? 4;
}

function publishLooksV5(bytes: Uint8Array, header: Header): boolean {
  const topicLength = (bytes[header.bodyStart] << 8) | bytes[header.bodyStart + 1];
  const afterId = header.bodyStart + 2 + topicLength + (((header.flags >> 1) & 3) > 0 ? 2 : 0);
  return bytes[afterId] === 0 || afterId >= header.bodyStart + header.length;
}

function versionNote(parsed: { version: number; versionKnown: boolean }): Record<string, unknown> {
  return { version: VERSION_NAMES[parsed.version] + (parsed.versionKnown ? '' : ' (inferred; decode the CONNECT first to be sure)') };
}

function describePartial(bytes: Uint8Array, pos: number, header: Header | null) {
  const name = PACKET_NAMES[bytes[pos] >> 4];
  const have = bytes.length - pos;
  const detail = header ? `${have} of ${header.bodyStart - pos + header.length} bytes` : 'header only';
  return {
    summary: `${name} (partial: ${detail}; the rest is in the next frames)`,
    tree: { packet: name, partial: true, have, ...(header && { total: header.bodyStart - pos + header.length }), bytes: bytesLeaf(bytes.subarray(pos)) },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const all = new Uint8Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  return all;
}

function continuation(bytes: Uint8Array): DecodeResult {
  return ok('mqtt', `MQTT continuation (${byteCount(bytes.length)}): part of a packet split across frames`, {
    continuation: true,
    bytes: bytesLeaf(bytes),
    note: 'Does not start with an MQTT fixed header: the middle or end of a packet whose start was in an earlier frame.',
  });
}

function startsWithConnect(bytes: Uint8Array): boolean {
  const header = readHeader(bytes, 0);
  if (header === 'short' || header === 'invalid' || header.type !== 1) return false;
  const name = String.fromCharCode(...bytes.subarray(header.bodyStart + 2, header.bodyStart + 8));
  return name.startsWith('MQTT') || name === 'MQIsdp';
}

/** A PUBLISH payload goes on to content decoding as text when it is UTF-8. */
function publishPayload(payload: Uint8Array): Uint8Array | string {
  const text = decodeUtf8(payload);
  return text.ok ? text.text : payload;
}
