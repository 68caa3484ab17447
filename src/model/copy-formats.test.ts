import { expect, test } from 'vitest';
import { bytesToBase64 } from './bytes';
import type { Frame } from './capture-store';
import { payloadBase64, payloadHex, payloadText, sendSnippet } from './copy-formats';

const text: Frame = { index: 0, pos: 0, conn: 'c', time: 0, dir: 'sent', opcode: 'text', data: 'hé "q"\n', size: 9 };
const bin: Frame = { ...text, opcode: 'binary', data: bytesToBase64(new Uint8Array([0, 1, 255])), size: 3 };

test('copy formats for text and binary frames', () => {
  expect(sendSnippet(text)).toBe('ws.send("hé \\"q\\"\\n");');
  expect(sendSnippet(bin)).toBe('ws.send(new Uint8Array([0, 1, 255]));');
  expect(payloadHex(text)).toBe('68c3a9202271220a');
  expect(payloadHex(bin)).toBe('0001ff');
  expect(atob(payloadBase64(text))).toBe('h\xc3\xa9 "q"\n');
  expect(payloadBase64(bin)).toBe('AAH/');
  expect(payloadText(bin)).toBe('00 01 ff');
});
