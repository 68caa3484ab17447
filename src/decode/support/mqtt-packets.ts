/**
 * The variable header and payload of each MQTT control packet, for protocol levels 3 (3.1),
 * 4 (3.1.1) and 5. Each parser reads exactly one packet body and returns its tree and summary.
 */
import { ByteReader } from './byte-reader';
import { byteCount, textPreview } from './preview';
import { connackV3Name, mqttBinary, mqttString, readProperties, reasonName, subackV3Name } from './mqtt-fields';
import { bytesLeaf } from './tree';
import { decodeUtf8, looksLikeText } from './utf8';

export const PACKET_NAMES = ['', 'CONNECT', 'CONNACK', 'PUBLISH', 'PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP', 'SUBSCRIBE', 'SUBACK', 'UNSUBSCRIBE', 'UNSUBACK', 'PINGREQ', 'PINGRESP', 'DISCONNECT', 'AUTH'];
export const VERSION_NAMES: Record<number, string> = { 3: '3.1', 4: '3.1.1', 5: '5' };

export interface ParsedPacket {
  tree: Record<string, unknown>;
  summary: string;
  /** PUBLISH payload, for decoding what it carries. */
  payload?: Uint8Array;
}

type BodyParser = (r: ByteReader, flags: number, version: number) => ParsedPacket;

export const BODY_PARSERS: Record<number, BodyParser> = {
  1: connect, 2: connack, 3: publish, 4: ack, 5: ack, 6: ack, 7: ack, 8: subscribe, 9: suback,
  10: unsubscribe, 11: unsuback, 12: empty, 13: empty, 14: reasonOnly, 15: reasonOnly,
};

function connect(r: ByteReader): ParsedPacket {
  const protocolName = mqttString(r, 'protocol name');
  const level = r.u8('protocol level');
  const flagsAt = r.pos;
  const flags = r.u8('connect flags');
  if (flags & 1) r.fail('reserved connect flag set', flagsAt);
  const keepAlive = r.u16('keep alive');
  const tree: Record<string, unknown> = { protocolName, protocolLevel: level, version: VERSION_NAMES[level] ?? `level ${level}`, cleanStart: Boolean(flags & 2), keepAlive };
  if (level === 5) tree.properties = readProperties(r);
  tree.clientId = mqttString(r, 'client identifier');
  if (flags & 4) {
    const will: Record<string, unknown> = { qos: (flags >> 3) & 3, retain: Boolean(flags & 0x20) };
    if (level === 5) will.properties = readProperties(r);
    will.topic = mqttString(r, 'will topic');
    will.payload = payloadLeaf(mqttBinary(r, 'will payload'));
    tree.will = will;
  }
  if (flags & 0x80) tree.username = mqttString(r, 'user name');
  if (flags & 0x40) tree.password = bytesLeaf(mqttBinary(r, 'password'));
  const parts = [String(tree.clientId) || '""', `v${String(tree.version)}`, `keepalive=${keepAlive}`];
  if (flags & 2) parts.push('clean');
  if (tree.username !== undefined) parts.push(`user=${String(tree.username)}`);
  if (tree.will) parts.push(`will=${String((tree.will as { topic: string }).topic)}`);
  return { tree, summary: parts.join(' ') };
}

function connack(r: ByteReader, _flags: number, version: number): ParsedPacket {
  const sessionPresent = Boolean(r.u8('acknowledge flags') & 1);
  const code = r.u8('return code');
  const tree: Record<string, unknown> = { sessionPresent };
  let result: string;
  if (version === 5) {
    result = reasonName(code);
    tree.reasonCode = result;
    tree.properties = readProperties(r);
  } else {
    result = connackV3Name(code);
    tree.returnCode = `${code} ${result}`;
  }
  return { tree, summary: `${result}${sessionPresent ? ' session-present' : ''}` };
}

function publish(r: ByteReader, flags: number, version: number): ParsedPacket {
  const qos = (flags >> 1) & 3;
  const topic = mqttString(r, 'topic name');
  const tree: Record<string, unknown> = { topic, qos, retain: Boolean(flags & 1), dup: Boolean(flags & 8) };
  if (qos > 0) tree.packetId = r.u16('packet identifier');
  if (version === 5) tree.properties = readProperties(r);
  const payload = r.rest();
  tree.payload = payloadLeaf(payload);
  const alias = (tree.properties as { topicAlias?: number } | undefined)?.topicAlias;
  const parts = [topic || (alias !== undefined ? `alias=${alias}` : '""'), `qos${qos}`];
  if (qos > 0) parts.push(`id=${String(tree.packetId)}`);
  if (flags & 1) parts.push('retain');
  if (flags & 8) parts.push('dup');
  parts.push(payloadPreview(payload));
  return { tree, summary: parts.join(' '), payload };
}

/** PUBACK, PUBREC, PUBREL, PUBCOMP. In MQTT 5 the reason code and properties are optional. */
function ack(r: ByteReader, _flags: number, version: number): ParsedPacket {
  const packetId = r.u16('packet identifier');
  const tree: Record<string, unknown> = { packetId };
  let reason = '';
  if (version === 5 && r.remaining > 0) {
    const code = r.u8('reason code');
    tree.reasonCode = reasonName(code);
    if (code !== 0) reason = ` ${reasonName(code)}`;
    if (r.remaining > 0) tree.properties = readProperties(r);
  }
  return { tree, summary: `id=${packetId}${reason}` };
}

function subscribe(r: ByteReader, _flags: number, version: number): ParsedPacket {
  const packetId = r.u16('packet identifier');
  const tree: Record<string, unknown> = { packetId };
  if (version === 5) tree.properties = readProperties(r);
  const subscriptions: Record<string, unknown>[] = [];
  do {
    const topic = mqttString(r, 'topic filter');
    const at = r.pos;
    const options = r.u8('subscription options');
    if ((options & 3) === 3 || options & (version === 5 ? 0xc0 : 0xfc)) r.fail(`invalid subscription options 0x${options.toString(16)}`, at);
    const sub: Record<string, unknown> = { topic, qos: options & 3 };
    if (version === 5) Object.assign(sub, { noLocal: Boolean(options & 4), retainAsPublished: Boolean(options & 8), retainHandling: (options >> 4) & 3 });
    subscriptions.push(sub);
  } while (r.remaining > 0);
  tree.subscriptions = subscriptions;
  return { tree, summary: `id=${packetId} ${subscriptions.map((s) => `${String(s.topic)} qos${String(s.qos)}`).join(', ')}` };
}

function suback(r: ByteReader, _flags: number, version: number): ParsedPacket {
  const packetId = r.u16('packet identifier');
  const tree: Record<string, unknown> = { packetId };
  if (version === 5) tree.properties = readProperties(r);
  const codes = Array.from(r.rest(), (c) => (version === 5 ? (c <= 2 ? `qos${c}` : reasonName(c)) : subackV3Name(c)));
  if (codes.length === 0) r.fail('SUBACK without return codes');
  tree.returnCodes = codes;
  return { tree, summary: `id=${packetId} ${codes.join(', ')}` };
}

function unsubscribe(r: ByteReader, _flags: number, version: number): ParsedPacket {
  const packetId = r.u16('packet identifier');
  const tree: Record<string, unknown> = { packetId };
  if (version === 5) tree.properties = readProperties(r);
  const topics: string[] = [];
  do topics.push(mqttString(r, 'topic filter')); while (r.remaining > 0);
  tree.topics = topics;
  return { tree, summary: `id=${packetId} ${topics.join(', ')}` };
}

function unsuback(r: ByteReader, _flags: number, version: number): ParsedPacket {
  const packetId = r.u16('packet identifier');
  const tree: Record<string, unknown> = { packetId };
  if (version === 5) {
    tree.properties = readProperties(r);
    tree.reasonCodes = Array.from(r.rest(), reasonName);
  }
  return { tree, summary: `id=${packetId}` };
}

function empty(): ParsedPacket {
  return { tree: {}, summary: '' };
}

/** DISCONNECT and AUTH: in MQTT 5 an optional reason code and properties; empty before. */
function reasonOnly(r: ByteReader, _flags: number, version: number): ParsedPacket {
  if (version !== 5 || r.remaining === 0) return empty();
  const code = r.u8('reason code');
  const tree: Record<string, unknown> = { reasonCode: reasonName(code) };
  if (r.remaining > 0) tree.properties = readProperties(r);
  return { tree, summary: code === 0 ? '' : reasonName(code) };
}

/** Payloads: text when readable, else bytes. */
function payloadLeaf(payload: Uint8Array): string {
  const text = decodeUtf8(payload);
  return text.ok && looksLikeText(text.text) ? text.text : bytesLeaf(payload);
}

/** `"hello"` for text, `{"temp":21.5}` for JSON, `(4 B)` for binary. */
function payloadPreview(payload: Uint8Array): string {
  const text = decodeUtf8(payload);
  return text.ok && looksLikeText(text.text) ? textPreview(text.text, 80) : `(${byteCount(payload.length)})`;
}
