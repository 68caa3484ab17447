import { expect, test } from 'vitest';
import type { CaptureEvent } from '../protocol/capture';
import { bytesToBase64 } from './bytes';
import { CaptureStore } from './capture-store';
import { fromHar, ImportError, toHar } from './har';
import { fromNdjson, toNdjson } from './ndjson';
import { loadSession, sessionFromStore } from './session-io';

function sampleStore(): CaptureStore {
  const store = new CaptureStore();
  const conn = 'd:1';
  const bin = bytesToBase64(Uint8Array.from({ length: 256 }, (_, i) => i));
  const events: CaptureEvent[] = [
    { kind: 'connection', seq: 1, conn, time: 1_700_000_000_000.25, url: 'wss://example.test/ws?token=secret123', protocols: ['chat'], api: 'WebSocket' },
    { kind: 'open', seq: 2, conn, time: 1_700_000_000_010.5, protocol: 'chat', extensions: 'permessage-deflate' },
    { kind: 'frame', seq: 3, fseq: 1, conn, time: 1_700_000_000_011.125, dir: 'sent', opcode: 'text', data: 'héllo 😀 {"token":"secret123"}', size: 33 },
    { kind: 'frame', seq: 4, fseq: 2, conn, time: 1_700_000_000_012.75, dir: 'received', opcode: 'binary', data: bin, size: 256 },
    { kind: 'frame', seq: 5, fseq: 3, conn, time: 1_700_000_000_013, dir: 'received', opcode: 'text', data: '', size: 0 },
    { kind: 'close', seq: 6, conn, time: 1_700_000_000_020, code: 4001, reason: 'bye', wasClean: true },
  ];
  store.apply({ v: 1, type: 'backlog', docId: 'd', url: 'https://example.test/', timeOrigin: 1, events, last: true, frameId: 0 });
  return store;
}

const framesOf = (store: CaptureStore) => store.frames.map(({ time, dir, opcode, data, size }) => ({ time, dir, opcode, data, size }));

test('HAR round trip keeps every frame byte-exact, with times, directions and the close', () => {
  const store = sampleStore();
  const har = JSON.stringify(toHar(sessionFromStore(store)));
  const back = new CaptureStore();
  loadSession(back, fromHar(har), 'x.har');
  expect(framesOf(back)).toEqual(framesOf(store));
  const c = [...back.connections.values()][0];
  expect(c).toMatchObject({ url: 'wss://example.test/ws?token=secret123', protocol: 'chat', extensions: 'permessage-deflate', state: 'closed', close: { code: 4001, reason: 'bye' } });
});

test('HAR entries follow Chrome DevTools\' WebSocket format', () => {
  const har = toHar(sessionFromStore(sampleStore())) as any;
  const entry = har.log.entries[0];
  expect(har.log.version).toBe('1.2');
  expect(entry._resourceType).toBe('websocket');
  expect(entry.response.status).toBe(101);
  expect(entry._webSocketMessages[0]).toEqual({ type: 'send', time: 1_700_000_000.011125, opcode: 1, data: 'héllo 😀 {"token":"secret123"}', _order: 0 });
  expect(entry._webSocketMessages[1].opcode).toBe(2);
});

test('redaction replaces matches in urls and text payloads', () => {
  const har = toHar(sessionFromStore(sampleStore()), { patterns: [/secret\d+/] }) as any;
  const json = JSON.stringify(har);
  expect(json).not.toContain('secret123');
  expect(har.log.entries[0].request.url).toBe('wss://example.test/ws?token=[redacted]');
});

test('NDJSON round trip', () => {
  const store = sampleStore();
  const text = toNdjson(sessionFromStore(store));
  // The connection's line, its three frames, its close.
  expect(text.trim().split('\n').map((l) => JSON.parse(l).event ?? 'frame')).toEqual(['connection', 'frame', 'frame', 'frame', 'close']);
  const back = new CaptureStore();
  loadSession(back, fromNdjson(text), 'x.ndjson');
  expect(framesOf(back)).toEqual(framesOf(store));
  expect([...back.connections.values()][0]).toMatchObject({ protocol: 'chat', state: 'closed', close: { code: 4001, reason: 'bye' } });
});

test('broken imports say what and where', () => {
  expect(() => fromHar('{')).toThrow(/^Not JSON/);
  expect(() => fromHar('{"log":{}}')).toThrow('log.entries: missing: not a HAR file');
  const bad = { log: { entries: [{ _resourceType: 'websocket', request: { url: 'ws://x' }, _webSocketMessages: [{ type: 'send', time: 1, opcode: 1, data: 'a' }, { type: 'send', time: 1, opcode: 9, data: 'a' }] }] } };
  expect(() => fromHar(JSON.stringify(bad))).toThrow('log.entries[0]._webSocketMessages[1].opcode: expected 1 (text) or 2 (binary)');
  bad.log.entries[0]._webSocketMessages[1] = { type: 'receive', time: 2, opcode: 2, data: '@@@' };
  expect(() => fromHar(JSON.stringify(bad))).toThrow(ImportError);
  expect(() => fromNdjson('{"url":"ws://x","time":1,"dir":"sent","opcode":"text","data":"a"}\nnope')).toThrow(/^line 2: not JSON/);
  expect(() => fromNdjson('{"url":"ws://x","time":1,"dir":"up","opcode":"text","data":"a"}')).toThrow('line 1: "dir" must be "sent" or "received"');
});

test('non-WebSocket HAR entries are skipped', () => {
  const har = { log: { entries: [{ request: { url: 'https://x/' }, response: {} }, { _resourceType: 'websocket', request: { url: 'ws://y/' }, _webSocketMessages: [] }] } };
  expect(fromHar(JSON.stringify(har)).connections.map((c) => c.url)).toEqual(['ws://y/']);
});

test('wsinspect JSON round trip, with per-frame errors', async () => {
  const { fromSessionJson } = await import('./ndjson');
  const store = sampleStore();
  const session = sessionFromStore(store);
  const back = new CaptureStore();
  loadSession(back, fromSessionJson(JSON.stringify(session)), 'x.json');
  expect(framesOf(back)).toEqual(framesOf(store));
  const broken = JSON.parse(JSON.stringify(session));
  broken.connections[0].frames[1].opcode = 'blob';
  expect(() => fromSessionJson(JSON.stringify(broken))).toThrow('connections[0].frames[1]: "opcode" must be "text" or "binary"');
});
