import { describe, expect, test } from 'vitest';
import { Encoder } from 'cbor-x';
import { bytesInput, hex, run, summary } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { scanCbor } from '../support/cbor-scan';
import { cborDecoder } from './cbor';

const encoder = new Encoder({ useRecords: false });

describe('CBOR', () => {
  test('maps with any keys, tags, byte strings, big integers', () => {
    const bytes = encoder.encode(new Map<unknown, unknown>([['a', 1], [2, new Uint8Array([9])], ['big', 2n ** 70n]]));
    expect(run(cborDecoder, bytesInput(bytes))).toMatchObject({ ok: true, tree: { a: 1, 2: '<1 bytes: 09>', big: '1180591620717411303424' } });
    // Tag 1 (epoch date) and an unknown tag.
    expect(run(cborDecoder, bytesInput(hex('82 c1 00 d8 63 01')))).toMatchObject({ tree: ['1970-01-01T00:00:00.000Z', { tag: 99, value: 1 }] });
  });

  test('RFC 8949 examples: indefinite-length maps and arrays; strings are a cbor-x limitation', () => {
    expect(run(cborDecoder, bytesInput(hex('bf 61 61 01 61 62 9f 02 03 ff ff')))).toMatchObject({ tree: { a: 1, b: [2, 3] } });
    expect(summary(run(cborDecoder, bytesInput(hex('7f 62 73 74 63 72 65 61 ff'))))).toBe('error: indefinite-length text string at byte 0 is not supported');
  });

  test('the scanner names what is wrong and where', () => {
    expect(scanCbor(hex('83 01 02'))).toBe('truncated: array at byte 0 declares 3 entries, only 2 bytes left');
    expect(scanCbor(hex('82 81 01'))).toBe('truncated: expected an item at byte 3');
    expect(scanCbor(hex('01 02'))).toBe('1 extra bytes after the CBOR item, at byte 1');
    expect(scanCbor(hex('5a 00 00 00 10 00'))).toBe('truncated: byte string needs 16 bytes at byte 5, 1 left');
    expect(scanCbor(hex('1c'))).toBe('reserved additional information 28 at byte 0');
    expect(scanCbor(hex('ff'))).toBe('unexpected break (0xff) at byte 0');
    expect(scanCbor(hex('bf 61 61 ff'))).toBe('indefinite map ending at byte 3 has a key without a value');
    expect(scanCbor(hex('f8 10'))).toBe('invalid simple value 16 at byte 0');
    expect(scanCbor(hex('9b 00 00 00 01 00 00 00 00'))).toBe('truncated: array at byte 0 declares 4294967296 entries, only 0 bytes left');
    expect(scanCbor(new Uint8Array([...Array(70).fill(0x81), 0]))).toBe('nested deeper than 64 levels at byte 64');
  });

  test('cbor-x extensions that carry state or expand references are refused', () => {
    expect(summary(run(cborDecoder, bytesInput(hex('d8 1c 80'))))).toBe('error: tag 28 (value sharing) at byte 0 is not decoded');
    expect(summary(run(cborDecoder, bytesInput(hex('d9 df ff 80'))))).toBe('error: tag 57343 (cbor-x records or bundled strings) at byte 0 is not decoded');
  });

  test('guessing: a whole-frame, non-empty map or array only', () => {
    expect(decodeFrame(bytesInput(hex('a1 61 61 01')))).toMatchObject({ format: 'cbor', summary: 'CBOR {"a":1}' });
    expect(decodeFrame(bytesInput(encoder.encode([1.5, 'two', { three: 3 }])))).toMatchObject({ format: 'cbor', summary: 'CBOR [1.5,"two",{"three":3}]' });
    expect(run(cborDecoder, bytesInput(hex('05')), true)).toBeNull();
  });
});
