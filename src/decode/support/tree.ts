/**
 * Turns whatever a decoding library returned into a JSON-safe tree for the details view and for
 * crossing postMessage/JSON boundaries: no bigint, undefined, NaN, byte arrays, Maps or cycles.
 * Depth is capped because tree views and JSON.stringify recurse.
 */
import { hexPreview } from '../../model/bytes';

export const MAX_TREE_DEPTH = 64;
/** Bytes shown in hex for a binary leaf; the length is always given in full. */
const BYTES_SHOWN = 64;

export function toTree(value: unknown, maxDepth = MAX_TREE_DEPTH): unknown {
  return convert(value, maxDepth, new Set());
}

/** A binary leaf as one readable string, e.g. `<3 bytes: 01 02 03>`. */
export function bytesLeaf(bytes: Uint8Array): string {
  return bytes.length === 0 ? '<0 bytes>' : `<${bytes.length} bytes: ${hexPreview(bytes, BYTES_SHOWN)}>`;
}

/** Sets a property even when the key is `__proto__` (plain assignment would change the prototype). */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function convert(value: unknown, depth: number, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string': case 'boolean': return value;
    case 'number': return numberLeaf(value);
    case 'bigint': return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'undefined': return '<undefined>';
    case 'symbol': case 'function': return `<${typeof value}>`;
  }
  if (value === null) return null;
  const object = value as object;
  if (ArrayBuffer.isView(object)) return viewLeaf(object);
  if (object instanceof ArrayBuffer) return bytesLeaf(new Uint8Array(object));
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? '<invalid date>' : object.toISOString();
  if (object instanceof RegExp || object instanceof Error) return String(object);
  if (depth <= 0) return '<nested too deep>';
  if (ancestors.has(object)) return '<circular>';
  ancestors.add(object);
  try {
    return convertContainer(object, depth - 1, ancestors);
  } finally {
    ancestors.delete(object);
  }
}

function convertContainer(object: object, depth: number, ancestors: Set<object>): unknown {
  if (Array.isArray(object)) return object.map((item) => convert(item, depth, ancestors));
  if (object instanceof Set) return [...object].map((item) => convert(item, depth, ancestors));
  if (object instanceof Map) return convertMap(object, depth, ancestors);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) setKey(out, key, convert((object as Record<string, unknown>)[key], depth, ancestors));
  return out;
}

/** Maps with only string or number keys become objects; others a list of key/value pairs. */
function convertMap(map: Map<unknown, unknown>, depth: number, ancestors: Set<object>): unknown {
  const plainKeys = [...map.keys()].every((k) => typeof k === 'string' || typeof k === 'number');
  if (plainKeys) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of map) setKey(out, String(k), convert(v, depth, ancestors));
    return out;
  }
  return [...map].map(([k, v]) => ({ key: convert(k, depth, ancestors), value: convert(v, depth, ancestors) }));
}

function numberLeaf(n: number): number | string {
  if (Number.isFinite(n)) return Object.is(n, -0) ? 0 : n;
  return `<${n}>`;
}

function viewLeaf(view: ArrayBufferView): unknown {
  if (view instanceof Uint8Array || view instanceof DataView || view instanceof Uint8ClampedArray) {
    return bytesLeaf(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
  const items = Array.from(view as unknown as ArrayLike<number | bigint>, (n) => (typeof n === 'bigint' ? convert(n, 0, new Set()) : numberLeaf(n)));
  return items;
}
