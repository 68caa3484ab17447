import { expect, test } from 'vitest';
import { CaptureStore } from './capture-store';
import { timelineSeries } from './stats';

test('a capture shorter than a second still gives the chart a line over ten seconds (issue 13, finding 5)', () => {
  const store = new CaptureStore();
  const t = 1_764_990_000_250;
  store.apply({ v: 1, type: 'backlog', docId: 'd', url: 'x', timeOrigin: 1, last: true, frameId: 0, events: [
    { kind: 'connection', seq: 1, conn: 'd:1', time: t, url: 'ws://x', protocols: [], api: 'WebSocket' },
    { kind: 'frame', seq: 2, fseq: 1, conn: 'd:1', time: t + 1, dir: 'sent', opcode: 'text', data: 'a', size: 1 },
    { kind: 'frame', seq: 3, fseq: 2, conn: 'd:1', time: t + 2, dir: 'received', opcode: 'text', data: 'a', size: 1 },
  ] });
  const s = timelineSeries(store);
  expect(s.seconds).toHaveLength(10);
  expect(s.seconds.at(-1)).toBe(Math.floor((t + 2) / 1000));
  expect(s.seconds[1] - s.seconds[0]).toBe(1);
  expect(s.sent.at(-1)).toBe(1);
  expect(s.received.at(-1)).toBe(1);
  expect(s.sent.slice(0, 9)).toEqual(Array(9).fill(0));
});
