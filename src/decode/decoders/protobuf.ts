/**
 * Protobuf without a schema, like `protoc --decode_raw`: field numbers, wire types, values, and a
 * guess for each length-delimited field (printable text, else a nested message, else bytes).
 * Nested guesses stop at depth 8. Guessed from content only for binary frames that parse whole
 * with small field numbers and no groups.
 */
import type { Decoder } from '../types';
import { ReadError } from '../support/byte-reader';
import { fixed32Leaf, fixed64Leaf, likelyValue, readFields, varintLeaf, WIRE_I64, WIRE_LEN, WIRE_SGROUP, WIRE_VARINT, type WireField } from '../support/protobuf-wire';
import { preview } from '../support/preview';
import { fail, failFrom, ok } from '../support/result';
import { bytesLeaf } from '../support/tree';
import { decodeUtf8 } from '../support/utf8';

export const MAX_PROTOBUF_DEPTH = 8;
/** Guessing: real schemas rarely number fields this high; random bytes often do. */
const MAX_GUESSED_FIELD = 1000;

export const protobufDecoder: Decoder = {
  id: 'protobuf',
  label: 'Protobuf (no schema)',
  affinity: (connection) => (/proto/i.test(connection.protocol) ? 0.4 : 0),
  decode(input, context) {
    if (input.text !== null && context.guessing) return null;
    let fields: WireField[];
    try {
      fields = readFields(input.bytes);
    } catch (e) {
      return context.guessing ? null : failFrom('protobuf', e);
    }
    if (context.guessing && !plausible(fields)) return null;
    if (fields.length === 0 && !context.guessing) return fail('protobuf', 'empty message');
    const tree = describeFields(fields, 1);
    return ok('protobuf', `protobuf ${summarize(tree)}`, tree);
  },
};

function plausible(fields: WireField[]): boolean {
  return fields.length > 0 && fields.every((f) => f.wire !== WIRE_SGROUP && f.field <= MAX_GUESSED_FIELD);
}

/** `{ "1:varint": 150, "2:string": "hi", "3:message": {…} }`; repeated fields become arrays. */
export function describeFields(fields: WireField[], depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const repeated = new Set<string>();
  for (const f of fields) {
    const [kind, value] = describeField(f, depth);
    const key = `${f.field}:${kind}`;
    if (!Object.hasOwn(out, key)) out[key] = value;
    else if (repeated.has(key)) (out[key] as unknown[]).push(value);
    else { out[key] = [out[key], value]; repeated.add(key); }
  }
  return out;
}

function describeField(f: WireField, depth: number): [string, unknown] {
  if (f.wire === WIRE_VARINT) return ['varint', varintLeaf(f.value)];
  if (f.wire === WIRE_SGROUP) return ['group', depth < MAX_PROTOBUF_DEPTH ? describeFields(f.fields, depth + 1) : '<nested too deep>'];
  if (f.wire === WIRE_I64) return ['fixed64', fixed64Leaf(f.bytes)];
  if (f.wire !== WIRE_LEN) return ['fixed32', fixed32Leaf(f.bytes)];
  return describeLength(f.bytes, depth);
}

/** What a length-delimited field most likely holds. */
function describeLength(bytes: Uint8Array, depth: number): [string, unknown] {
  if (bytes.length === 0) return ['string', ''];
  const text = decodeUtf8(bytes);
  if (text.ok && isPrintable(text.text)) return ['string', text.text];
  if (depth < MAX_PROTOBUF_DEPTH) {
    try {
      const inner = readFields(bytes);
      if (inner.length > 0) return ['message', describeFields(inner, depth + 1)];
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
    }
  }
  return ['bytes', bytesLeaf(bytes)];
}

function isPrintable(text: string): boolean {
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text);
}

/** `1=150 2="hi" 3={1=1}`; fixed fields show their likelier reading. */
function summarize(tree: unknown): string {
  const text = preview(likelyOnly(tree, 0), 190);
  return text.replace(/"(\d+):[a-z0-9]+":/g, '$1=');
}

/** The tree with each fixed32/fixed64 leaf replaced by its likelier reading (depth as in describeFields). */
function likelyOnly(tree: unknown, depth: number): unknown {
  if (Array.isArray(tree)) return tree.map((item) => likelyOnly(item, depth));
  if (typeof tree !== 'object' || tree === null || depth > MAX_PROTOBUF_DEPTH + 1) return tree;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    const fixed = /:fixed(32|64)$/.test(key);
    out[key] = fixed ? (Array.isArray(value) ? value.map((v) => likelyValue(v as Record<string, unknown>)) : likelyValue(value as Record<string, unknown>)) : likelyOnly(value, depth + 1);
  }
  return out;
}
