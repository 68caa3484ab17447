import { expect, test } from 'vitest';
import { CaptureSequencer, type Captured } from './capture';

test('numbers events, converts payloads, and keeps order behind a Blob', async () => {
  const out: Captured[] = [];
  const seq = new CaptureSequencer('doc', (e) => out.push(e));
  seq.push({ k: 'new', id: 7, t: 1, url: 'ws://x/', protocols: ['p'], api: 'WebSocket' });
  seq.push({ k: 'send', id: 7, t: 2, data: 'héllo', state: 1 });
  seq.push({ k: 'send', id: 7, t: 3, data: new Blob([new Uint8Array([9, 8, 7])]), state: 1 });
  seq.push({ k: 'message', id: 7, t: 4, data: new Uint8Array([1, 2]).buffer });
  seq.push({ k: 'send', id: 7, t: 5, data: 'late', state: 3 });
  expect(out).toHaveLength(2); // the Blob is being read; later events wait behind it
  await new Promise((r) => setTimeout(r, 20));
  expect(out.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  expect(out.map((e) => e.conn)).toEqual(Array(5).fill('doc:7'));
  const frames = out.filter((e) => e.kind === 'frame');
  expect(frames.map((f) => f.fseq)).toEqual([1, 2, 3, 4]);
  expect(frames.map((f) => [f.dir, f.opcode, f.size])).toEqual([
    ['sent', 'text', 6], ['sent', 'binary', 3], ['received', 'binary', 2], ['sent', 'text', 4],
  ]);
  expect(new Uint8Array(frames[1].data as ArrayBuffer)).toEqual(new Uint8Array([9, 8, 7]));
  expect(frames[3].discarded).toBe(true);
  expect(frames[0].discarded).toBeUndefined();
});

test('long text: its UTF-8 length is counted over several tasks, and later events keep their order', async () => {
  const out: Captured[] = [];
  const seq = new CaptureSequencer('doc', (e) => out.push(e));
  const long = '😀'.repeat(3 * 1024 * 1024) + 'é';
  seq.push({ k: 'new', id: 1, t: 1, url: 'ws://x/', protocols: [], api: 'WebSocket' });
  seq.push({ k: 'message', id: 1, t: 2, data: long });
  seq.push({ k: 'send', id: 1, t: 3, data: 'next', state: 1 });
  expect(out).toHaveLength(1); // counting goes on in later tasks; the next event waits behind it
  await new Promise((r) => setTimeout(r, 200));
  const frames = out.filter((e) => e.kind === 'frame');
  expect(frames.map((f) => [f.fseq, f.size])).toEqual([[1, Buffer.byteLength(long)], [2, 4]]);
  expect(frames[0].data).toBe(long);
});

test('a Blob that cannot be read: the frame is kept, empty, in its place, and counted', async () => {
  const out: Captured[] = [];
  const seq = new CaptureSequencer('doc', (e) => out.push(e));
  const unreadable = Object.assign(new Blob(['gone']), { arrayBuffer: () => Promise.reject(new DOMException('NotReadableError')) });
  seq.push({ k: 'message', id: 1, t: 1, data: unreadable });
  seq.push({ k: 'send', id: 1, t: 2, data: 'after', state: 1 });
  await new Promise((r) => setTimeout(r, 20));
  const frames = out.filter((e) => e.kind === 'frame');
  expect(frames.map((f) => [f.fseq, f.size])).toEqual([[1, 0], [2, 5]]);
  expect(seq.unreadable).toBe(1);
});
