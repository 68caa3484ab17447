import { describe, expect, test } from 'vitest';
import { encode } from '@msgpack/msgpack';
import { bytesInput, hex, run, summary } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { msgpackDecoder } from './msgpack';

describe('MessagePack', () => {
  test('maps, arrays, binary, int64 and timestamps become a JSON-safe tree', () => {
    const bytes = encode({ id: 2n ** 60n, small: 5n, bin: new Uint8Array([1, 2]), at: new Date(0), nested: [null, 1.5] }, { useBigInt64: true });
    const result = run(msgpackDecoder, bytesInput(bytes));
    expect(result).toMatchObject({
      ok: true,
      tree: { id: '1152921504606846976', small: 5, bin: '<2 bytes: 01 02>', at: '1970-01-01T00:00:00.000Z', nested: [null, 1.5] },
    });
    expect(summary(result)).toMatch(/^MessagePack \{"id":"1152921504606846976","small":5,/);
  });

  test('non-string map keys are kept', () => {
    expect(run(msgpackDecoder, bytesInput(hex('81 91 01 02')))).toMatchObject({ tree: { '[1]': 2 } });
  });

  test('errors: the scanner says what and where', () => {
    expect(summary(run(msgpackDecoder, bytesInput(hex('92 01'))))).toBe('error: truncated: array at byte 0 declares 2 entries, only 1 bytes left');
    expect(summary(run(msgpackDecoder, bytesInput(hex('92 91 01'))))).toBe('error: truncated: expected a value at byte 3');
    expect(summary(run(msgpackDecoder, bytesInput(hex('91 01 02'))))).toBe('error: 1 extra bytes after the MessagePack value, at byte 2');
    expect(summary(run(msgpackDecoder, bytesInput(hex('c1'))))).toBe('error: invalid type byte 0xc1 at byte 0');
    expect(summary(run(msgpackDecoder, bytesInput(hex('da 00 05 61 62'))))).toBe('error: truncated: the value at byte 0 needs 5 more bytes, 2 left');
    expect(summary(run(msgpackDecoder, bytesInput(hex('c7 02 01 aa'))))).toBe('error: truncated: the value at byte 0 needs 3 more bytes, 2 left');
    expect(summary(run(msgpackDecoder, bytesInput(new Uint8Array([...Array(70).fill(0x91), 0]))))).toBe('error: nested deeper than 64 levels at byte 64');
  });

  test('a forged length cannot make the library allocate: nested array headers fail in the scanner', () => {
    expect(summary(run(msgpackDecoder, bytesInput(hex('dd ff ff ff ff'))))).toBe('error: truncated: array at byte 0 declares 4294967295 entries, only 0 bytes left');
    expect(summary(run(msgpackDecoder, bytesInput(new Uint8Array(3000).fill(0xdc))))).toBe('error: truncated: array at byte 0 declares 56540 entries, only 2997 bytes left');
  });

  test('values the scanner passes but the library refuses keep its message', () => {
    // A timestamp extension (-1) of the wrong size.
    expect(summary(run(msgpackDecoder, bytesInput(hex('d5 ff 00 00'))))).toMatch(/^error: .*timestamp/i);
  });

  test('guessing: a whole-frame, non-empty map or array only', () => {
    expect(decodeFrame(bytesInput(encode({ a: 1 })))?.format).toBe('msgpack');
    expect(decodeFrame(bytesInput(encode(5)))?.format).not.toBe('msgpack');
    expect(run(msgpackDecoder, bytesInput(hex('90')), true)).toBeNull();
  });
});
