import { expect, test } from 'vitest';
import { bytesToBase64 } from '../model/bytes';
import { BINARY_RANGE, fetchFullPayload, PayloadUnavailable, previewEnd, TEXT_RANGE } from '../model/payload-fetch';
import { answerPayloadRequest, payloadRange, textPreview } from './payload';
import { toWire } from './wire';
import { Backlog, type StoredFrame } from './backlog';
import { PREVIEW_ABOVE, PREVIEW_BYTES, PREVIEW_CHARS, type PayloadRequest } from '../protocol/payload';

const stored = (data: string | ArrayBuffer, fseq = 1): StoredFrame =>
  ({ kind: 'frame', seq: fseq, fseq, conn: 'd:1', time: 0, dir: 'sent', opcode: typeof data === 'string' ? 'text' : 'binary', data, size: typeof data === 'string' ? data.length : data.byteLength });

function relayOf(frame: StoredFrame) {
  const asked: Array<[number, number]> = [];
  const fetch = async (offset: number, length: number) => { asked.push([offset, length]); return payloadRange(frame, offset, length); };
  return { asked, fetch };
}

test('a big text frame reaches the panel as a marked preview and is completed exactly, range by range', async () => {
  const text = '😀'.repeat(5) + 'x'.repeat(PREVIEW_CHARS - 11) + '😀' + 'é€😀'.repeat(2_000_000);
  const frame = stored(text);
  const wired = toWire(frame) as { data: string; truncated?: true; size: number };
  expect(wired.truncated).toBe(true);
  expect(wired.data.length).toBe(PREVIEW_CHARS - 1); // not between the halves of the pair at the edge
  expect(wired.data).toBe(textPreview(text));
  const { asked, fetch } = relayOf(frame);
  const progress: number[] = [];
  expect(await fetchFullPayload('text', wired.data, fetch, (done) => progress.push(done))).toBe(text);
  expect(asked[0]).toEqual([PREVIEW_CHARS - 1, TEXT_RANGE]);
  expect(asked.length).toBe(Math.ceil((text.length - asked[0][0]) / TEXT_RANGE));
  expect(progress.at(-1)).toBe(text.length);
});

test('a big binary frame: base64 preview without padding, ranges that join into the exact base64', async () => {
  const bytes = new Uint8Array(5 * 1024 * 1024 + 7).map((_, i) => (i * 31) & 255);
  const frame = stored(bytes.buffer);
  const wired = toWire(frame) as { data: string; truncated?: true };
  expect(wired.truncated).toBe(true);
  expect(wired.data).toBe(bytesToBase64(bytes.subarray(0, PREVIEW_BYTES)));
  expect(previewEnd('binary', wired.data)).toBe(PREVIEW_BYTES);
  const { asked, fetch } = relayOf(frame);
  expect(await fetchFullPayload('binary', wired.data, fetch)).toBe(bytesToBase64(bytes));
  expect(asked.every(([offset, length]) => offset % 3 === 0 && length === BINARY_RANGE)).toBe(true);
});

test('payloads up to the threshold go whole; sizes stay exact', () => {
  const text = 'a'.repeat(PREVIEW_ABOVE);
  expect(toWire(stored(text))).toMatchObject({ data: text, size: PREVIEW_ABOVE });
  expect(toWire(stored(text))).not.toHaveProperty('truncated');
  expect(toWire(stored(text + 'b'))).toMatchObject({ truncated: true, size: PREVIEW_ABOVE + 1 });
});

test('a frame the backlog evicted, or a relay error, is reported, not returned as a short payload', async () => {
  const backlog = new Backlog({ maxFrames: 2, maxBytes: 1 << 30, maxConnections: 10 });
  for (let fseq = 1; fseq <= 3; fseq++) backlog.addFrame(stored('p' + fseq, fseq));
  const request = (fseq: number): PayloadRequest => ({ v: 1, type: 'payload', id: 1, tabId: 1, frameId: 0, docId: 'x', fseq, offset: 0, length: 10 });
  expect(answerPayloadRequest(request(1), (f) => backlog.frame(f))).toMatchObject({ ok: false, error: expect.stringMatching(/evicted/) });
  expect(answerPayloadRequest(request(3), (f) => backlog.frame(f))).toEqual({ ok: true, data: 'p3', end: 2, total: 2 });
  expect(backlog.frame(4)).toBeUndefined();
  await expect(fetchFullPayload('text', 'abc', async () => ({ ok: false, error: 'document gone' }))).rejects.toThrow(PayloadUnavailable);
});
