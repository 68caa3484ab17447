/**
 * MessagePack helpers for protocols that put MessagePack after a header of their own:
 * `msgpackLength` finds where one item ends (so a frame can be read as a sequence of items), and
 * `expandRecords` rewrites msgpackr's inline records into plain maps.
 *
 * msgpackr (Colyseus' client and server) encodes repeated object shapes as records: a definition
 * `d4 72 <id>` followed by an array of keys and then the values, and later in the same message
 * just `<id>` (0x40–0x7f) followed by the values. Every message defines its own records, so they
 * can be expanded one message at a time; @msgpack/msgpack then decodes the result.
 */

const MAX_DEPTH = 64;

/** Length of the item at `pos` (nested items included), or a string saying what is wrong. */
export function msgpackLength(bytes: Uint8Array, pos: number, records: Map<number, number> = new Map(), depth = 0): number | string {
  if (depth > MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels at byte ${pos}`;
  if (pos >= bytes.length) return `truncated: expected a value at byte ${pos}`;
  const b = bytes[pos];
  const head = headerOf(bytes, pos);
  if (typeof head === 'string') return head;
  if (b === 0xd4 && bytes[pos + 1] === 0x72 && pos + 2 < bytes.length) {
    // A record definition: the keys array, then one value per key.
    const keys = msgpackLength(bytes, pos + 3, records, depth + 1);
    if (typeof keys === 'string') return keys;
    const count = arrayCount(bytes, pos + 3);
    if (count === null) return `record ${bytes[pos + 2]} at byte ${pos} is not followed by an array of keys`;
    records.set(bytes[pos + 2], count);
    return itemsLength(bytes, pos + 3 + keys, count, 3 + keys, records, depth);
  }
  if (b >= 0x40 && b <= 0x7f && records.has(b)) return itemsLength(bytes, pos + 1, records.get(b)!, 1, records, depth);
  return itemsLength(bytes, pos + head.size, head.children, head.size, records, depth);
}

function itemsLength(bytes: Uint8Array, start: number, count: number, headSize: number, records: Map<number, number>, depth: number): number | string {
  if (count > bytes.length - start) return `truncated: ${count} items declared at byte ${start - headSize}, ${bytes.length - start} bytes left`;
  let pos = start;
  for (let i = 0; i < count; i++) {
    const n = msgpackLength(bytes, pos, records, depth + 1);
    if (typeof n === 'string') return n;
    pos += n;
  }
  return pos - start + headSize;
}

function arrayCount(bytes: Uint8Array, pos: number): number | null {
  const b = bytes[pos];
  if (b >= 0x90 && b <= 0x9f) return b & 0x0f;
  if (b === 0xdc) return (bytes[pos + 1] << 8) | bytes[pos + 2];
  return null;
}

/** The header size of the item at `pos` and how many items follow inside it (map entries count twice). */
function headerOf(bytes: Uint8Array, pos: number): { size: number; children: number } | string {
  const b = bytes[pos];
  const need = (n: number) => (pos + n > bytes.length ? `truncated: the value at byte ${pos} needs ${n} bytes` : null);
  const uint = (at: number, n: number) => { let v = 0; for (let i = 0; i < n; i++) v = v * 256 + bytes[at + i]; return v; };
  const sized = (lengthBytes: number, extra = 0): { size: number; children: number } | string => {
    const short = need(1 + lengthBytes);
    if (short) return short;
    const size = 1 + lengthBytes + extra + uint(pos + 1, lengthBytes);
    return need(size) ?? { size, children: 0 };
  };
  if (b <= 0x7f || b >= 0xe0 || b === 0xc0 || b === 0xc2 || b === 0xc3) return { size: 1, children: 0 };
  if (b >= 0x80 && b <= 0x8f) return { size: 1, children: (b & 0x0f) * 2 };
  if (b >= 0x90 && b <= 0x9f) return { size: 1, children: b & 0x0f };
  if (b >= 0xa0 && b <= 0xbf) return need(1 + (b & 0x1f)) ?? { size: 1 + (b & 0x1f), children: 0 };
  switch (b) {
    case 0xc4: case 0xd9: return sized(1);
    case 0xc5: case 0xda: return sized(2);
    case 0xc6: case 0xdb: return sized(4);
    case 0xc7: return sized(1, 1);
    case 0xc8: return sized(2, 1);
    case 0xc9: return sized(4, 1);
    case 0xca: case 0xce: case 0xd2: return need(5) ?? { size: 5, children: 0 };
    case 0xcb: case 0xcf: case 0xd3: return need(9) ?? { size: 9, children: 0 };
    case 0xcc: case 0xd0: return need(2) ?? { size: 2, children: 0 };
    case 0xcd: case 0xd1: return need(3) ?? { size: 3, children: 0 };
    case 0xd4: return need(3) ?? { size: 3, children: 0 };
    case 0xd5: return need(4) ?? { size: 4, children: 0 };
    case 0xd6: return need(6) ?? { size: 6, children: 0 };
    case 0xd7: return need(10) ?? { size: 10, children: 0 };
    case 0xd8: return need(18) ?? { size: 18, children: 0 };
    case 0xdc: return need(3) ?? { size: 3, children: uint(pos + 1, 2) };
    case 0xdd: return need(5) ?? { size: 5, children: uint(pos + 1, 4) };
    case 0xde: return need(3) ?? { size: 3, children: uint(pos + 1, 2) * 2 };
    case 0xdf: return need(5) ?? { size: 5, children: uint(pos + 1, 4) * 2 };
    default: return `0xc1 is never used in MessagePack (byte ${pos})`;
  }
}

/**
 * The item at `[start, end)` with msgpackr records written as plain maps; the bytes unchanged
 * when there are none. Call only on bytes `msgpackLength` accepted.
 */
export function expandRecords(bytes: Uint8Array): Uint8Array {
  let found = false;
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i] === 0xd4 && bytes[i + 1] === 0x72) { found = true; break; }
  if (!found) return bytes;
  const out: number[] = [];
  const keys = new Map<number, Uint8Array[]>();
  copyItem(bytes, 0, out, keys, 0, 4 * bytes.length + 1024);
  return Uint8Array.from(out);
}

function copyItem(bytes: Uint8Array, pos: number, out: number[], records: Map<number, Uint8Array[]>, depth: number, limit: number): number {
  const b = bytes[pos];
  if (depth > MAX_DEPTH) throw new Error('nested too deep');
  // Each record reference repeats its keys: cap the expansion so a few bytes cannot cost megabytes.
  if (out.length > limit) throw new Error('msgpackr records expand to more than 4× the message; not expanded');
  if (b === 0xd4 && bytes[pos + 1] === 0x72) {
    const id = bytes[pos + 2];
    const keysStart = pos + 3;
    const count = arrayCount(bytes, keysStart) ?? 0;
    let cursor = keysStart + (bytes[keysStart] === 0xdc ? 3 : 1);
    const names: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const n = msgpackLength(bytes, cursor) as number;
      names.push(bytes.subarray(cursor, cursor + n));
      cursor += n;
    }
    records.set(id, names);
    return copyRecord(bytes, cursor, names, out, records, depth, limit) - pos;
  }
  if (b >= 0x40 && b <= 0x7f && records.has(b)) return copyRecord(bytes, pos + 1, records.get(b)!, out, records, depth, limit) - pos;
  const head = headerOf(bytes, pos) as { size: number; children: number };
  for (let i = 0; i < head.size && head.children > 0; i++) out.push(bytes[pos + i]);
  if (head.children === 0) {
    for (let i = 0; i < head.size; i++) out.push(bytes[pos + i]);
    return head.size;
  }
  let cursor = pos + head.size;
  for (let i = 0; i < head.children; i++) cursor += copyItem(bytes, cursor, out, records, depth + 1, limit);
  return cursor - pos;
}

/** Writes a record's values as a map: `{ key: value, … }`; returns the position after them. */
function copyRecord(bytes: Uint8Array, start: number, names: Uint8Array[], out: number[], records: Map<number, Uint8Array[]>, depth: number, limit: number): number {
  if (names.length < 16) out.push(0x80 | names.length);
  else out.push(0xde, names.length >> 8, names.length & 0xff);
  let cursor = start;
  for (const name of names) {
    for (const byte of name) out.push(byte);
    cursor += copyItem(bytes, cursor, out, records, depth + 1, limit);
  }
  return cursor;
}
