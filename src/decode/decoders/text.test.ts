import { describe, expect, test } from 'vitest';
import { bytesInput, run, summary, textInput } from '../testing/inputs';
import { textDecoder } from './text';

describe('text', () => {
  test('text frames always decode; line breaks are folded in the summary', () => {
    expect(run(textDecoder, textInput('hello\nworld'))).toEqual({ ok: true, format: 'text', summary: 'hello⏎world', tree: 'hello\nworld' });
  });

  test('binary frames: strict UTF-8, with the offset of the first bad byte', () => {
    expect(summary(run(textDecoder, bytesInput([0x68, 0xc3, 0xa9])))).toBe('hé');
    expect(summary(run(textDecoder, bytesInput([0x68, 0x69, 0xc3, 0x28])))).toBe('error: invalid UTF-8 at byte 2');
  });

  test('guessing claims only readable text', () => {
    expect(run(textDecoder, bytesInput([0x68, 0x01, 0x02, 0x03]), true)).toBeNull();
  });
});
