import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { playRecording, type MockIo } from './mock-runtime';
import { mockScript, TruncatedFramesError } from './mock-script';
import type { Session } from './session-io';

const session: Session = {
  connections: [{
    url: 'ws://app.test/chat?room=1', protocol: 'chat.v1', extensions: '', createdAt: 1000, openedAt: 1010, closedAt: 1500,
    close: { code: 4001, reason: 'bye', wasClean: true },
    frames: [
      { time: 1060, dir: 'received', opcode: 'text', data: 'welcome', size: 7 },
      { time: 1100, dir: 'sent', opcode: 'text', data: '{"type":"say","text":"hi","id":7}', size: 30 },
      { time: 1130, dir: 'received', opcode: 'text', data: '{"type":"said","text":"hi"}', size: 27 },
      { time: 1200, dir: 'sent', opcode: 'binary', data: 'AQID', size: 3 },
      { time: 1250, dir: 'received', opcode: 'binary', data: 'BAUG', size: 3 },
    ],
  }],
};

function fakeIo() {
  const sent: string[] = [];
  let handler: (f: { binary: boolean; data: string }) => void = () => {};
  const closed: Array<[number | undefined, string | undefined]> = [];
  const io: MockIo = { send: (f) => sent.push(f.binary ? `bin:${f.data}` : f.data), close: (c, r) => closed.push([c, r]), onMessage: (h) => { handler = h; } };
  return { io, sent, closed, page: (data: string, binary = false) => handler({ binary, data }) };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

test('a session becomes steps with the delays between them, path and close', () => {
  const script = mockScript(session, ['id']);
  const conn = script.connections[0];
  expect(conn.path).toBe('/chat?room=1');
  expect(conn.steps).toEqual([
    { send: { binary: false, data: 'welcome' }, delayMs: 50 },
    { expect: { binary: false, data: '{"type":"say","text":"hi","id":7}' } },
    { send: { binary: false, data: '{"type":"said","text":"hi"}' }, delayMs: 30 },
    { expect: { binary: true, data: 'AQID' } },
    { send: { binary: true, data: 'BAUG' }, delayMs: 50 },
  ]);
  expect(conn.close).toEqual({ code: 4001, reason: 'bye', delayMs: 250 });
  expect(() => mockScript({ connections: [{ ...session.connections[0], frames: [{ ...session.connections[0].frames[0], truncated: 'preview' }] }] }, [])).toThrow(TruncatedFramesError);
});

test('plays the server side in order, each answer after the page frame it followed, volatile fields relaxed', () => {
  const { io, sent, closed, page } = fakeIo();
  const playback = playRecording(mockScript(session, ['id']).connections[0], io, ['id']);
  vi.advanceTimersByTime(49);
  expect(sent).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(sent).toEqual(['welcome']);
  vi.advanceTimersByTime(1000);
  expect(sent).toEqual(['welcome']); // the answer waits for the page's frame
  page('{"id":99,"text":"hi","type":"say"}'); // another id, other key order: the same
  vi.advanceTimersByTime(30);
  expect(sent).toEqual(['welcome', '{"type":"said","text":"hi"}']);
  page('AQID', true);
  vi.advanceTimersByTime(50);
  expect(sent).toEqual(['welcome', '{"type":"said","text":"hi"}', 'bin:BAUG']);
  expect(playback.done()).toBe(false);
  vi.advanceTimersByTime(250);
  expect(closed).toEqual([[4001, 'bye']]);
  expect(playback.done()).toBe(true);
  expect(playback.mismatches()).toEqual([]);
});

test('what the page sends differently, or beyond the recording, is reported; a speed scales delays', () => {
  const { io, page, sent } = fakeIo();
  const playback = playRecording(mockScript(session, []).connections[0], io, [], 10);
  vi.advanceTimersByTime(5);
  expect(sent).toEqual(['welcome']);
  page('{"type":"say","text":"HELLO","id":7}');
  page('AQID', true);
  vi.advanceTimersByTime(100);
  page('one more');
  expect(playback.mismatches()).toEqual([
    { step: 1, expected: '{"type":"say","text":"hi","id":7}', actual: '{"type":"say","text":"HELLO","id":7}' },
    { step: 5, expected: null, actual: 'one more' },
  ]);
  expect(playback.waitingFor()).toBe('nothing');
});
