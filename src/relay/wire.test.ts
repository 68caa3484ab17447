import { expect, test } from 'vitest';
import type { CaptureEvent } from '../protocol/capture';
import { batches, messagesCloneBuffers, toWire } from './wire';
import { PREVIEW_BYTES } from '../protocol/payload';

const frame = (n: number, data: string): CaptureEvent =>
  ({ kind: 'frame', seq: n, fseq: n, conn: 'd:1', time: n, dir: 'sent', opcode: 'text', data, size: data.length });

test('batches are cut by count and by payload size, never empty unless there is nothing', () => {
  const small = Array.from({ length: 4500 }, (_, i) => frame(i, 'x'));
  expect(batches(small).map((b) => b.length)).toEqual([2000, 2000, 500]);
  const big = 'y'.repeat(10 * 1024 * 1024);
  expect(batches([frame(1, big), frame(2, big), frame(3, 'z')]).map((b) => b.length)).toEqual([1, 2]);
  expect(batches([])).toEqual([[]]);
});

test('big payloads go to the panel as a preview, marked; sizes stay exact', () => {
  const text = 'a'.repeat(9 * 1024 * 1024);
  const wired = toWire({ ...(frame(1, text) as any) }) as any;
  expect(wired.data.length).toBe(256 * 1024);
  expect(wired).toMatchObject({ truncated: true, size: text.length, fseq: 1 });
  const bin = toWire({ ...(frame(2, '') as any), opcode: 'binary', data: new ArrayBuffer(13 * 1024 * 1024), size: 13 * 1024 * 1024 }) as any;
  expect(bin).toMatchObject({ truncated: true, size: 13 * 1024 * 1024 });
  expect(bin.data.length).toBe(340 * 1024); // base64 of 255 KiB
  expect(toWire(frame(3, 'small'))).not.toHaveProperty('truncated');
});

test('binary travels as an ArrayBuffer where messages are structured clones, previewed the same way', () => {
  const small = toWire({ ...(frame(4, '') as any), opcode: 'binary', data: new Uint8Array([1, 2, 3]).buffer, size: 3 }, true) as any;
  expect(small.data).toBeInstanceOf(ArrayBuffer);
  expect([...new Uint8Array(small.data)]).toEqual([1, 2, 3]);
  const big = toWire({ ...(frame(5, '') as any), opcode: 'binary', data: new ArrayBuffer(13 * 1024 * 1024), size: 13 * 1024 * 1024 }, true) as any;
  expect(big).toMatchObject({ truncated: true, size: 13 * 1024 * 1024 });
  expect(big.data.byteLength).toBe(PREVIEW_BYTES);
  expect(batches([big, small]).map((b) => b.length)).toEqual([2]);
});

test('structured-clone messaging: always in Firefox, in Chrome ≥ 148 only with the manifest key', () => {
  const key = { message_serialization: 'structured_clone' };
  expect(messagesCloneBuffers({}, 'moz-extension://x/', 'Mozilla/5.0 Firefox/153.0')).toBe(true);
  expect(messagesCloneBuffers(key, 'chrome-extension://x/', 'Mozilla/5.0 Chrome/156.0.0.0 Safari/537.36')).toBe(true);
  expect(messagesCloneBuffers(key, 'chrome-extension://x/', 'Mozilla/5.0 Chrome/147.0.0.0 Safari/537.36')).toBe(false);
  expect(messagesCloneBuffers({}, 'chrome-extension://x/', 'Mozilla/5.0 Chrome/156.0.0.0 Safari/537.36')).toBe(false);
  expect(messagesCloneBuffers(key, 'chrome-extension://x/', 'Mozilla/5.0 HeadlessChrome/156.0.0.0 Safari/537.36')).toBe(true);
});
