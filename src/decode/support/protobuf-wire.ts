/**
 * The protobuf wire format without a schema: tags, wire types and raw values. Shared by the
 * schema-less decoder (which guesses what LEN fields hold) and the schema decoder.
 */
import { ByteReader } from './byte-reader';

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_SGROUP = 3;
export const WIRE_EGROUP = 4;
export const WIRE_I32 = 5;
const MAX_FIELD_NUMBER = 2 ** 29 - 1;
/** Groups nest by recursion here; messages inside LEN fields are parsed by the callers, level by level. */
const MAX_GROUP_DEPTH = 8;

export type WireField =
  | { field: number; wire: typeof WIRE_VARINT; offset: number; value: number | bigint }
  | { field: number; wire: typeof WIRE_I64 | typeof WIRE_I32 | typeof WIRE_LEN; offset: number; bytes: Uint8Array; start: number }
  | { field: number; wire: typeof WIRE_SGROUP; offset: number; fields: WireField[] };

/** Reads every field of one message in `bytes[start, end)`; throws ReadError with the offset. */
export function readFields(bytes: Uint8Array, start = 0, end = bytes.length): WireField[] {
  const reader = new ByteReader(bytes, start, end);
  const fields = readUntil(reader, null, 0);
  return fields;
}

function readUntil(reader: ByteReader, group: number | null, depth: number): WireField[] {
  const fields: WireField[] = [];
  while (reader.remaining > 0) {
    const offset = reader.pos;
    const tag = reader.varint('tag', 5);
    if (typeof tag !== 'number' || tag > 0xffffffff) reader.fail('tag too large', offset);
    const wire = Number(tag) % 8;
    const field = Math.floor(Number(tag) / 8);
    if (field === 0 || field > MAX_FIELD_NUMBER) reader.fail(`invalid field number ${field}`, offset);
    if (wire === WIRE_EGROUP) {
      if (group !== field) reader.fail(`end of group ${field} without its start`, offset);
      return fields;
    }
    fields.push(readValue(reader, field, wire, offset, depth));
  }
  if (group !== null) reader.fail(`group ${group} not closed`);
  return fields;
}

function readValue(reader: ByteReader, field: number, wire: number, offset: number, depth: number): WireField {
  switch (wire) {
    case WIRE_VARINT:
      return { field, wire, offset, value: reader.varint(`field ${field} varint`) };
    case WIRE_I64:
    case WIRE_I32: {
      const start = reader.pos;
      return { field, wire, offset, start, bytes: reader.take(wire === WIRE_I64 ? 8 : 4, `field ${field} fixed`) };
    }
    case WIRE_LEN: {
      const length = reader.smallVarint(`field ${field} length`);
      const start = reader.pos;
      return { field, wire, offset, start, bytes: reader.take(length, `field ${field} (${length} bytes)`) };
    }
    case WIRE_SGROUP:
      if (depth >= MAX_GROUP_DEPTH) reader.fail(`groups nested deeper than ${MAX_GROUP_DEPTH}`, offset);
      return { field, wire, offset, fields: readUntil(reader, field, depth + 1) };
    default:
      return reader.fail(`invalid wire type ${wire} for field ${field}`, offset);
  }
}

/** Varint as a number when exact, else a decimal string; values ≥ 2^63 also read as negative int64. */
export function varintLeaf(value: number | bigint): number | string {
  if (typeof value === 'number') return value;
  if (value >= 1n << 63n) return `${value} (${value - (1n << 64n)} as int64)`;
  return value.toString();
}

/**
 * A fixed64 field without a schema: both readings, the likelier one first and named in `likely`.
 * A double is likelier when its exponent gives a number of everyday size (1e-12 ≤ |x| < 1e15);
 * an integer when the high bits are clear (as a double it would be subnormal) or the double
 * would be absurd (NaN, ±Infinity, 1e200). sfixed64 negatives read as u64 ≥ 2^63.
 */
export function fixed64Leaf(bytes: Uint8Array): { likely: 'double' | 'u64'; u64: number | string; double: number | string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const u64 = view.getBigUint64(0, true);
  const double = view.getFloat64(0, true);
  const integer = Number.isSafeInteger(Number(u64)) ? Number(u64) : u64.toString();
  return plausibleFloat(double, 1e-12, 1e15)
    ? { likely: 'double', double, u64: integer }
    : { likely: 'u64', u64: integer, double: finite(double) };
}

/** A fixed32 field without a schema: like fixed64Leaf, a float is likelier for 1e-9 ≤ |x| < 1e9. */
export function fixed32Leaf(bytes: Uint8Array): { likely: 'float' | 'u32'; u32: number; float: number | string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 4);
  const u32 = view.getUint32(0, true);
  const float = view.getFloat32(0, true);
  return plausibleFloat(float, 1e-9, 1e9) ? { likely: 'float', float, u32 } : { likely: 'u32', u32, float: finite(float) };
}

/** The value of the likelier reading of a fixed leaf, for summaries. */
export function likelyValue(leaf: Record<string, unknown>): unknown {
  return typeof leaf.likely === 'string' ? leaf[leaf.likely] : leaf;
}

function plausibleFloat(n: number, min: number, max: number): boolean {
  const size = Math.abs(n);
  return Number.isFinite(n) && size >= min && size < max;
}

function finite(n: number): number | string {
  return Number.isFinite(n) ? n : `<${n}>`;
}
