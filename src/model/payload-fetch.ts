/**
 * Completing a big frame the panel has only a preview of: the rest of its payload is asked
 * for in ranges, one message (and one task on each side) at a time, and joined to the preview.
 * Pure: the transport is passed in.
 */
import type { Opcode } from '../protocol/capture';
import type { PayloadRange } from '../protocol/payload';

/** Range sizes: text in UTF-16 units, binary in bytes (a multiple of 3, so base64 pieces join). */
export const TEXT_RANGE = 2 * 1024 * 1024;
export const BINARY_RANGE = 3 * 512 * 1024;

export type RangeFetch = (offset: number, length: number) => Promise<PayloadRange>;

export class PayloadUnavailable extends Error {}

/** Where the rest starts, in the payload's units; 0 when the preview cannot be extended (padded base64). */
export function previewEnd(opcode: Opcode, preview: string): number {
  if (opcode === 'text') return preview.length;
  return preview.endsWith('=') || preview.length % 4 ? 0 : (preview.length / 4) * 3;
}

/** The whole payload (text, or base64 for binary), fetched after the preview. */
export async function fetchFullPayload(opcode: Opcode, preview: string, fetch: RangeFetch, onProgress?: (done: number, total: number) => void): Promise<string> {
  let offset = previewEnd(opcode, preview);
  const parts = offset ? [preview] : [];
  const step = opcode === 'text' ? TEXT_RANGE : BINARY_RANGE;
  for (;;) {
    const range = await fetch(offset, step);
    if (!range.ok) throw new PayloadUnavailable(range.error);
    if (range.end <= offset && offset < range.total) throw new PayloadUnavailable('the page answered an empty range');
    parts.push(range.data);
    offset = range.end;
    onProgress?.(offset, range.total);
    if (offset >= range.total) return parts.join('');
  }
}
