/** Finding 3: a time no Date can hold must never crash, blank or hang the panel. */
import { expect, test } from 'vitest';
import type { FrameEvent } from '../protocol/capture';
import { CaptureStore } from './capture-store';
import { formatClock, formatFullTime } from './format';
import { fromHar, ImportError, toHar } from './har';
import { fromNdjson, fromSessionJson } from './ndjson';
import { loadSession } from './session-io';
import { recentRate, timelineSeries } from './stats';

const BAD = [-1e20, 1e16, 1e13 * 1000, Infinity, -Infinity, NaN];

test.each(BAD)('formatting %d never throws', (t) => {
  expect(formatClock(t)).toBe('invalid time');
  expect(formatFullTime(t)).toMatch(/^invalid time/);
});

test('the Date range\'s own ends still format', () => {
  expect(formatFullTime(8.64e15)).toBe('+275760-09-13T00:00:00.000000Z');
  expect(formatClock(-8.64e15)).toMatch(/^\d\d:\d\d:\d\d\.000$/);
});

test('an NDJSON line with a time outside the Date range is refused with a clear message', () => {
  const line = (time: number) => JSON.stringify({ time, connection: 1, url: 'ws://x/', dir: 'sent', opcode: 'text', data: 'a' });
  expect(() => fromNdjson(line(-1e20))).toThrow(ImportError);
  expect(() => fromNdjson(line(-1e20))).toThrow('line 1: "time" -100000000000000000000 ms is outside the range of dates');
  expect(() => fromNdjson(`${line(1)}\n${line(1e16)}`)).toThrow(/^line 2: "time" 10000000000000000 ms is outside the range of dates/);
  expect(fromNdjson(line(1_700_000_000_000)).connections[0].frames[0].time).toBe(1_700_000_000_000);
});

test('a HAR message time of 1e13 s is refused, naming the field', () => {
  const har = (time: number) => JSON.stringify({ log: { entries: [{ _resourceType: 'websocket', request: { url: 'ws://x/' }, _webSocketMessages: [{ type: 'send', time, opcode: 1, data: 'a' }] }] } });
  expect(() => fromHar(har(1e13))).toThrow(/^log\.entries\[0\]\._webSocketMessages\[0\]\.time: 10000000000000 s: .* outside the range of dates/);
  expect(fromHar(har(1_700_000_000.5)).connections[0].frames[0].time).toBe(1_700_000_000_500);
});

test('wsinspect JSON: a connection time outside the Date range is refused', () => {
  const json = JSON.stringify({ connections: [{ url: 'ws://x/', createdAt: -1e20, frames: [] }] });
  expect(() => fromSessionJson(json)).toThrow(/^connections\[0\]\.createdAt: .* outside the range of dates/);
});

test('export never throws on a connection time no Date can hold', () => {
  const har = toHar({ connections: [{ url: 'ws://x/', protocol: '', extensions: '', createdAt: 1e20, frames: [] }] }) as { log: { entries: Array<{ startedDateTime: string }> } };
  expect(har.log.entries[0].startedDateTime).toBe('1970-01-01T00:00:00.000Z');
});

test('binning frames at absurd times neither hangs nor allocates per second of the range', () => {
  const s = new CaptureStore();
  const frame = (fseq: number, time: number): FrameEvent => ({ kind: 'frame', seq: fseq, fseq, conn: 'd:1', time, dir: 'sent', opcode: 'text', data: 'x', size: 1 });
  s.apply({ v: 1, type: 'backlog', docId: 'd', url: 'u', timeOrigin: 1, last: true, frameId: 0, events: [
    { kind: 'connection', seq: 0, conn: 'd:1', time: 0, url: 'ws://x/', protocols: [], api: 'WebSocket' },
    ...BAD.map((t, i) => frame(i + 1, t)), frame(BAD.length + 1, 1_700_000_000_000), frame(BAD.length + 2, -8.64e15), frame(BAD.length + 3, 8.64e15),
  ] });
  expect(s.frames).toHaveLength(BAD.length + 3);
  const series = timelineSeries(s);
  expect(series.seconds.length).toBeLessThanOrEqual(3600);
  expect(series.seconds.at(-1)).toBe(1e13); // 1e16 ms: a bin, but the series stays 3,600 seconds wide
  expect(recentRate(s, Date.now())).toBe(0);
  // Loading a session with such times (a store does not check) is bounded too.
  loadSession(s, { connections: [{ url: 'ws://x/', protocol: '', extensions: '', createdAt: -1e20, frames: [{ time: -1e20, dir: 'sent', opcode: 'text', data: 'x', size: 1 }] }] }, 'bad');
  expect(timelineSeries(s).seconds).toEqual([]);
});
