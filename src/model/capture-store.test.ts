import { expect, test } from 'vitest';
import type { CaptureEvent, FrameEvent } from '../protocol/capture';
import type { PanelMessage, RelayCounters } from '../protocol/ports';
import { CaptureStore } from './capture-store';
import { framePreview } from './format';

const DOC = 'doc-a';
const conn = (id = 1): CaptureEvent => ({ kind: 'connection', seq: 0, conn: `${DOC}:${id}`, time: 0, url: 'ws://x/', protocols: [], api: 'WebSocket' });
const frame = (fseq: number, opts: Partial<FrameEvent> = {}): FrameEvent =>
  ({ kind: 'frame', seq: fseq, fseq, conn: `${DOC}:1`, time: 100 + fseq, dir: 'sent', opcode: 'text', data: `f${fseq}`, size: 2, ...opts });
const backlog = (events: CaptureEvent[], o: { docId?: string; frameId?: number; timeOrigin?: number; counters?: RelayCounters } = {}): PanelMessage =>
  ({ v: 1, type: 'backlog', docId: o.docId ?? DOC, url: 'http://p/', timeOrigin: o.timeOrigin ?? 1, events, ...(o.counters ? { counters: o.counters } : {}), last: true, frameId: o.frameId ?? 0 });
const live = (events: CaptureEvent[], docId = DOC): PanelMessage => ({ v: 1, type: 'events', docId, events, frameId: 0 });

test('backlog then live frames, each counted on its connection', () => {
  const s = new CaptureStore();
  s.apply(backlog([conn(), frame(1), frame(2, { dir: 'received', size: 5 })]));
  s.apply(live([frame(3)]));
  expect(s.frames.map((f) => f.data)).toEqual(['f1', 'f2', 'f3']);
  expect(s.connections.get(`${DOC}:1`)).toMatchObject({ framesSent: 2, framesReceived: 1, bytesSent: 4, bytesReceived: 5 });
});

test('a resent backlog (service worker restart) adds nothing twice', () => {
  const s = new CaptureStore();
  s.apply(backlog([conn(), frame(1), frame(2)]));
  s.apply(live([frame(3)]));
  expect(s.since()).toEqual({ [DOC]: 3 });
  s.apply(backlog([conn(), frame(1), frame(2), frame(3), frame(4)]));
  expect(s.frames.map((f) => f.data)).toEqual(['f1', 'f2', 'f3', 'f4']);
  expect(s.connections.size).toBe(1);
});

test('events of an unknown document are ignored until its backlog arrives', () => {
  const s = new CaptureStore();
  s.apply(live([conn(), frame(1)]));
  expect(s.frames).toHaveLength(0);
});

test('lifecycle: open, error, close with code and reason', () => {
  const s = new CaptureStore();
  s.apply(backlog([conn(), { kind: 'open', seq: 1, conn: `${DOC}:1`, time: 5, protocol: 'chat', extensions: 'permessage-deflate' }]));
  expect(s.connections.get(`${DOC}:1`)).toMatchObject({ state: 'open', protocol: 'chat', openedAt: 5 });
  s.apply(live([{ kind: 'error', seq: 2, conn: `${DOC}:1`, time: 6 }, { kind: 'close', seq: 3, conn: `${DOC}:1`, time: 7, code: 1006, reason: '', wasClean: false }]));
  expect(s.connections.get(`${DOC}:1`)).toMatchObject({ state: 'closed', errored: true, close: { code: 1006, wasClean: false } });
});

test('frames from another frame\'s backlog are merged in time order', () => {
  const s = new CaptureStore();
  s.apply(backlog([conn(), frame(1, { time: 10 }), frame(2, { time: 30 })]));
  s.apply(backlog([{ ...conn(), conn: 'doc-b:1' }, { ...frame(1, { time: 20 }), conn: 'doc-b:1', data: 'b1' }], { docId: 'doc-b', frameId: 3, timeOrigin: 2 }));
  expect(s.frames.map((f) => f.data)).toEqual(['f1', 'b1', 'f2']);
});

test('counts frames the page evicted and frames over the panel cap', () => {
  const s = new CaptureStore({ maxFrames: 3, preserveLog: false });
  s.apply(backlog([conn(), frame(6), frame(7)]));
  s.apply(live([frame(8), frame(9), frame(10)]));
  expect(s.lost).toBe(5);
  expect(s.dropped).toBe(2);
  expect(s.frames.map((f) => f.data)).toEqual(['f8', 'f9', 'f10']);
});

test('a new top-level document starts a new session unless the log is preserved', () => {
  const s = new CaptureStore();
  s.apply(backlog([conn(), frame(1)], { timeOrigin: 1 }));
  s.apply(backlog([{ ...conn(), conn: 'doc-n:1' }, { ...frame(1), conn: 'doc-n:1', data: 'new' }], { docId: 'doc-n', timeOrigin: 2 }));
  expect(s.frames.map((f) => f.data)).toEqual(['new']);
  // The old document's late events are not shown in the new session.
  s.apply(live([frame(2)]));
  expect(s.frames.map((f) => f.data)).toEqual(['new']);

  const p = new CaptureStore({ maxFrames: 100, preserveLog: true });
  p.apply(backlog([conn(), frame(1)], { timeOrigin: 1 }));
  p.apply(backlog([{ ...conn(), conn: 'doc-n:1' }, { ...frame(1), conn: 'doc-n:1', data: 'new' }], { docId: 'doc-n', timeOrigin: 2 }));
  expect(p.frames.map((f) => f.data)).toEqual(['f1', 'new']);
});

test('clear keeps what was seen, so a resync does not bring cleared frames back', () => {
  const s = new CaptureStore();
  s.apply(backlog([conn(), frame(1), frame(2)]));
  s.clear();
  s.apply(backlog([conn(), frame(1), frame(2), frame(3)]));
  expect(s.frames.map((f) => f.data)).toEqual(['f3']);
});

test('handshakes without a captured connection are sockets the hook could not reach', async () => {
  const { uncapturedSockets } = await import('./capture-store');
  const s = new CaptureStore();
  s.apply(backlog([{ ...conn(), time: 10_000 }]));
  s.apply({ v: 1, type: 'handshake', url: 'ws://x/', time: 10_050, frameId: 0 });
  s.apply({ v: 1, type: 'handshake', url: 'ws://worker/', time: 10_060, frameId: 0 });
  s.apply({ v: 1, type: 'handshake', url: 'ws://x/', time: 30_000, frameId: 0 });
  expect(uncapturedSockets(s, 40_000).map((h) => [h.url, h.time])).toEqual([['ws://worker/', 10_060], ['ws://x/', 30_000]]);
  expect(uncapturedSockets(s, 10_100)).toEqual([]); // too recent: the hook's report may still come
});

test('a binary payload that arrives as an ArrayBuffer (structured-clone messaging) is kept as base64', () => {
  const s = new CaptureStore();
  const buffer = new Uint8Array([1, 2, 3, 0xfe, 0xff]).buffer;
  s.apply(backlog([conn()]));
  s.apply({ v: 1, type: 'events', docId: DOC, frameId: 0, events: [{ ...frame(1, { opcode: 'binary', size: 5 }), data: buffer }] });
  expect(s.frames[0].bytes).toBe(buffer); // kept as it came; base64 only when read
  expect(s.frames[0]).toMatchObject({ opcode: 'binary', data: 'AQID/v8=', size: 5 });
  expect({ ...s.frames[0] }.data).toBe('AQID/v8='); // copies get the base64 too
  expect(framePreview(s.frames[0])).toBe('01 02 03 fe ff');
});
