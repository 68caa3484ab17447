/**
 * Fetching the rest of a big frame. The relay sends the panel only a preview of a payload
 * over PREVIEW_ABOVE (marked `truncated`, with its exact size) and keeps the whole payload
 * in its backlog; the panel asks for the rest in ranges, one message each:
 * panel → background → the relay of (document, frame sequence number) → back the same way.
 */
import { PROTOCOL_VERSION } from './ports';

/** Payloads larger than this (text: UTF-16 units, binary: bytes) reach the panel as a preview. */
export const PREVIEW_ABOVE = 1024 * 1024;
/** The preview of text: its first code units. */
export const PREVIEW_CHARS = 256 * 1024;
/** The preview of binary: its first bytes (a multiple of 3, so its base64 has no padding). */
export const PREVIEW_BYTES = 255 * 1024;
/** The most one range request may ask for: a few milliseconds to serialize on either side. */
export const MAX_RANGE = 3 * 1024 * 1024;

/**
 * panel → background → relay. `offset`/`length` count UTF-16 code units for text and bytes for
 * binary; `id` pairs the answer with the request on the panel's port.
 */
export interface PayloadRequest { v: 1; type: 'payload'; id: number; tabId: number; frameId: number; docId: string; fseq: number; offset: number; length: number }

/**
 * relay → background → panel. `data` is text, or base64 for binary; `end` is where the range
 * really ended (text ranges never split a surrogate pair), `total` the payload's full length.
 */
export type PayloadRange = { ok: true; data: string; end: number; total: number } | { ok: false; error: string };
export type PayloadReply = { v: 1; type: 'payload-reply'; id: number } & PayloadRange;

export function isPayloadRequest(m: unknown): m is PayloadRequest {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  return o.v === PROTOCOL_VERSION && o.type === 'payload' && Number.isInteger(o.id) && Number.isInteger(o.tabId) && Number.isInteger(o.frameId)
    && typeof o.docId === 'string' && /^[0-9a-f-]{36}$/.test(o.docId) && Number.isInteger(o.fseq) && (o.fseq as number) > 0
    && Number.isInteger(o.offset) && (o.offset as number) >= 0 && Number.isInteger(o.length) && (o.length as number) > 0 && (o.length as number) <= MAX_RANGE;
}

export function isPayloadRange(m: unknown): m is PayloadRange {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.ok === false) return typeof o.error === 'string';
  return o.ok === true && typeof o.data === 'string' && Number.isInteger(o.end) && Number.isInteger(o.total);
}
