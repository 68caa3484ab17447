import { expect, test } from 'vitest';
import { bytesToBase64 } from './bytes';
import type { Frame } from './capture-store';
import { describeState, formatSize, framePreview, hexDump, prettyJson } from './format';

const frame = (data: string, opcode: Frame['opcode'] = 'text', size = data.length): Frame =>
  ({ index: 0, pos: 0, conn: 'd:1', time: 0, dir: 'sent', opcode, data, size });

test('framePreview: text flattened and cut, binary as hex of the first 64 bytes', () => {
  expect(framePreview(frame('a\nb\tc'))).toBe('a b c');
  expect(framePreview(frame('x'.repeat(300)))).toBe('x'.repeat(200) + '…');
  const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
  const preview = framePreview(frame(bytesToBase64(bytes), 'binary', 100));
  expect(preview.startsWith('00 01 02')).toBe(true);
  expect(preview.endsWith('3f …')).toBe(true);
});

test('prettyJson only for objects and arrays that parse', () => {
  expect(prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
  expect(prettyJson('{"a":')).toBeNull();
  expect(prettyJson('42')).toBeNull();
  expect(prettyJson('<b>hi</b>')).toBeNull();
});

test('hexDump has offsets, hex and an ASCII column', () => {
  const dump = hexDump(new TextEncoder().encode('Hello, WebSocket world!\x00\x01'));
  expect(dump.split('\n')).toEqual([
    '00000000  48 65 6c 6c 6f 2c 20 57 65 62 53 6f 63 6b 65 74  Hello, WebSocket',
    '00000010  20 77 6f 72 6c 64 21 00 01                       ...'.replace('...', ' world!..'),
  ]);
});

test('formatSize and describeState', () => {
  expect(formatSize(999)).toBe('999 B');
  expect(formatSize(2048)).toBe('2.0 KB');
  expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  const base = { state: 'closed', close: { code: 4001, reason: 'bye', wasClean: true } } as never;
  expect(describeState(base)).toBe('closed 4001 "bye"');
});
