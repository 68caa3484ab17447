/** What "Copy as …" puts on the clipboard for a frame. Pure. */
import { base64ToBytes, hexPreview } from './bytes';
import type { Frame } from './capture-store';

export function payloadText(frame: Frame): string {
  return frame.opcode === 'text' ? frame.data : hexPreview(base64ToBytes(frame.data), Infinity);
}

export function payloadHex(frame: Frame): string {
  const bytes = frame.opcode === 'text' ? new TextEncoder().encode(frame.data) : base64ToBytes(frame.data);
  return hexPreview(bytes, Infinity).replace(/ /g, '');
}

export function payloadBase64(frame: Frame): string {
  if (frame.opcode === 'binary') return frame.data;
  const bytes = new TextEncoder().encode(frame.data);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** A `ws.send(...)` line that re-sends exactly this payload. */
export function sendSnippet(frame: Frame): string {
  if (frame.opcode === 'text') return `ws.send(${JSON.stringify(frame.data)});`;
  const bytes = base64ToBytes(frame.data);
  return `ws.send(new Uint8Array([${Array.from(bytes).join(', ')}]));`;
}
