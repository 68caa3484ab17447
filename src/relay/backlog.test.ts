import { expect, test } from 'vitest';
import { Backlog, type StoredFrame } from './backlog';

const frame = (fseq: number, size = 10): StoredFrame =>
  ({ kind: 'frame', seq: fseq * 2, fseq, conn: 'd:1', time: fseq, dir: 'sent', opcode: 'text', data: 'x', size });

test('keeps everything under the caps, in capture order', () => {
  const b = new Backlog({ maxFrames: 10, maxBytes: 1000, maxConnections: 5 });
  b.addLifecycle({ kind: 'connection', seq: 1, conn: 'd:1', time: 0, url: 'ws://x', protocols: [], api: 'WebSocket' });
  for (let i = 1; i <= 3; i++) b.addFrame(frame(i));
  const { events, lost } = b.snapshot(0);
  expect(events.map((e) => e.seq)).toEqual([1, 2, 4, 6]);
  expect(lost).toBe(0);
  expect(b.snapshot(2).events.map((e) => e.seq)).toEqual([1, 6]);
});

test('evicts the oldest frames past the count cap and says how many a reader missed', () => {
  const b = new Backlog({ maxFrames: 3, maxBytes: 1e9, maxConnections: 5 });
  for (let i = 1; i <= 10; i++) b.addFrame(frame(i));
  expect(b.frameCount).toBe(3);
  expect(b.evicted).toBe(7);
  expect(b.snapshot(0)).toMatchObject({ lost: 7 });
  expect(b.snapshot(5)).toMatchObject({ lost: 2 });
  expect(b.snapshot(9)).toMatchObject({ lost: 0 });
  expect(b.snapshot(9).events.map((e) => (e as StoredFrame).fseq)).toEqual([10]);
});

test('evicts past the byte cap but always keeps the newest frame', () => {
  const b = new Backlog({ maxFrames: 100, maxBytes: 25, maxConnections: 5 });
  b.addFrame(frame(1, 10));
  b.addFrame(frame(2, 10));
  b.addFrame(frame(3, 10));
  expect(b.frameCount).toBe(2);
  expect(b.byteCount).toBe(20);
  b.addFrame(frame(4, 1000));
  expect(b.frameCount).toBe(1);
  expect(b.snapshot(0).lost).toBe(3);
});

test('bounds connections by forgetting the oldest closed one', () => {
  const b = new Backlog({ maxFrames: 10, maxBytes: 1000, maxConnections: 2 });
  const open = (n: number) => b.addLifecycle({ kind: 'connection', seq: n, conn: `d:${n}`, time: n, url: 'ws://x', protocols: [], api: 'WebSocket' });
  open(1);
  b.addLifecycle({ kind: 'close', seq: 2, conn: 'd:1', time: 2, code: 1000, reason: '', wasClean: true });
  open(3);
  open(4);
  expect(b.snapshot(0).events.map((e) => e.conn)).toEqual(['d:3', 'd:4']);
});

test('memory is reclaimed as the ring moves', () => {
  const b = new Backlog({ maxFrames: 100, maxBytes: 1e9, maxConnections: 5 });
  for (let i = 1; i <= 50_000; i++) b.addFrame(frame(i));
  expect(b.frameCount).toBe(100);
  expect((b as unknown as { frames: unknown[] }).frames.length).toBeLessThan(10_000);
});

test('a connection whose frames are still kept is not forgotten while another closed one can be', () => {
  const b = new Backlog({ maxFrames: 10, maxBytes: 1000, maxConnections: 2 });
  const open = (n: number) => b.addLifecycle({ kind: 'connection', seq: n, conn: `d:${n}`, time: n, url: 'ws://x', protocols: [], api: 'WebSocket' });
  const close = (n: number) => b.addLifecycle({ kind: 'close', seq: n + 100, conn: `d:${n}`, time: n, code: 1000, reason: '', wasClean: true });
  open(1);
  b.addFrame({ ...frame(1), conn: 'd:1' });
  close(1);
  open(2);
  close(2); // no frames
  open(3); // over the cap: d:2 goes, d:1 stays because its frame is kept
  expect(new Set(b.snapshot(0).events.filter((e) => e.kind === 'connection').map((e) => e.conn))).toEqual(new Set(['d:1', 'd:3']));
});

test('counts each record beside its payload', () => {
  const b = new Backlog({ maxFrames: 100, maxBytes: 100, maxConnections: 5, recordBytes: 40 });
  b.addFrame(frame(1, 10));
  b.addFrame(frame(2, 10));
  expect(b.byteCount).toBe(100);
  b.addFrame(frame(3, 0));
  expect(b.frameCount).toBe(2);
  expect(b.evicted).toBe(1);
});

test('shrinks to the newest frames for a page going into the back/forward cache, counting the rest as evicted', () => {
  const b = new Backlog({ maxFrames: 100, maxBytes: 1e9, maxConnections: 5 });
  for (let i = 1; i <= 10; i++) b.addFrame(frame(i, 100));
  b.shrinkTo(350);
  expect(b.frameCount).toBe(3);
  expect(b.snapshot(0)).toMatchObject({ lost: 7 });
  expect(b.snapshot(0).events.map((e) => (e as StoredFrame).fseq)).toEqual([8, 9, 10]);
});

test('counts the closed connections it forgets, except those a listening panel already received', () => {
  const b = new Backlog({ maxFrames: 10, maxBytes: 1000, maxConnections: 2 });
  const open = (n: number) => b.addLifecycle({ kind: 'connection', seq: n, conn: `d:${n}`, time: n, url: 'ws://x', protocols: [], api: 'WebSocket' });
  const close = (n: number) => b.addLifecycle({ kind: 'close', seq: n + 100, conn: `d:${n}`, time: n, code: 1000, reason: '', wasClean: true });
  for (let n = 1; n <= 5; n++) { open(n); close(n); }
  expect(b.forgottenConnections).toBe(3);
  b.markForwarded(); // a panel got the snapshot: d:4 and d:5
  open(6); close(6); // d:4 goes, but the panel has it
  expect(b.forgottenConnections).toBe(3);
  b.markForwarded('d:6');
  b.clearForwarded(); // the panel closed: the next one has nothing
  open(7); close(7); // d:5 goes unseen by any panel listening now
  expect(b.forgottenConnections).toBe(4);
});
