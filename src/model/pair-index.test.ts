import { expect, test } from 'vitest';
import { decodeFrame, frameInput } from '../decode';
import type { CaptureEvent, FrameEvent } from '../protocol/capture';
import type { PanelMessage } from '../protocol/ports';
import { CaptureStore } from './capture-store';
import { PAIR_MAX_BYTES, PairIndex, UNPAIRED_AFTER, type HintsOf } from './pair-index';
import { exchangeState, pairHintsOf } from './pairing';

const DOC = 'doc-p';
let seq = 0;
const conn = (id: number): CaptureEvent => ({ kind: 'connection', seq: seq++, conn: `${DOC}:${id}`, time: 0, url: `ws://x/${id}`, protocols: [], api: 'WebSocket' });
const frame = (id: number, dir: 'sent' | 'received', data: string, time: number): FrameEvent =>
  ({ kind: 'frame', seq: seq++, fseq: seq, conn: `${DOC}:${id}`, time, dir, opcode: 'text', data, size: data.length });
const message = (events: CaptureEvent[]): PanelMessage => ({ v: 1, type: 'backlog', docId: DOC, url: 'http://p/', timeOrigin: 1, events, last: true, frameId: 0 });

/** The panel's hints: the real decoders, by content. */
const decoded = { count: 0 };
const hintsOf: HintsOf = (f, c, session) => {
  decoded.count++;
  return pairHintsOf(decodeFrame({ ...frameInput(f, c ?? { url: '', protocol: '', protocols: [] }, session), reassemble: true }, undefined, { fallback: false }));
};
const rpc = (id: number, method: string) => JSON.stringify({ jsonrpc: '2.0', id, method, params: [] });
const result = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, result: 42 });

function storeOf(events: CaptureEvent[]): CaptureStore {
  seq = 0;
  const s = new CaptureStore();
  s.apply(message(events));
  return s;
}

test('JSON-RPC requests are paired with their results, with latency, across interleaved connections', () => {
  const s = storeOf([conn(1), conn(2), frame(1, 'sent', rpc(1, 'sum'), 100), frame(2, 'sent', rpc(1, 'sum'), 105),
    frame(2, 'received', result(1), 130), frame(1, 'received', result(1), 112), frame(1, 'sent', rpc(2, 'get'), 200)]);
  const index = new PairIndex(s, hintsOf);
  expect(index.catchUp(() => false)).toBe(true);
  expect(index.behind).toBe(false);
  const [a, b, c] = index.exchanges();
  expect([a.conn, a.method, a.latency]).toEqual([`${DOC}:1`, 'sum', 12]);
  expect([b.conn, b.latency]).toEqual([`${DOC}:2`, 25]);
  expect(exchangeState(c, 300, 1000)).toBe('pending');
  expect(exchangeState(c, 1300, 1000)).toBe('unanswered');
  expect(index.lastTime).toBe(200);
  // Links both ways: the request names its answer, the answer its request.
  const reply = s.frames.find((f) => f.conn === `${DOC}:1` && f.dir === 'received')!;
  const request = s.frames.find((f) => f.conn === `${DOC}:1` && f.data === rpc(1, 'sum'))!;
  expect(index.linksOf(reply)[0]).toMatchObject({ role: 'answer', exchange: { request: request.index } });
  expect(index.linksOf(request)[0].exchange.answers).toEqual([reply.index]);
});

test('pairs in slices: a deadline stops it, the next call goes on where it stopped', () => {
  const events: CaptureEvent[] = [conn(1)];
  for (let i = 0; i < 500; i++) events.push(frame(1, 'sent', rpc(i, 'm'), i), frame(1, 'received', result(i), i + 1));
  const s = storeOf(events);
  const index = new PairIndex(s, hintsOf);
  let calls = 0;
  index.catchUp(() => ++calls > 3);
  expect(index.behind).toBe(true);
  const partly = index.exchanges().length;
  expect(partly).toBeGreaterThan(0);
  expect(partly).toBeLessThan(500);
  index.catchUp(() => false);
  expect(index.behind).toBe(false);
  expect(index.exchanges()).toHaveLength(500);
  expect(index.exchanges().every((e) => e.latency === 1)).toBe(true);
});

test(`a connection with no request id in its first ${UNPAIRED_AFTER} frames is not decoded any more`, () => {
  const events: CaptureEvent[] = [conn(1)];
  for (let i = 0; i < 1000; i++) events.push(frame(1, 'received', `{"tick":${i}}`, i));
  const s = storeOf(events);
  const index = new PairIndex(s, hintsOf);
  decoded.count = 0;
  index.catchUp(() => false);
  expect(decoded.count).toBe(UNPAIRED_AFTER);
  expect(index.exchanges()).toHaveLength(0);
  expect(index.lastTime, 'frames not decoded still move a recording\'s "now"').toBe(999);
});

test('a request open when its connection closes is unanswered; clearing the store starts over', () => {
  const s = storeOf([conn(1), frame(1, 'sent', rpc(7, 'slow'), 10), { kind: 'close', seq: 99, conn: `${DOC}:1`, time: 20, code: 1000, reason: '', wasClean: true }]);
  const index = new PairIndex(s, hintsOf);
  index.catchUp(() => false);
  expect(exchangeState(index.exchanges()[0], 20, 60_000)).toBe('unanswered');
  expect(index.exchanges()[0].abandoned).toBe('connection closed');
  s.clear();
  expect(index.behind).toBe(true);
  index.catchUp(() => false);
  expect(index.exchanges()).toHaveLength(0);
});

test('frames the store evicted are forgotten', () => {
  seq = 0;
  const s = new CaptureStore({ maxFrames: 4, preserveLog: false });
  s.apply(message([conn(1), frame(1, 'sent', rpc(1, 'a'), 1), frame(1, 'received', result(1), 2)]));
  const index = new PairIndex(s, hintsOf);
  index.catchUp(() => false);
  expect(index.exchanges()).toHaveLength(1);
  s.apply({ v: 1, type: 'events', docId: DOC, frameId: 0, events: [2, 3, 4, 5].map((i) => frame(1, 'sent', rpc(i + 10, 'b'), i + 10)) });
  expect(s.frames).toHaveLength(4);
  index.catchUp(() => false);
  expect(index.exchanges().map((e) => e.method)).toEqual(['b', 'b', 'b', 'b']);
});

test('frames over PAIR_MAX_BYTES are not decoded for pairing', () => {
  const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'upload', params: ['x'.repeat(PAIR_MAX_BYTES)] });
  const s = storeOf([conn(1), frame(1, 'sent', big, 1), frame(1, 'sent', rpc(2, 'small'), 2)]);
  const index = new PairIndex(s, hintsOf);
  decoded.count = 0;
  index.catchUp(() => false);
  expect(decoded.count).toBe(1);
  expect(index.exchanges().map((e) => e.method)).toEqual(['small']);
});
