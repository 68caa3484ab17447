/**
 * Capture events in the form that crosses runtime messaging: binary as base64, big payloads
 * as a marked preview (the panel fetches the rest on demand, see ./payload), and batches
 * small enough for Chrome's 64 MiB message limit.
 */
import type { CaptureEvent } from '../protocol/capture';
import { bytesToBase64 } from '../model/bytes';
import type { StoredFrame } from './backlog';
import type { Captured } from './capture';
import { PREVIEW_ABOVE, PREVIEW_BYTES } from '../protocol/payload';
import { textPreview } from './payload';

const CHUNK_EVENTS = 2000;
/** Chrome refuses runtime messages over 64 MiB: batches are cut well below, by payload size too. */
const CHUNK_CHARS = 16 * 1024 * 1024;

export function toWire(e: Captured): CaptureEvent {
  if (e.kind !== 'frame') return e as CaptureEvent;
  const f = e as StoredFrame;
  if (typeof f.data === 'string') return f.data.length <= PREVIEW_ABOVE ? (f as CaptureEvent) : { ...f, data: textPreview(f.data), truncated: true };
  const bytes = new Uint8Array(f.data);
  const cut = bytes.length > PREVIEW_ABOVE;
  return { ...f, data: bytesToBase64(cut ? bytes.subarray(0, PREVIEW_BYTES) : bytes), ...(cut ? { truncated: true as const } : {}) };
}

/** Splits events into batches of at most CHUNK_EVENTS events and about CHUNK_CHARS of payload. */
export function batches(events: CaptureEvent[]): CaptureEvent[][] {
  const out: CaptureEvent[][] = [];
  let current: CaptureEvent[] = [];
  let chars = 0;
  for (const e of events) {
    const size = e.kind === 'frame' ? e.data.length : 0;
    if (current.length && (current.length >= CHUNK_EVENTS || chars + size > CHUNK_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(e);
    chars += size;
  }
  if (current.length || !out.length) out.push(current);
  return out;
}
