/**
 * Events packed for structured-clone messaging: one JSON string plus the binary payloads as
 * ArrayBuffers (a frame's `data` then holds its buffer's index). Cloning a string and a few
 * buffers is a copy; cloning thousands of small event objects field by field costs the page,
 * the service worker and the panel far more than JSON.stringify and JSON.parse do.
 */
import type { WireEvent } from './ports';

export interface PackedEvents { json: string; buffers: ArrayBuffer[] }

export function isPackedEvents(v: unknown): v is PackedEvents {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.json === 'string' && Array.isArray(o.buffers);
}

export function packEvents(events: WireEvent[]): PackedEvents {
  const buffers: ArrayBuffer[] = [];
  const plain = events.map((e) => (e.kind === 'frame' && typeof e.data !== 'string' ? { ...e, data: buffers.push(e.data) - 1 } : e));
  return { json: JSON.stringify(plain), buffers };
}

/** The events of a message, packed or not; [] for anything malformed (the sender may be a compromised page's relay). */
export function unpackEvents(events: WireEvent[] | PackedEvents): WireEvent[] {
  if (Array.isArray(events)) return events;
  let list: unknown;
  try { list = JSON.parse(events.json); } catch { return []; }
  if (!Array.isArray(list)) return [];
  for (const e of list as Array<Record<string, unknown>>) {
    if (e?.kind !== 'frame' || typeof e.data !== 'number') continue;
    const buffer = events.buffers[e.data];
    e.data = buffer instanceof ArrayBuffer ? buffer : '';
  }
  return list as WireEvent[];
}
