import { expect, test } from 'vitest';
import { isPackedEvents, packEvents, unpackEvents } from './packed';
import type { WireEvent } from './ports';

const events: WireEvent[] = [
  { kind: 'connection', seq: 1, conn: 'd:1', time: 1, url: 'ws://x/', protocols: [], api: 'WebSocket' },
  { kind: 'frame', seq: 2, fseq: 1, conn: 'd:1', time: 2, dir: 'sent', opcode: 'text', data: 'he said "hi"\n', size: 13 },
  { kind: 'frame', seq: 3, fseq: 2, conn: 'd:1', time: 3, dir: 'received', opcode: 'binary', data: new Uint8Array([1, 2, 255]).buffer, size: 3 },
];

test('packed events: one JSON string plus binary payloads as buffers, unpacked to the same events', () => {
  const packed = packEvents(events);
  expect(isPackedEvents(packed)).toBe(true);
  expect(packed.buffers).toHaveLength(1);
  expect(JSON.parse(packed.json)[2].data).toBe(0); // the payload's index in `buffers`
  const back = unpackEvents(structuredClone(packed));
  expect(back.slice(0, 2)).toEqual(events.slice(0, 2));
  const bin = back[2] as { data: ArrayBuffer };
  expect([...new Uint8Array(bin.data)]).toEqual([1, 2, 255]);
  expect((events[2] as { data: unknown }).data).toBeInstanceOf(ArrayBuffer); // the backlog's own event is untouched
});

test('unpacking tolerates what a broken sender could send', () => {
  expect(unpackEvents({ json: '{', buffers: [] })).toEqual([]);
  expect(unpackEvents({ json: '{"a":1}', buffers: [] })).toEqual([]);
  expect(unpackEvents({ json: '[{"kind":"frame","data":7}]', buffers: [] })).toEqual([{ kind: 'frame', data: '' }]);
  expect(unpackEvents(events)).toBe(events);
  expect(isPackedEvents({ json: 1, buffers: [] })).toBe(false);
});
