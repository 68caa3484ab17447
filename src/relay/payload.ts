/**
 * The relay's side of fetching a big frame: the preview the panel gets at first, and any
 * range of a payload still in this document's backlog, answered one request at a time.
 */
import { bytesToBase64, isHighSurrogate } from '../model/bytes';
import { PREVIEW_CHARS, type PayloadRange, type PayloadRequest } from '../protocol/payload';
import type { StoredFrame } from './backlog';

/** Where a text range may end: never between the halves of a surrogate pair (messaging would mangle both). */
export function textCut(text: string, end: number): number {
  return end < text.length && end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

export function textPreview(text: string): string {
  return text.slice(0, textCut(text, PREVIEW_CHARS));
}

/** A range of a stored payload, in the form the panel gets payloads in (text, or base64). */
export function payloadRange(frame: StoredFrame, offset: number, length: number): PayloadRange {
  if (typeof frame.data === 'string') {
    const text = frame.data;
    const start = Math.min(offset, text.length);
    let end = textCut(text, Math.min(text.length, start + length));
    if (end === start && start < text.length) end = Math.min(text.length, start + 2); // a range of one unit inside a pair
    return { ok: true, data: text.slice(start, end), end, total: text.length };
  }
  const total = frame.data.byteLength;
  const start = Math.min(offset, total), end = Math.min(total, start + length);
  return { ok: true, data: bytesToBase64(new Uint8Array(frame.data, start, end - start)), end, total };
}

export function answerPayloadRequest(request: PayloadRequest, find: (fseq: number) => StoredFrame | undefined): PayloadRange {
  const frame = find(request.fseq);
  if (!frame) return { ok: false, error: 'the page no longer holds this payload: it was evicted from the page\'s capture backlog (64 MB per document)' };
  return payloadRange(frame, request.offset, request.length);
}
