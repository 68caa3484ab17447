/**
 * Checks that bytes hold exactly one well-formed CBOR item (RFC 8949 §5.3.1 style) before cbor-x
 * sees them, and says precisely where they do not. Linear, iterative and depth-capped, so
 * decoding after it is bounded. Also refuses the cbor-x-specific tags that carry state across
 * values (records, packed values, shared references, bundled strings): they are not what
 * WebSocket peers send, and they let a few bytes cost exponential work.
 */
export const MAX_CBOR_DEPTH = 64;

interface Open { remaining: number; indefinite: boolean; pairs: boolean }

/** Returns null when `bytes` is exactly one well-formed item, else what is wrong and where. */
export function scanCbor(bytes: Uint8Array, maxDepth = MAX_CBOR_DEPTH): string | null {
  const stack: Open[] = [];
  let pos = 0;
  const need = (n: number, what: string): string | null => (pos + n > bytes.length ? `truncated: ${what} needs ${n} bytes at byte ${pos}, ${bytes.length - pos} left` : null);
  do {
    if (pos >= bytes.length) return `truncated: expected an item at byte ${pos}`;
    const start = pos;
    const initial = bytes[pos++];
    const major = initial >> 5;
    const info = initial & 31;
    const top = stack[stack.length - 1];
    if (info === 31 && major === 7) {
      if (!top?.indefinite) return `unexpected break (0xff) at byte ${start}`;
      if (top.pairs && top.remaining % 2 !== 0) return `indefinite map ending at byte ${start} has a key without a value`;
      stack.pop();
      completeItem(stack);
      continue;
    }
    let argument = 0;
    if (info >= 24 && info <= 27) {
      const size = 1 << (info - 24);
      const short = need(size, 'argument');
      if (short) return short;
      for (let i = 0; i < size; i++) argument = argument * 256 + bytes[pos++];
    } else if (info >= 28 && info <= 30) {
      return `reserved additional information ${info} at byte ${start}`;
    } else if (info < 24) {
      argument = info;
    }
    if (info === 31 && (major <= 1 || major === 6)) return `major type ${major} cannot be indefinite (byte ${start})`;
    if (major === 2 || major === 3) {
      // Well-formed, but cbor-x cannot decode indefinite-length strings.
      if (info === 31) return `indefinite-length ${major === 2 ? 'byte' : 'text'} string at byte ${start} is not supported`;
      else {
        const short = need(argument, major === 2 ? 'byte string' : 'text string');
        if (short) return short;
        pos += argument;
        completeItem(stack);
      }
    } else if (major === 4 || major === 5) {
      const count = info === 31 ? 0 : argument * (major === 5 ? 2 : 1);
      if (info !== 31 && count > bytes.length - pos) return `truncated: ${major === 4 ? 'array' : 'map'} at byte ${start} declares ${argument} entries, only ${bytes.length - pos} bytes left`;
      if (info === 31 || count > 0) stack.push({ remaining: count, indefinite: info === 31, pairs: major === 5 });
      else completeItem(stack);
    } else if (major === 6) {
      const refused = refusedTag(argument);
      if (refused) return `tag ${argument} (${refused}) at byte ${start} is not decoded`;
      stack.push({ remaining: 1, indefinite: false, pairs: false });
    } else {
      if (major === 7 && info === 24 && argument < 32) return `invalid simple value ${argument} at byte ${start}`;
      completeItem(stack);
    }
    if (stack.length > maxDepth) return `nested deeper than ${maxDepth} levels at byte ${start}`;
  } while (stack.length > 0);
  return pos < bytes.length ? `${bytes.length - pos} extra bytes after the CBOR item, at byte ${pos}` : null;
}

/** One item finished: count it in its container, closing containers that are now full. */
function completeItem(stack: Open[]): void {
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.indefinite) { top.remaining++; return; }
    if (--top.remaining > 0) return;
    stack.pop();
  }
}

/** cbor-x extensions that keep state between values or expand references. */
function refusedTag(tag: number): string | null {
  if (tag === 6 || tag === 51 || (tag >= 216 && tag <= 255) || (tag >= 27647 && tag <= 32767) || (tag >= 1811939328 && tag <= 2147483647)) return 'cbor-x packed values';
  if (tag === 28 || tag === 29) return 'value sharing';
  if (tag === 105 || tag >= 0xdff9 && tag <= 0xffff) return 'cbor-x records or bundled strings';
  if (tag === 0x53687264) return 'cbor-x shared structures';
  return null;
}
