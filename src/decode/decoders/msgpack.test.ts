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

  test('errors: truncation and extra bytes, with positions', () => {
    expect(summary(run(msgpackDecoder, bytesInput(hex('92 01'))))).toBe('error: truncated: the data ends inside a value that needs bytes beyond 2 (reading at byte 2)');
    expect(summary(run(msgpackDecoder, bytesInput(hex('91 01 02'))))).toBe('error: Extra 1 of 3 byte(s) found at buffer[2]');
  });

  test('a forged length cannot make it allocate: lengths are capped by the input size', () => {
    expect(summary(run(msgpackDecoder, bytesInput(hex('dd ff ff ff ff'))))).toMatch(/^error: Max length exceeded: array length \(4294967295\)/);
  });

  test('guessing: a whole-frame, non-empty map or array only', () => {
    expect(decodeFrame(bytesInput(encode({ a: 1 })))?.format).toBe('msgpack');
    expect(decodeFrame(bytesInput(encode(5)))?.format).not.toBe('msgpack');
    expect(run(msgpackDecoder, bytesInput(hex('90')), true)).toBeNull();
  });
});
