/** Display helpers for frames and connections. Pure. */
import { base64ToBytes, hexPreview } from './bytes';
import type { Connection, Frame } from './capture-store';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Beyond ±8.64e15 ms (or not finite) a Date is invalid, and toISOString throws. */
export const INVALID_TIME = 'invalid time';
const isDateTime = (epochMs: number) => Number.isFinite(epochMs) && Math.abs(epochMs) <= 8.64e15;

/** Local wall-clock time with milliseconds, e.g. 14:03:07.123 */
export function formatClock(epochMs: number): string {
  if (!isDateTime(epochMs)) return INVALID_TIME;
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Full timestamp with microseconds, for tooltips. */
export function formatFullTime(epochMs: number): string {
  if (!isDateTime(epochMs)) return `${INVALID_TIME} (${epochMs})`;
  const micros = Math.round((epochMs % 1) * 1000);
  return `${new Date(epochMs).toISOString().replace('Z', '')}${pad(micros, 3)}Z`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One line for the table: the start of the text, or hex for binary. */
export function framePreview(frame: Frame, maxChars = 200): string {
  if (frame.opcode === 'binary') {
    // 64 bytes need 88 base64 characters; decode only those.
    const head = frame.bytes ? new Uint8Array(frame.bytes, 0, Math.min(64, frame.bytes.byteLength)) : base64ToBytes(frame.data.slice(0, 88)).subarray(0, 64);
    return hexPreview(head, 64) + (frame.size > 64 ? ' …' : '');
  }
  const text = frame.data.length > maxChars ? frame.data.slice(0, maxChars) + '…' : frame.data;
  return text.replace(/[\r\n\t]+/g, ' ');
}

/** Pretty JSON when the text parses as a JSON object or array, else null. */
export function prettyJson(text: string): string | null {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** Classic hex dump: offset, 16 bytes of hex, ASCII. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const PRINTABLE = Array.from({ length: 256 }, (_, b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'));

export function hexDump(bytes: Uint8Array, maxBytes = 64 * 1024): string {
  const n = Math.min(bytes.length, maxBytes);
  const lines: string[] = [];
  for (let off = 0; off < n; off += 16) {
    const end = Math.min(off + 16, n);
    let hex = '', ascii = '';
    for (let i = off; i < end; i++) {
      hex += i === off ? HEX[bytes[i]] : ' ' + HEX[bytes[i]];
      ascii += PRINTABLE[bytes[i]];
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47, ' ')}  ${ascii}`);
  }
  return lines.join('\n');
}

export function describeState(c: Connection): string {
  if (c.endedAt !== undefined && c.state !== 'closed') return 'recorded (no close in the file)';
  if (c.state !== 'closed' || !c.close) return c.state;
  return `closed ${c.close.code}${c.close.reason ? ` "${c.close.reason}"` : ''}${c.close.wasClean ? '' : ' (unclean)'}${c.close.simulated ? ' (simulated)' : ''}`;
}
