import { describe, expect, test } from 'vitest';
import { ByteReader } from './byte-reader';
import { decodeUtf8, looksLikeText } from './utf8';

describe('UTF-8', () => {
  test.each([
    [[0x61, 0x80], 1], [[0xc0, 0x80], 0], [[0xe0, 0x80, 0x80], 0], [[0xed, 0xa0, 0x80], 0], [[0x61, 0xf0, 0x9f, 0x98], 1], [[0xf5, 0x80, 0x80, 0x80], 0],
  ])('%j is invalid at byte %i', (bytes, offset) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toEqual({ ok: false, offset });
  });

  test('looksLikeText', () => {
    expect(looksLikeText('hello\n')).toBe(true);
    expect(looksLikeText('\u0000\u0001ab')).toBe(false);
  });
});

describe('ByteReader', () => {
  test('varints: numbers while exact, bigint beyond, bounded length', () => {
    expect(new ByteReader(Uint8Array.from([0x96, 0x01])).varint('v')).toBe(150);
    expect(new ByteReader(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).varint('v')).toBe(2n ** 64n - 1n);
    expect(() => new ByteReader(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x01])).varint('len', 4)).toThrow('len: varint longer than 4 bytes at byte 0');
  });

  test('reads past the end say what and where', () => {
    const reader = new ByteReader(Uint8Array.from([1, 2, 3]), 1);
    expect(reader.u8('a')).toBe(2);
    expect(() => reader.u16('b')).toThrow('b: needs 2 bytes, 1 left at byte 2');
  });
});
