/**
 * Capture events in the form that crosses runtime messaging: binary as an ArrayBuffer where
 * messages are structured clones (else base64), big payloads as a marked preview (the panel
 * fetches the rest on demand, see ./payload), and batches small enough for Chrome's 64 MiB
 * message limit.
 */
import type { WireEvent } from '../protocol/ports';
import { bytesToBase64 } from '../model/bytes';
import type { StoredFrame } from './backlog';
import type { Captured } from './capture';
import { PREVIEW_ABOVE, PREVIEW_BYTES } from '../protocol/payload';
import { textPreview } from './payload';

const CHUNK_EVENTS = 2000;
/** Chrome refuses runtime messages over 64 MiB: batches are cut well below, by payload size too. */
const CHUNK_CHARS = 16 * 1024 * 1024;

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
  if (typeof f.data === 'string') return f.data.length <= PREVIEW_ABOVE ? (f as WireEvent) : { ...f, data: textPreview(f.data), truncated: true };
  const cut = f.data.byteLength > PREVIEW_ABOVE;
  const data = buffers ? (cut ? f.data.slice(0, PREVIEW_BYTES) : f.data) : bytesToBase64(new Uint8Array(f.data, 0, cut ? PREVIEW_BYTES : f.data.byteLength));
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
