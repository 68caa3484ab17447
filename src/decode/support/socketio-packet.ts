/**
 * Socket.IO packets (protocol v5, socket.io 3/4; v4 is the same on the wire for these), from the
 * text encoding `<type>[<attachments>-][<nsp>,][<id>][<json>]` or from socket.io-msgpack-parser's
 * `{ type, nsp, data, id }` maps.
 */
import { isRecord, parseJson } from './payload';
import { preview } from './preview';
import { setKey, toTree } from './tree';

export const PACKET_TYPES = ['CONNECT', 'DISCONNECT', 'EVENT', 'ACK', 'CONNECT_ERROR', 'BINARY_EVENT', 'BINARY_ACK'] as const;

export interface SocketIOPacket {
  type: (typeof PACKET_TYPES)[number];
  nsp: string;
  id?: number;
  attachments?: number;
  data?: unknown;
}

export type PacketParse = { ok: true; packet: SocketIOPacket } | { ok: false; error: string };

/** Parses the text after engine.io's `4`. Positions in errors count from the start of that text. */
export function parseTextPacket(text: string): PacketParse {
  const typeCode = text.charCodeAt(0) - 48;
  if (!(typeCode >= 0 && typeCode <= 6)) return { ok: false, error: `unknown socket.io packet type ${JSON.stringify(text[0] ?? '')} at position 0` };
  const type = PACKET_TYPES[typeCode];
  let i = 1;
  const packet: SocketIOPacket = { type, nsp: '/' };
  if (type === 'BINARY_EVENT' || type === 'BINARY_ACK') {
    const dash = text.indexOf('-', i);
    const count = text.slice(i, dash);
    if (dash < 0 || !/^\d{1,6}$/.test(count)) return { ok: false, error: `binary packet without an attachment count at position ${i}` };
    packet.attachments = Number(count);
    i = dash + 1;
  }
  if (text[i] === '/') {
    const comma = text.indexOf(',', i);
    const end = comma < 0 ? text.length : comma;
    packet.nsp = text.slice(i, end);
    i = comma < 0 ? end : end + 1;
  }
  const id = /^\d{1,15}/.exec(text.slice(i, i + 16));
  if (id) {
    packet.id = Number(id[0]);
    i += id[0].length;
  }
  if (i < text.length) {
    const parsed = parseJson(text.slice(i));
    if (!parsed.ok) return { ok: false, error: `payload at position ${i}: ${parsed.error}` };
    packet.data = parsed.value;
  }
  const invalid = payloadProblem(packet);
  return invalid ? { ok: false, error: invalid } : { ok: true, packet };
}

/** A socket.io-msgpack-parser packet, already decoded from MessagePack. */
export function packetFromMsgpack(value: unknown): PacketParse {
  if (!isRecord(value)) return { ok: false, error: 'not a map' };
  const { type, nsp, data, id } = value;
  if (!Number.isInteger(type) || (type as number) < 0 || (type as number) > 6) return { ok: false, error: `invalid packet type ${String(type)}` };
  if (typeof nsp !== 'string') return { ok: false, error: 'namespace (nsp) is not a string' };
  if (Object.keys(value).some((k) => !['type', 'nsp', 'data', 'id', 'options'].includes(k))) return { ok: false, error: 'unexpected keys for a socket.io packet' };
  const packet: SocketIOPacket = { type: PACKET_TYPES[type as number], nsp };
  if (data !== undefined) packet.data = withoutUndefinedKeys(data, 0);
  if (typeof id === 'number') packet.id = id;
  const invalid = payloadProblem(packet);
  return invalid ? { ok: false, error: invalid } : { ok: true, packet };
}

/**
 * notepack encodes an object key set to `undefined` (the server's CONNECT reply `{ sid, pid }`
 * without connection-state recovery; CONNECT_ERROR's `data`), where the JSON parser drops it:
 * drop it too, so both parsers show the same packet. `undefined` in an array is a real argument
 * and stays.
 */
function withoutUndefinedKeys(value: unknown, depth: number): unknown {
  if (depth > 64 || typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map((item) => withoutUndefinedKeys(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) setKey(out, key, withoutUndefinedKeys(item, depth + 1));
  return out;
}

/** The payload rules socket.io-parser enforces, per packet type. */
function payloadProblem(p: SocketIOPacket): string | null {
  const d = p.data;
  switch (p.type) {
    case 'CONNECT': return d === undefined || isRecord(d) ? null : 'CONNECT payload must be an object';
    case 'DISCONNECT': return d === undefined ? null : 'DISCONNECT has no payload';
    case 'CONNECT_ERROR': return typeof d === 'string' || isRecord(d) ? null : 'CONNECT_ERROR payload must be an object or string';
    case 'EVENT': case 'BINARY_EVENT':
      return Array.isArray(d) && d.length > 0 && (typeof d[0] === 'string' || typeof d[0] === 'number') ? null : 'EVENT payload must be [name, ...args]';
    default: return Array.isArray(d) ? null : 'ACK payload must be an array';
  }
}

/** The tree for a packet: placeholders for binary attachments are spelled out. */
export function packetTree(p: SocketIOPacket, encoding: 'text' | 'msgpack'): Record<string, unknown> {
  const tree: Record<string, unknown> = { type: p.type, nsp: p.nsp, encoding };
  if (p.id !== undefined) tree.ackId = p.id;
  if (p.attachments !== undefined) tree.attachments = p.attachments;
  if (p.type === 'EVENT' || p.type === 'BINARY_EVENT') {
    const [name, ...args] = toTree(p.data) as unknown[];
    tree.event = name;
    tree.args = describePlaceholders(args);
  } else if (p.data !== undefined) {
    tree.data = describePlaceholders(toTree(p.data));
  }
  return tree;
}

/** `socket.io EVENT chat ["hi"] ack 3`, `socket.io /admin ACK 0 [...]`. */
export function packetSummary(p: SocketIOPacket, tree: Record<string, unknown>): string {
  const parts = ['socket.io'];
  if (p.nsp !== '/' || p.type === 'CONNECT' || p.type === 'DISCONNECT') parts.push(p.nsp);
  parts.push(p.type);
  if (p.type === 'EVENT' || p.type === 'BINARY_EVENT') {
    parts.push(String(tree.event), preview(tree.args, 120));
    if (p.id !== undefined) parts.push(`ack ${p.id}`);
  } else {
    if (p.id !== undefined) parts.push(String(p.id));
    if (tree.data !== undefined) parts.push(preview(tree.data, 120));
  }
  if (p.attachments) parts.push(`+${p.attachments} binary attachment${p.attachments === 1 ? '' : 's'} in the next frame${p.attachments === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** Works on a JSON-safe tree (so no typed arrays pass for objects); trees are depth-capped. */
function describePlaceholders(value: unknown): unknown {
  if (isRecord(value) && value._placeholder === true && typeof value.num === 'number') return `<binary attachment ${value.num}>`;
  if (Array.isArray(value)) return value.map(describePlaceholders);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describePlaceholders(v)]));
  return value;
}
