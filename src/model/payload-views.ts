/** The details pane's representations of one payload. Pure; each bounded for huge frames. */
import { base64ToBytes, bytesToBase64 } from './bytes';
import type { Frame } from './capture-store';
import { hexDump } from './format';

export const VIEW_LIMIT = 256 * 1024;

export function frameBytes(frame: Frame): Uint8Array {
  return frame.opcode === 'binary' ? base64ToBytes(frame.data) : new TextEncoder().encode(frame.data);
}

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

export interface PayloadViews { bytes: Uint8Array; truncated: boolean; hex(): string; base64(): string; utf8(): { text: string; invalid: number } }

export function payloadViews(frame: Frame): PayloadViews {
  const all = frameBytes(frame);
  const bytes = all.length > VIEW_LIMIT ? all.subarray(0, VIEW_LIMIT) : all;
  return {
    bytes: all,
    truncated: all.length > VIEW_LIMIT,
    hex: () => hexDump(bytes, VIEW_LIMIT),
    base64: () => bytesToBase64(bytes),
    utf8: () => utf8WithInvalid(bytes),
  };
}
