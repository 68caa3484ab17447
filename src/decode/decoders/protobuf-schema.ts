/**
 * Protobuf with a user-supplied `.proto`: field names, enums, maps, packed fields.
 *
 * protobufjs parses the schema and resolves types; the bytes are decoded here from its reflection
 * objects rather than by `Type.decode`, because protobufjs generates its decoders with
 * `new Function`, which the extension pages' Content Security Policy forbids.
 */
import protobuf from 'protobufjs';
import type { Decoder } from '../types';
import { ByteReader, ReadError } from '../support/byte-reader';
import { fixed32Leaf, readFields, WIRE_I32, WIRE_I64, WIRE_LEN, WIRE_SGROUP, WIRE_VARINT, type WireField } from '../support/protobuf-wire';
import { preview } from '../support/preview';
import { fail, failFrom, ok } from '../support/result';
import { bytesLeaf, setKey } from '../support/tree';
import { decodeUtf8 } from '../support/utf8';
import { describeFields } from './protobuf';

const MAX_DEPTH = 64;

/** What error messages need from a field (Field and MapField share no usable base type). */
type Named = { name: string; type: string };

export type SchemaResult = { ok: true; root: protobuf.Root; messageTypes: string[] } | { ok: false; error: string };

/** Parses `.proto` text; lists its message types by full name (`chat.Message`). */
export function parseProtoSchema(source: string): SchemaResult {
  try {
    const { root } = protobuf.parse(source, { keepCase: true });
    root.resolveAll();
    return { ok: true, root, messageTypes: listMessageTypes(root) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** A decoder for one message type of a schema, e.g. to register as a connection's override. */
export function createProtobufSchemaDecoder(source: string, typeName: string): Decoder | { error: string } {
  const schema = parseProtoSchema(source);
  if (!schema.ok) return { error: schema.error };
  let type: protobuf.Type;
  try {
    type = schema.root.lookupType(typeName);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  return {
    id: `protobuf:${type.fullName.replace(/^\./, '')}`,
    label: `Protobuf ${type.name}`,
    affinity: () => 0,
    decode: (input) => decodeWithType(input.bytes, type),
  };
}

export function decodeWithType(bytes: Uint8Array, type: protobuf.Type) {
  const format = 'protobuf-schema';
  try {
    const tree = decodeMessage(bytes, 0, bytes.length, type, 0);
    return ok(format, `${type.name} ${preview(tree, 190 - type.name.length)}`, tree);
  } catch (e) {
    if (e instanceof ReadError || e instanceof SchemaMismatch) return failFrom(format, e);
    return fail(format, e instanceof Error ? e.message : String(e));
  }
}

class SchemaMismatch extends ReadError {}

function decodeMessage(bytes: Uint8Array, start: number, end: number, type: protobuf.Type, depth: number): Record<string, unknown> {
  if (depth > MAX_DEPTH) throw new SchemaMismatch(`${type.name} nested deeper than ${MAX_DEPTH}`, start);
  return decodeFieldList(readFields(bytes, start, end), bytes, type, depth);
}

function decodeFieldList(fields: WireField[], bytes: Uint8Array, type: protobuf.Type, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const unknown: WireField[] = [];
  for (const wire of fields) {
    const field = type.fieldsById[wire.field];
    if (!field) { unknown.push(wire); continue; }
    const values = decodeField(wire, field, bytes, depth);
    if (field.map) {
      const map = (out[field.name] ??= {}) as Record<string, unknown>;
      for (const [k, v] of values as [string, unknown][]) setKey(map, k, v);
    } else if (field.repeated) {
      ((out[field.name] ??= []) as unknown[]).push(...values);
    } else if (values.length > 0) {
      // A singular field seen twice keeps the last value; an empty packed run sets nothing.
      setKey(out, field.name, values[values.length - 1]);
    }
  }
  if (unknown.length) out['<unknown fields>'] = describeFields(unknown, 1);
  return out;
}

/** One wire field's values (several when packed; [key, value] pairs for a map entry). */
function decodeField(wire: WireField, field: protobuf.Field, bytes: Uint8Array, depth: number): unknown[] {
  const resolved = field.resolvedType;
  if (field.map) return [mapEntry(wire, field as unknown as protobuf.MapField, bytes, depth)];
  if (resolved instanceof protobuf.Type) {
    if (wire.wire === WIRE_SGROUP) return [decodeFieldList(wire.fields, bytes, resolved, depth + 1)];
    expectWire(wire, WIRE_LEN, field);
    return [decodeMessage(bytes, (wire as { start: number }).start, (wire as { start: number }).start + (wire as { bytes: Uint8Array }).bytes.length, resolved, depth + 1)];
  }
  const scalar = resolved instanceof protobuf.Enum ? 'enum' : field.type;
  if (wire.wire === WIRE_LEN && scalar !== 'string' && scalar !== 'bytes') return packed(wire, scalar, resolved, field);
  return [scalarValue(wire, scalar, resolved, field)];
}

function mapEntry(wire: WireField, field: protobuf.MapField, bytes: Uint8Array, depth: number): [string, unknown] {
  expectWire(wire, WIRE_LEN, field);
  const entry = (wire as { bytes: Uint8Array; start: number });
  let key: unknown = '';
  let value: unknown = null;
  for (const part of readFields(bytes, entry.start, entry.start + entry.bytes.length)) {
    if (part.field === 1) key = scalarValue(part, field.keyType, null, field);
    else if (part.field === 2) {
      const resolved = field.resolvedType;
      if (resolved instanceof protobuf.Type) {
        expectWire(part, WIRE_LEN, field);
        const p = part as { bytes: Uint8Array; start: number };
        value = decodeMessage(bytes, p.start, p.start + p.bytes.length, resolved, depth + 1);
      } else value = scalarValue(part, resolved instanceof protobuf.Enum ? 'enum' : field.type, resolved, field);
    }
  }
  return [String(key), value];
}

const WIRE_OF: Record<string, number> = {
  double: WIRE_I64, fixed64: WIRE_I64, sfixed64: WIRE_I64, float: WIRE_I32, fixed32: WIRE_I32, sfixed32: WIRE_I32,
  string: WIRE_LEN, bytes: WIRE_LEN,
};

function scalarValue(wire: WireField, scalar: string, resolved: protobuf.Type | protobuf.Enum | null, field: Named): unknown {
  expectWire(wire, WIRE_OF[scalar] ?? WIRE_VARINT, field);
  if (wire.wire === WIRE_VARINT) return varintValue(wire.value, scalar, resolved);
  const bytes = (wire as { bytes: Uint8Array }).bytes;
  if (scalar === 'bytes') return bytesLeaf(bytes);
  if (scalar === 'string') {
    const text = decodeUtf8(bytes);
    if (!text.ok) throw new SchemaMismatch(`field ${field.name}: invalid UTF-8`, (wire as { start: number }).start + text.offset);
    return text.text;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  switch (scalar) {
    case 'double': return finite(view.getFloat64(0, true));
    case 'float': return finite(view.getFloat32(0, true));
    case 'fixed64': return int64(view.getBigUint64(0, true));
    case 'sfixed64': return int64(view.getBigInt64(0, true));
    case 'sfixed32': return view.getInt32(0, true);
    default: return fixed32Leaf(bytes).u32;
  }
}

function varintValue(raw: number | bigint, scalar: string, resolved: protobuf.Type | protobuf.Enum | null): unknown {
  const big = BigInt(raw);
  switch (scalar) {
    case 'bool': return big !== 0n;
    case 'uint64': return int64(big);
    case 'uint32': return Number(BigInt.asUintN(32, big));
    case 'int64': return int64(BigInt.asIntN(64, big));
    case 'sint32': case 'sint64': return int64((big >> 1n) ^ -(big & 1n));
    case 'enum': {
      const n = Number(BigInt.asIntN(32, big));
      return (resolved as protobuf.Enum).valuesById[n] ?? n;
    }
    default: return Number(BigInt.asIntN(32, big)); // int32
  }
}

function packed(wire: WireField, scalar: string, resolved: protobuf.Type | protobuf.Enum | null, field: Named): unknown[] {
  const w = wire as { bytes: Uint8Array; start: number };
  const reader = new ByteReader(w.bytes);
  const values: unknown[] = [];
  const size = WIRE_OF[scalar] === WIRE_I64 ? 8 : WIRE_OF[scalar] === WIRE_I32 ? 4 : 0;
  while (reader.remaining > 0) {
    if (size === 0) {
      values.push(varintValue(reader.varint(`packed ${field.name}`), scalar, resolved));
    } else {
      const start = w.start + reader.pos;
      const bytes = reader.take(size, `packed ${field.name}`);
      values.push(scalarValue({ field: wire.field, wire: size === 8 ? WIRE_I64 : WIRE_I32, offset: start, start, bytes }, scalar, resolved, field));
    }
  }
  return values;
}

function expectWire(wire: WireField, expected: number, field: Named): void {
  if (wire.wire !== expected) throw new SchemaMismatch(`field ${field.name} (${field.type}) has wire type ${wire.wire}, expected ${expected}`, wire.offset);
}

function int64(n: bigint): number | string {
  return Number.isSafeInteger(Number(n)) ? Number(n) : n.toString();
}

function finite(n: number): number | string {
  return Number.isFinite(n) ? n : `<${n}>`;
}

function listMessageTypes(namespace: protobuf.NamespaceBase): string[] {
  const names: string[] = [];
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type) names.push(nested.fullName.replace(/^\./, ''));
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) names.push(...listMessageTypes(nested));
  }
  return names;
}

