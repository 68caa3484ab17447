/**
 * Capture events in the form that crosses runtime messaging: binary as an ArrayBuffer where
 * messages are structured clones (else base64), huge payloads cut (and marked) for the panel,
 * and batches small enough for Chrome's 64 MiB message limit.
 */
import type { WireEvent } from '../protocol/ports';
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

/**
 * Whether runtime messages are structured clones, so ArrayBuffers survive: always in Firefox;
 * in Chrome ≥ 148 with the manifest's `"message_serialization": "structured_clone"` (older
 * Chromes ignore the key and serialise as JSON, where an ArrayBuffer arrives as `{}`).
 */
export function messagesCloneBuffers(manifest: Record<string, unknown>, extensionUrl: string, userAgent: string): boolean {
  if (extensionUrl.startsWith('moz-extension:')) return true;
  const chrome = /Chrome\/(\d+)/.exec(userAgent); // also HeadlessChrome/
  return manifest.message_serialization === 'structured_clone' && !!chrome && Number(chrome[1]) >= 148;
}

/** `buffers`: messages are structured clones, so binary payloads travel as ArrayBuffers (no base64). */
export function toWire(e: Captured, buffers = false): WireEvent {
  if (e.kind !== 'frame') return e as WireEvent;
  const f = e as StoredFrame;
  if (typeof f.data === 'string') return f.data.length <= MAX_TEXT ? (f as WireEvent) : { ...f, data: f.data.slice(0, MAX_TEXT), truncated: true };
  const cut = f.data.byteLength > MAX_BINARY;
  const data = buffers ? (cut ? f.data.slice(0, MAX_BINARY) : f.data) : bytesToBase64(new Uint8Array(f.data, 0, cut ? MAX_BINARY : f.data.byteLength));
  return { ...f, data, ...(cut ? { truncated: true as const } : {}) };
}

/** Splits events into batches of at most CHUNK_EVENTS events and about CHUNK_CHARS of payload. */
export function batches(events: WireEvent[]): WireEvent[][] {
  const out: WireEvent[][] = [];
  let current: WireEvent[] = [];
  let chars = 0;
  for (const e of events) {
    const size = e.kind === 'frame' ? (typeof e.data === 'string' ? e.data.length : e.data.byteLength) : 0;
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
