import { expect, test } from 'vitest';
import type { CaptureEvent, FrameEvent } from '../protocol/capture';
import type { PanelMessage, RelayCounters } from '../protocol/ports';
import { CaptureStore } from './capture-store';
import { lossNotices } from './losses';
import { loadSession } from './session-io';

const DOC = 'doc-a';
const conn = (id = 1): CaptureEvent => ({ kind: 'connection', seq: 0, conn: `${DOC}:${id}`, time: 0, url: 'ws://x/', protocols: [], api: 'WebSocket' });
const frame = (fseq: number): FrameEvent => ({ kind: 'frame', seq: fseq, fseq, conn: `${DOC}:1`, time: 100 + fseq, dir: 'sent', opcode: 'text', data: `f${fseq}`, size: 2 });
const frames = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => frame(from + i));
const counters = (lastFseq: number, more: Partial<RelayCounters> = {}): RelayCounters => ({ lastFseq, forgottenConnections: 0, rejected: {}, clampedTimes: 0, unreadablePayloads: 0, ...more });
const backlog = (events: CaptureEvent[], c?: RelayCounters): PanelMessage =>
  ({ v: 1, type: 'backlog', docId: DOC, url: 'http://p/', timeOrigin: 1, events, ...(c ? { counters: c } : {}), last: true, frameId: 0 });
const live = (events: CaptureEvent[], c?: RelayCounters): PanelMessage => ({ v: 1, type: 'events', docId: DOC, events, ...(c ? { counters: c } : {}), frameId: 0 });
const ids = (s: CaptureStore) => lossNotices(s).map((l) => `${l.id}: ${l.text}`);

test('a relay resending its whole backlog after a service-worker restart (since {}) reports no loss, however often', () => {
  // The panel got 300,000 frames live; the page's backlog keeps the last 100,000.
  const s = new CaptureStore();
  s.apply(backlog([conn(), ...frames(1, 10)], counters(10)));
  for (let f = 11; f <= 300_000; f += 10_000) { const to = Math.min(f + 9_999, 300_000); s.apply(live(frames(f, to), counters(to))); }
  for (let round = 0; round < 3; round++) s.apply(backlog([conn(), ...frames(200_001, 300_000)], counters(300_000)));
  expect(s.frames).toHaveLength(300_000);
  expect(s.lost).toBe(0);
  expect(ids(s)).toEqual([]);
});

test('frames evicted before the panel got the document count once, as "before DevTools opened", across re-syncs', () => {
  const s = new CaptureStore();
  s.apply(backlog([conn(), ...frames(6, 10)], counters(10)));
  s.apply(backlog([conn(), ...frames(6, 10)], counters(10)));
  s.apply(backlog([conn(), ...frames(8, 12)], counters(12)));
  expect(s.frames.map((f) => f.data)).toEqual(['f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12']);
  expect(s.lostBy).toEqual({ beforeOpen: 5, whileDisconnected: 0 });
  expect(ids(s)).toEqual(['lost: 5 frames evicted before DevTools opened']);
});

test('a gap after the panel had the document is a loss while it was reconnecting; a tail the relay numbered but never sent too', () => {
  const s = new CaptureStore();
  s.apply(backlog([conn(), ...frames(1, 5)], counters(5)));
  s.apply(backlog([conn(), ...frames(9, 10)], counters(10))); // 6–8 evicted while the worker was down
  s.apply(live(frames(11, 11), counters(14))); // 12–14 numbered, never sent (the page went away)
  expect(s.lostBy).toEqual({ beforeOpen: 0, whileDisconnected: 6 });
  expect(s.lost).toBe(6);
  expect(ids(s)).toEqual(['missed: 6 frames missed while the panel was reconnecting']);
  s.apply(live(frames(12, 14), counters(14))); // late copies are duplicates now, not un-lost
  expect(s.frames).toHaveLength(8);
});

test('relay counters are cumulative: shown once however many messages carry them, and from zero after Clear', () => {
  const s = new CaptureStore();
  const c = counters(0, { forgottenConnections: 8000, rejected: { 'bad id': 2, 'bad field': 1 }, clampedTimes: 3, unreadablePayloads: 1 });
  s.apply(backlog([conn()], c));
  s.apply(live([], c));
  s.apply(backlog([conn()], { ...c, rejected: { 'bad id': 2 } })); // never goes down
  expect(ids(s)).toEqual([
    'forgotten: 8,000 closed connections forgotten before DevTools opened',
    'rejected: 3 malformed reports from the page refused',
    'clamped: 3 event times out of range, replaced',
    'unreadable: 1 payload could not be read, shown empty',
  ]);
  expect(lossNotices(s).find((l) => l.id === 'rejected')!.title).toContain('bad id: 2, bad field: 1');
  s.clear();
  expect(ids(s)).toEqual([]);
  s.apply(live([], { ...c, clampedTimes: 4 }));
  expect(ids(s)).toEqual(['clamped: 1 event time out of range, replaced']);
});

test('an imported session with interleaved connections keeps every frame, and reports no loss', () => {
  const s = new CaptureStore();
  const conn = (url: string, times: number[]) => ({ url, protocol: '', extensions: '', createdAt: 0, frames: times.map((time) => ({ time, dir: 'sent' as const, opcode: 'text' as const, data: `${url}${time}`, size: 2 })) });
  loadSession(s, { connections: [conn('a', [1, 3, 5]), conn('b', [2, 4, 6])] }, 'x');
  expect(s.frames.map((f) => f.data)).toEqual(['a1', 'b2', 'a3', 'b4', 'a5', 'b6']);
  expect(s.lost).toBe(0);
});

test('a cut socket url stays marked on its connection', () => {
  const s = new CaptureStore();
  s.apply(backlog([{ ...conn(), url: 'ws://x/aaa…', urlLength: 70_000 } as CaptureEvent]));
  expect(s.connections.get(`${DOC}:1`)).toMatchObject({ url: 'ws://x/aaa…', urlLength: 70_000 });
});
