/**
 * Capture events in the form that crosses runtime messaging: binary as base64, huge payloads
 * cut (and marked) for the panel, and batches small enough for Chrome's 64 MiB message limit.
 */
import type { CaptureEvent } from '../protocol/capture';
import { bytesToBase64 } from '../model/bytes';
import type { StoredFrame } from './backlog';
import type { Captured } from './capture';

const CHUNK_EVENTS = 2000;
/** Chrome refuses runtime messages over 64 MiB: batches are cut well below, by payload size too. */
const CHUNK_CHARS = 16 * 1024 * 1024;
/**
 * The most of one frame's payload that goes to the panel (its size is always exact). Text can
 * grow up to 6× in JSON (control characters), binary by 4/3 in base64.
 */
const MAX_TEXT = 8 * 1024 * 1024;
const MAX_BINARY = 12 * 1024 * 1024;

export function toWire(e: Captured): CaptureEvent {
  if (e.kind !== 'frame') return e as CaptureEvent;
  const f = e as StoredFrame;
  if (typeof f.data === 'string') return f.data.length <= MAX_TEXT ? (f as CaptureEvent) : { ...f, data: f.data.slice(0, MAX_TEXT), truncated: true };
  const bytes = new Uint8Array(f.data);
  const cut = bytes.length > MAX_BINARY;
  return { ...f, data: bytesToBase64(cut ? bytes.subarray(0, MAX_BINARY) : bytes), ...(cut ? { truncated: true as const } : {}) };
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
