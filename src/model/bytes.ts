/** Byte helpers shared by the relay, the panel and tests. Pure, no browser-only APIs. */

/** UTF-8 length of a string as the WebSocket will send it (lone surrogates become U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  return text.length > ENCODE_ABOVE && typeof TextEncoder === 'function' ? encodedLength(text) : countUtf8(text);
}

function countUtf8(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n += 4; i++; } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Below this a plain loop is quicker than the encoder's call overhead. */
const ENCODE_ABOVE = 4096;
const ENCODE_SLICE = 1 << 20;
let scratch: Uint8Array | null = null;

/**
 * The native encoder writes slices of the string into one reused buffer: for 32 MB of text that
 * is a few milliseconds instead of the loop's hundreds, and it never allocates the encoded copy.
 * A slice never ends between the halves of a surrogate pair (that would count U+FFFD twice).
 */
function encodedLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length;) {
    const end = sliceEnd(text, i);
    n += encodedSliceLength(text, i, end);
    i = end;
  }
  return n;
}

function sliceEnd(text: string, start: number): number {
  const end = Math.min(text.length, start + ENCODE_SLICE);
  return end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

function encodedSliceLength(text: string, start: number, end: number): number {
  scratch ??= new Uint8Array(ENCODE_SLICE * 3);
  return new TextEncoder().encodeInto(text.slice(start, end), scratch).written;
}

/**
 * utf8Length for very long text, a slice at a time with `pause()` between slices: in Chrome the
 * encoder first copies each slice, so 32 MB take ~150 ms, which must not be one task of the page's.
 */
export async function utf8LengthPaced(text: string, pause: () => Promise<void>, slicesPerPause = 2): Promise<number> {
  if (text.length <= ENCODE_ABOVE || typeof TextEncoder !== 'function') return countUtf8(text);
  let n = 0;
  for (let i = 0, slices = 0; i < text.length; slices++) {
    if (slices && slices % slicesPerPause === 0) await pause();
    const end = sliceEnd(text, i);
    n += encodedSliceLength(text, i, end);
    i = end;
  }
  return n;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const CHUNK = 0x8000;

/** Native base64 (Chrome 140+, Firefox 133+) is many times faster than building a binary string. */
type Base64Native = { toBase64?: () => string };
const nativeToBase64 = typeof (Uint8Array.prototype as Base64Native).toBase64 === 'function';
const nativeFromBase64 = typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64 === 'function';

export function bytesToBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return (bytes as Base64Native).toBase64!();
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  if (nativeFromBase64) return (Uint8Array as unknown as { fromBase64(s: string): Uint8Array }).fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hex of the first `max` bytes, space separated, with an ellipsis when cut. */
export function hexPreview(bytes: Uint8Array, max = 64): string {
  const n = Math.min(bytes.length, max);
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = bytes[i].toString(16).padStart(2, '0');
  return parts.join(' ') + (bytes.length > max ? ' …' : '');
}
