/**
 * gzip / zlib (deflate) compressed payloads, inflated with fflate (small, synchronous, no
 * browser APIs) and then decoded again by content: `nested` holds what they turned out to be.
 * Inflation is capped so a compression bomb costs bounded work.
 */
import { gunzipSync, unzlibSync } from 'fflate';
import type { Decoder } from '../types';
import { byteCount } from '../support/preview';
import { fail, ok } from '../support/result';
import { bytesLeaf } from '../support/tree';

/** Largest inflated size we produce (a bomb stops here with an error). */
const MAX_INFLATED = 16 * 1024 * 1024;

function kind(b: Uint8Array): 'gzip' | 'zlib' | null {
  if (b.length >= 18 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 8) return 'gzip';
  // zlib: deflate (CM 8), window ≤ 32K, header checksum divisible by 31, no preset dictionary.
  if (b.length >= 6 && (b[0] & 0x0f) === 8 && b[0] >> 4 <= 7 && ((b[0] << 8) | b[1]) % 31 === 0 && !(b[1] & 0x20)) return 'zlib';
  return null;
}

export const compressedDecoder: Decoder = {
  id: 'compressed',
  label: 'gzip / deflate',
  affinity: () => 0,
  decode(input, context) {
    const k = kind(input.bytes);
    if (!k) return context.guessing ? null : fail('compressed', 'no gzip (1f 8b) or zlib header at byte 0');
    let inflated: Uint8Array;
    try {
      const out = new Uint8Array(MAX_INFLATED + 1);
      inflated = k === 'gzip' ? gunzipSync(input.bytes, { out }) : unzlibSync(input.bytes, { out });
    } catch (e) {
      return context.guessing ? null : fail('compressed', `${k} data is corrupt: ${(e as Error).message}`);
    }
    if (inflated.length > MAX_INFLATED) return fail('compressed', `inflates to more than ${byteCount(MAX_INFLATED)}: stopped`);
    const inner = context.decodeInner(inflated);
    const what = inner?.ok ? ` → ${inner.summary}` : '';
    return ok('compressed', `${k} ${byteCount(input.bytes.length)} → ${byteCount(inflated.length)}${what}`, bytesLeaf(inflated), inner);
  },
};
