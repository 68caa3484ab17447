/**
 * MQTT field encodings and the MQTT 5 tables: properties (§2.2.2.2) and reason codes (§2.4),
 * plus the MQTT 3.1.1 CONNACK return codes.
 */
import { ByteReader } from './byte-reader';
import { bytesLeaf, setKey } from './tree';

/** A UTF-8 string with a two-byte length (MQTT §1.5.4). */
export function mqttString(reader: ByteReader, what: string): string {
  return reader.utf8(reader.u16(`${what} length`), what);
}

/** Binary data with a two-byte length (MQTT §1.5.6). */
export function mqttBinary(reader: ByteReader, what: string): Uint8Array {
  return reader.take(reader.u16(`${what} length`), what);
}

/** Variable byte integer: at most 4 bytes (MQTT §1.5.5). */
export function mqttVarint(reader: ByteReader, what: string): number {
  return reader.smallVarint(what, 4);
}

type PropertyType = 'byte' | 'u16' | 'u32' | 'varint' | 'string' | 'binary' | 'pair';

const PROPERTIES: Record<number, [string, PropertyType]> = {
  0x01: ['payloadFormatIndicator', 'byte'], 0x02: ['messageExpiryInterval', 'u32'], 0x03: ['contentType', 'string'],
  0x08: ['responseTopic', 'string'], 0x09: ['correlationData', 'binary'], 0x0b: ['subscriptionIdentifier', 'varint'],
  0x11: ['sessionExpiryInterval', 'u32'], 0x12: ['assignedClientIdentifier', 'string'], 0x13: ['serverKeepAlive', 'u16'],
  0x15: ['authenticationMethod', 'string'], 0x16: ['authenticationData', 'binary'], 0x17: ['requestProblemInformation', 'byte'],
  0x18: ['willDelayInterval', 'u32'], 0x19: ['requestResponseInformation', 'byte'], 0x1a: ['responseInformation', 'string'],
  0x1c: ['serverReference', 'string'], 0x1f: ['reasonString', 'string'], 0x21: ['receiveMaximum', 'u16'],
  0x22: ['topicAliasMaximum', 'u16'], 0x23: ['topicAlias', 'u16'], 0x24: ['maximumQoS', 'byte'],
  0x25: ['retainAvailable', 'byte'], 0x26: ['userProperties', 'pair'], 0x27: ['maximumPacketSize', 'u32'],
  0x28: ['wildcardSubscriptionAvailable', 'byte'], 0x29: ['subscriptionIdentifierAvailable', 'byte'],
  0x2a: ['sharedSubscriptionAvailable', 'byte'],
};

/** An MQTT 5 property list: a varint length, then identifier/value pairs filling exactly that length. */
export function readProperties(reader: ByteReader): Record<string, unknown> {
  const length = mqttVarint(reader, 'properties length');
  reader.need(length, 'properties');
  const props = new ByteReader(reader.bytes, reader.pos, reader.pos + length);
  reader.pos += length;
  const out: Record<string, unknown> = {};
  while (props.remaining > 0) {
    const at = props.pos;
    const id = mqttVarint(props, 'property identifier');
    const known = PROPERTIES[id];
    if (!known) props.fail(`unknown property 0x${id.toString(16)}`, at);
    const [name, type] = known;
    if (type === 'pair') {
      const users = (out.userProperties ??= {}) as Record<string, unknown>;
      const key = mqttString(props, 'user property name');
      const value = mqttString(props, 'user property value');
      const existing = users[key];
      setKey(users, key, existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]);
    } else if (name === 'subscriptionIdentifier') {
      // The one property a PUBLISH may repeat.
      const value = mqttVarint(props, name);
      out[name] = out[name] === undefined ? value : [out[name], value].flat();
    } else {
      if (out[name] !== undefined) props.fail(`property ${name} repeated`, at);
      out[name] = readProperty(props, type, name);
    }
  }
  return out;
}

function readProperty(reader: ByteReader, type: PropertyType, name: string): unknown {
  switch (type) {
    case 'byte': return reader.u8(name);
    case 'u16': return reader.u16(name);
    case 'u32': return reader.u32(name);
    case 'varint': return mqttVarint(reader, name);
    case 'string': return mqttString(reader, name);
    default: return bytesLeaf(mqttBinary(reader, name));
  }
}

const REASONS: Record<number, string> = {
  0x00: 'Success', 0x01: 'Granted QoS 1', 0x02: 'Granted QoS 2', 0x04: 'Disconnect with Will Message',
  0x10: 'No matching subscribers', 0x11: 'No subscription existed', 0x18: 'Continue authentication', 0x19: 'Re-authenticate',
  0x80: 'Unspecified error', 0x81: 'Malformed Packet', 0x82: 'Protocol Error', 0x83: 'Implementation specific error',
  0x84: 'Unsupported Protocol Version', 0x85: 'Client Identifier not valid', 0x86: 'Bad User Name or Password',
  0x87: 'Not authorized', 0x88: 'Server unavailable', 0x89: 'Server busy', 0x8a: 'Banned', 0x8b: 'Server shutting down',
  0x8c: 'Bad authentication method', 0x8d: 'Keep Alive timeout', 0x8e: 'Session taken over', 0x8f: 'Topic Filter invalid',
  0x90: 'Topic Name invalid', 0x91: 'Packet Identifier in use', 0x92: 'Packet Identifier not found',
  0x93: 'Receive Maximum exceeded', 0x94: 'Topic Alias invalid', 0x95: 'Packet too large', 0x96: 'Message rate too high',
  0x97: 'Quota exceeded', 0x98: 'Administrative action', 0x99: 'Payload format invalid', 0x9a: 'Retain not supported',
  0x9b: 'QoS not supported', 0x9c: 'Use another server', 0x9d: 'Server moved', 0x9e: 'Shared Subscriptions not supported',
  0x9f: 'Connection rate exceeded', 0xa0: 'Maximum connect time', 0xa1: 'Subscription Identifiers not supported',
  0xa2: 'Wildcard Subscriptions not supported',
};

/** MQTT 5 reason code with its name, e.g. `0x87 Not authorized`. */
export function reasonName(code: number): string {
  const hex = `0x${code.toString(16).padStart(2, '0')}`;
  return REASONS[code] ? `${hex} ${REASONS[code]}` : `${hex} (unknown)`;
}

const CONNACK_V3 = ['accepted', 'unacceptable protocol version', 'identifier rejected', 'server unavailable', 'bad user name or password', 'not authorized'];

export function connackV3Name(code: number): string {
  return CONNACK_V3[code] ?? `return code ${code} (unknown)`;
}

/** SUBACK return codes of MQTT 3.1.1: granted QoS or failure. */
export function subackV3Name(code: number): string {
  return code <= 2 ? `qos${code}` : code === 0x80 ? 'failure' : `0x${code.toString(16)} (invalid)`;
}
