import { describe, expect, test } from 'vitest';
import { encode } from '@msgpack/msgpack';
import { bytesToBase64 } from '../../model/bytes';
import { run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { base64Decoder } from './base64';

describe('base64', () => {
  test('decodes and decodes again by content (here MessagePack)', () => {
    const result = run(base64Decoder, textInput(bytesToBase64(encode({ a: 1, b: [true] }))));
    expect(summary(result)).toBe('base64 8 B → MessagePack {"a":1,"b":[true]}');
    expect(result).toMatchObject({ tree: '<8 bytes: 82 a1 61 01 a1 62 91 c3>', nested: { format: 'msgpack', tree: { a: 1, b: [true] } } });
  });

  test('url-safe alphabet without padding', () => {
    expect(summary(run(base64Decoder, textInput('eyJhIjoxfQ')))).toBe('base64 7 B → {"a":1}');
  });

  test('errors say which character or why', () => {
    expect(summary(run(base64Decoder, textInput('abc$')))).toBe('error: character "$" at position 3 is not base64');
    expect(summary(run(base64Decoder, textInput('abcde')))).toBe('error: length 5 or padding is not valid base64');
  });

  test('guessing: only when the bytes inside are recognisably something', () => {
    expect(decodeFrame(textInput('SGVsbG8sIHdvcmxkIQ=='))?.format).toBe('base64'); // "Hello, world!"
    expect(decodeFrame(textInput('deadbeef'))?.format).toBe('text');
    expect(decodeFrame(textInput('abcd'))?.format).toBe('text');
  });
});
