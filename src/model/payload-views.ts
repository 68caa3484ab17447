/** The details pane's representations of one payload. Pure; each bounded for huge frames. */
import { base64ToBytes, bytesToBase64 } from './bytes';
import type { Frame } from './capture-store';
import { hexDump } from './format';

export const VIEW_LIMIT = 256 * 1024;

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string } | null;

/** Parses text that looks like JSON; null when it does not look like JSON at all. */
export function parseJson(text: string): JsonParse {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[' && first !== '"') return null;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** UTF-8 decoding that shows invalid sequences as ⟨xx⟩ instead of dropping them. */
export function utf8WithInvalid(bytes: Uint8Array): { text: string; invalid: number } {
  let text = '';
  let invalid = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const len = sequenceLength(bytes, i);
    if (len > 0) {
      let end = i + len;
      while (end < bytes.length && sequenceLength(bytes, end) > 0) end += sequenceLength(bytes, end);
      text += decoder.decode(bytes.subarray(i, end));
      i = end;
    } else {
      text += `⟨${bytes[i].toString(16).padStart(2, '0')}⟩`;
      invalid++;
      i++;
    }
  }
  return { text, invalid };
}

/** Length of the valid UTF-8 sequence starting at i, or 0 if invalid. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1];
    if (c === 0xe0 && c1 < 0xa0) return 0;
    if (c === 0xed && c1 > 0x9f) return 0; // surrogates
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1];
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 > 0x8f) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

export interface PayloadViews {
  /** The payload is longer than the views show. */
  truncated: boolean;
  /** Text frames: their first `limit` UTF-16 units (the text view). */
  text: string | null;
  hex(): string;
  base64(): string;
  utf8(): { text: string; invalid: number };
}

/**
 * Views of the first `limit` bytes. Only that prefix is converted: a 32 MB payload is never
 * encoded or decoded as a whole to show its first lines.
 */
export function payloadViews(frame: Frame, limit = VIEW_LIMIT): PayloadViews {
  const bytes = prefixBytes(frame, limit);
  return {
    truncated: frame.size > limit,
    text: frame.opcode === 'text' ? frame.data.slice(0, limit) : null,
    hex: () => hexDump(bytes, limit),
    // A cut view ends on a 3-byte boundary: its base64 is then the start of the whole payload's.
    base64: () => bytesToBase64(frame.size > limit ? bytes.subarray(0, bytes.length - (bytes.length % 3)) : bytes),
    utf8: () => utf8WithInvalid(bytes),
  };
}

/** The first `limit` bytes of a payload (text as UTF-8; each unit is at least one byte). */
export function prefixBytes(frame: Frame, limit: number): Uint8Array {
  const bytes = frame.opcode === 'binary'
    ? base64ToBytes(frame.data.slice(0, Math.ceil(limit / 3) * 4))
    : new TextEncoder().encode(frame.data.slice(0, limit));
  return bytes.length > limit ? bytes.subarray(0, limit) : bytes;
}
