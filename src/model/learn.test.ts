import { expect, test } from 'vitest';
import type { Connection, Frame } from './capture-store';
import { closeCodeMeaning, explainFrame } from './learn';

test('close codes explained, including ranges', () => {
  expect(closeCodeMeaning(1006)).toMatch(/^Abnormal Closure/);
  expect(closeCodeMeaning(4001)).toMatch(/^Private use/);
  expect(closeCodeMeaning(3005)).toMatch(/libraries and frameworks/);
  expect(closeCodeMeaning(999)).toBe('Not a standard close code.');
});

test('a received binary frame on a closed connection', () => {
  const frame: Frame = { index: 0, pos: 0, conn: 'c', time: 0, dir: 'received', opcode: 'binary', data: 'AAE=', size: 2 };
  const c = { url: 'ws://h/', protocols: ['v1'], protocol: 'v1', extensions: '', close: { code: 1000, reason: 'done', wasClean: true } } as unknown as Connection;
  const terms = explainFrame(frame, c).map((l) => l.term);
  expect(terms).toEqual(["'message' event", 'Size', 'new WebSocket(url, protocols)', 'ws.protocol', 'ws.extensions', 'CloseEvent.code 1000', 'CloseEvent.wasClean']);
  expect(explainFrame(frame, c)[0].text).toContain('binaryType');
});
