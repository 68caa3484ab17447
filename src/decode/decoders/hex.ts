/** A hex dump: always succeeds, so it is the fallback for binary frames. */
import type { Decoder } from '../types';
import { hexPreview } from '../../model/bytes';
import { byteCount } from '../support/preview';
import { ok } from '../support/result';

const ROW = 16;
/** Rows in the tree; the rest is counted, not dumped (the raw view has it all). */
const MAX_ROWS = 4096;

export const hexDecoder: Decoder = {
  id: 'hex',
  label: 'Hex',
  affinity: () => 0,
  decode(input) {
    const bytes = input.bytes;
    return ok('hex', `${byteCount(bytes.length)}: ${hexPreview(bytes, 24)}`, hexDump(bytes));
  },
};

/** Lines like `00000010  de ad be ef …  |....|`. */
export function hexDump(bytes: Uint8Array): string[] {
  const rows: string[] = [];
  const shown = Math.min(bytes.length, MAX_ROWS * ROW);
  for (let offset = 0; offset < shown; offset += ROW) {
    const row = bytes.subarray(offset, Math.min(offset + ROW, bytes.length));
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${offset.toString(16).padStart(8, '0')}  ${hexPreview(row, ROW).padEnd(ROW * 3 - 1)}  |${ascii}|`);
  }
  if (shown < bytes.length) rows.push(`… ${bytes.length - shown} more bytes`);
  return rows;
}
