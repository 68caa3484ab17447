/**
 * Checks that bytes hold exactly one well-formed MessagePack value before @msgpack/msgpack sees
 * them, and says precisely where they do not. Linear, iterative and depth-capped: the library
 * preallocates every array it is told about, so a few bytes of nested `array 16` headers would
 * otherwise claim gigabytes before running out of input.
 */
export const MAX_MSGPACK_DEPTH = 64;

/** Returns null when `bytes` is exactly one well-formed value, else what is wrong and where. */
export function scanMsgpack(bytes: Uint8Array, maxDepth = MAX_MSGPACK_DEPTH): string | null {
  const remaining: number[] = []; // items still expected by each open container
  let pos = 0;
  const readLength = (size: number): number => {
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + bytes[pos + i];
    pos += size;
    return n;
  };
  do {
    if (pos >= bytes.length) return `truncated: expected a value at byte ${pos}`;
    const start = pos;
    const head = bytes[pos++];
    const shape = shapeOf(head);
    if (shape === null) return `invalid type byte 0xc1 at byte ${start}`;
    const { lengthBytes, fixed, items, extType } = shape;
    if (pos + lengthBytes > bytes.length) return `truncated: length of the value at byte ${start} needs ${lengthBytes} bytes`;
    const declared = lengthBytes ? readLength(lengthBytes) : shape.count;
    if (items) {
      const count = declared * items;
      if (count > bytes.length - pos) return `truncated: ${items === 2 ? 'map' : 'array'} at byte ${start} declares ${declared} entries, only ${bytes.length - pos} bytes left`;
      if (count > 0) {
        remaining.push(count);
        if (remaining.length > maxDepth) return `nested deeper than ${maxDepth} levels at byte ${start}`;
        continue;
      }
    } else {
      const size = fixed + (lengthBytes ? declared : 0) + (extType ? 1 : 0);
      if (pos + size > bytes.length) return `truncated: the value at byte ${start} needs ${size} more bytes, ${bytes.length - pos} left`;
      pos += size;
    }
    // A value is complete: count it in its container, closing containers that are now full.
    while (remaining.length > 0 && --remaining[remaining.length - 1] === 0) remaining.pop();
  } while (remaining.length > 0);
  return pos < bytes.length ? `${bytes.length - pos} extra bytes after the MessagePack value, at byte ${pos}` : null;
}

interface Shape {
  /** Bytes of a length field after the type byte. */
  lengthBytes: number;
  /** Count for fix* types (the length is in the type byte). */
  count: number;
  /** Fixed payload size in bytes. */
  fixed: number;
  /** 1 for arrays, 2 for maps (items per entry), 0 for scalars. */
  items: 0 | 1 | 2;
  extType: boolean;
}

function shapeOf(head: number): Shape | null {
  const scalar = (fixed: number, lengthBytes = 0, extType = false): Shape => ({ lengthBytes, count: 0, fixed, items: 0, extType });
  if (head <= 0x7f || head >= 0xe0) return scalar(0);
  if (head <= 0x8f) return { lengthBytes: 0, count: head & 0x0f, fixed: 0, items: 2, extType: false };
  if (head <= 0x9f) return { lengthBytes: 0, count: head & 0x0f, fixed: 0, items: 1, extType: false };
  if (head <= 0xbf) return scalar(head & 0x1f);
  switch (head) {
    case 0xc0: case 0xc2: case 0xc3: return scalar(0);
    case 0xc1: return null;
    case 0xc4: return scalar(0, 1);
    case 0xc5: return scalar(0, 2);
    case 0xc6: return scalar(0, 4);
    case 0xc7: return scalar(0, 1, true);
    case 0xc8: return scalar(0, 2, true);
    case 0xc9: return scalar(0, 4, true);
    case 0xca: return scalar(4);
    case 0xcb: return scalar(8);
    case 0xcc: case 0xd0: return scalar(1);
    case 0xcd: case 0xd1: return scalar(2);
    case 0xce: case 0xd2: return scalar(4);
    case 0xcf: case 0xd3: return scalar(8);
    case 0xd4: return scalar(2);
    case 0xd5: return scalar(3);
    case 0xd6: return scalar(5);
    case 0xd7: return scalar(9);
    case 0xd8: return scalar(17);
    case 0xd9: return scalar(0, 1);
    case 0xda: return scalar(0, 2);
    case 0xdb: return scalar(0, 4);
    case 0xdc: return { lengthBytes: 2, count: 0, fixed: 0, items: 1, extType: false };
    case 0xdd: return { lengthBytes: 4, count: 0, fixed: 0, items: 1, extType: false };
    case 0xde: return { lengthBytes: 2, count: 0, fixed: 0, items: 2, extType: false };
    default: return { lengthBytes: 4, count: 0, fixed: 0, items: 2, extType: false }; // 0xdf
  }
}
