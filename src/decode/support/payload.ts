/** The payload as text, for decoders of text formats that also accept UTF-8 binary frames. */
import type { DecodeInput } from '../types';
import { describeJsonError } from './json-error';
import { decodeUtf8 } from './utf8';

export type TextPayload = { ok: true; text: string } | { ok: false; error: string };

export function payloadText(input: DecodeInput): TextPayload {
  if (input.text !== null) return { ok: true, text: input.text };
  const decoded = decodeUtf8(input.bytes);
  return decoded.ok ? decoded : { ok: false, error: `binary frame is not UTF-8 text: invalid byte at ${decoded.offset}` };
}

/** Parses JSON without throwing; on failure `error` says what is wrong and at which position. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: describeJsonError(text) };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const jsonMemo = new WeakMap<DecodeInput, ReturnType<typeof parseJson> | null>();

/**
 * The frame's text parsed as one JSON value, or null when it is not text or does not start like
 * an object or array. Memoized per input: several JSON-based protocol decoders look at each frame.
 */
export function frameJson(input: DecodeInput): { ok: true; value: unknown } | { ok: false; error: string } | null {
  if (jsonMemo.has(input)) return jsonMemo.get(input)!;
  const payload = payloadText(input);
  let result: ReturnType<typeof parseJson> | null = null;
  if (payload.ok && /^\s*[[{]/.test(payload.text)) result = parseJson(payload.text);
  jsonMemo.set(input, result);
  return result;
}
