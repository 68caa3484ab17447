/**
 * Reads a Yjs document update (the v1 encoding of yjs `src/utils/encoding.js` and
 * `UpdateDecoderV1`: per client a run of structs, then a delete set) far enough to summarise it —
 * which clients, how many items, the text inserted and the map keys set, what was deleted —
 * without building a document. Every count is checked against the bytes left, so the work is
 * linear in the input.
 */
import { ByteReader, ReadError } from './byte-reader';

export interface UpdateSummary {
  /** `client: first clock … last clock (n structs)`. */
  clients: { client: number; clock: number; structs: number }[];
  /** Text inserted (ContentString), joined, cut to TEXT_KEPT characters. */
  text: string;
  /** Keys set on maps (an item's parentSub). */
  keys: string[];
  /** Top-level types the items belong to (`content`, `meta`). */
  types: string[];
  /** Counts by content kind: string, any, json, deleted, type, binary, embed, format, doc, gc, skip. */
  contents: Record<string, number>;
  /** Ranges deleted, summed: `{ client: deleted length }`. */
  deleted: Record<string, number>;
}

const TEXT_KEPT = 200;
const MAX_KEYS = 50;
const CONTENT_NAMES = ['gc', 'deleted', 'json', 'binary', 'string', 'embed', 'format', 'type', 'any', 'doc', 'skip'];
const BIT6 = 32, BIT7 = 64, BIT8 = 128, BITS5 = 31;

/** lib0 varUint: little-endian base 128, at most 53 bits. */
export function varUint(reader: ByteReader, what: string): number {
  return reader.smallVarint(what, 8);
}

/** lib0 varString: a varUint length and UTF-8. */
export function varString(reader: ByteReader, what: string): string {
  const at = reader.pos;
  const length = varUint(reader, `${what} length`);
  if (length > reader.remaining) reader.fail(`${what}: ${length} bytes declared, ${reader.remaining} left`, at);
  return reader.utf8(length, what);
}

/** lib0 varUint8Array: a varUint length and the bytes. */
export function varBytes(reader: ByteReader, what: string): Uint8Array {
  const at = reader.pos;
  const length = varUint(reader, `${what} length`);
  if (length > reader.remaining) reader.fail(`${what}: ${length} bytes declared, ${reader.remaining} left`, at);
  return reader.take(length, what);
}

/** A count that must fit in the bytes left (each counted thing takes at least one byte). */
function count(reader: ByteReader, what: string): number {
  const at = reader.pos;
  const n = varUint(reader, what);
  if (n > reader.remaining) reader.fail(`${what} ${n} is more than the ${reader.remaining} bytes left`, at);
  return n;
}

/** A state vector (sync step 1): `{ client: clock }`. Throws ReadError. */
export function readStateVector(bytes: Uint8Array): Record<string, number> {
  const reader = new ByteReader(bytes);
  const out: Record<string, number> = {};
  const n = count(reader, 'state vector size');
  for (let i = 0; i < n; i++) out[String(varUint(reader, 'client'))] = varUint(reader, 'clock');
  if (reader.remaining) reader.fail(`${reader.remaining} bytes after the state vector`);
  return out;
}

/** Reads a whole v1 update; throws ReadError naming the byte where it breaks. */
export function readUpdate(bytes: Uint8Array): UpdateSummary {
  const reader = new ByteReader(bytes);
  const summary: UpdateSummary = { clients: [], text: '', keys: [], types: [], contents: {}, deleted: {} };
  const groups = count(reader, 'number of clients');
  for (let g = 0; g < groups; g++) {
    const structs = count(reader, 'number of structs');
    const client = varUint(reader, 'client');
    const clock = varUint(reader, 'clock');
    summary.clients.push({ client, clock, structs });
    for (let s = 0; s < structs; s++) readStruct(reader, summary);
  }
  const deleteClients = count(reader, 'delete set size');
  for (let d = 0; d < deleteClients; d++) {
    const client = String(varUint(reader, 'deleted client'));
    const ranges = count(reader, 'deleted ranges');
    for (let r = 0; r < ranges; r++) {
      varUint(reader, 'deleted clock');
      summary.deleted[client] = (summary.deleted[client] ?? 0) + varUint(reader, 'deleted length');
    }
  }
  if (reader.remaining) reader.fail(`${reader.remaining} bytes after the update`);
  return summary;
}

function readStruct(reader: ByteReader, summary: UpdateSummary): void {
  const at = reader.pos;
  const info = reader.u8('struct info');
  const kind = info & BITS5;
  if (kind === 0 || kind === 10) {
    varUint(reader, 'length');
    tally(summary, CONTENT_NAMES[kind]);
    return;
  }
  if (kind > 9) reader.fail(`unknown struct content ${kind}`, at);
  if (info & BIT8) { varUint(reader, 'origin client'); varUint(reader, 'origin clock'); }
  if (info & BIT7) { varUint(reader, 'right origin client'); varUint(reader, 'right origin clock'); }
  if ((info & (BIT7 | BIT8)) === 0) {
    if (varUint(reader, 'parent info') === 1) addUnique(summary.types, varString(reader, 'parent type'));
    else { varUint(reader, 'parent client'); varUint(reader, 'parent clock'); }
    if (info & BIT6) addUnique(summary.keys, varString(reader, 'parent key'));
  }
  readContent(reader, kind, summary);
}

function readContent(reader: ByteReader, kind: number, summary: UpdateSummary): void {
  tally(summary, CONTENT_NAMES[kind]);
  switch (kind) {
    case 1: varUint(reader, 'deleted length'); return;
    case 2: { const n = count(reader, 'JSON items'); for (let i = 0; i < n; i++) varString(reader, 'JSON item'); return; }
    case 3: varBytes(reader, 'binary content'); return;
    case 4: {
      const text = varString(reader, 'string content');
      if (summary.text.length < TEXT_KEPT) summary.text = (summary.text + text).slice(0, TEXT_KEPT);
      return;
    }
    case 5: varString(reader, 'embed'); return;
    case 6: varString(reader, 'format key'); varString(reader, 'format value'); return;
    case 7: { const ref = varUint(reader, 'type ref'); if (ref === 3 || ref === 5) varString(reader, 'XML name'); return; }
    case 8: { const n = count(reader, 'any items'); for (let i = 0; i < n; i++) skipAny(reader, 0); return; }
    default: varString(reader, 'subdocument guid'); skipAny(reader, 0); // 9: ContentDoc
  }
}

/** lib0 `readAny`: a tag byte (127 undefined … 116 Uint8Array) and its value. */
function skipAny(reader: ByteReader, depth: number): void {
  if (depth > 64) reader.fail('value nested too deep');
  const at = reader.pos;
  const tag = reader.u8('value tag');
  switch (tag) {
    case 127: case 126: case 121: case 120: return;
    case 125: readVarIntSkip(reader); return;
    case 124: reader.take(4, 'float32'); return;
    case 123: case 122: reader.take(8, tag === 123 ? 'float64' : 'bigint64'); return;
    case 119: varString(reader, 'string value'); return;
    case 118: { const n = count(reader, 'object size'); for (let i = 0; i < n; i++) { varString(reader, 'key'); skipAny(reader, depth + 1); } return; }
    case 117: { const n = count(reader, 'array size'); for (let i = 0; i < n; i++) skipAny(reader, depth + 1); return; }
    case 116: varBytes(reader, 'bytes value'); return;
    default: reader.fail(`unknown value tag ${tag}`, at);
  }
}

function readVarIntSkip(reader: ByteReader): void {
  for (let i = 0; i < 8; i++) if ((reader.u8('varInt') & BIT8) === 0) return;
  reader.fail('varInt too long');
}

function tally(summary: UpdateSummary, name: string): void {
  summary.contents[name] = (summary.contents[name] ?? 0) + 1;
}

function addUnique(list: string[], value: string): void {
  if (list.length < MAX_KEYS && !list.includes(value)) list.push(value);
}

export { ReadError };
