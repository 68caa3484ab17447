import { describe, expect, test } from 'vitest';
import { bytesInput, hex, run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { encodeChatMessage } from '../testing/protobuf-chat';
import { protobufDecoder } from './protobuf';

describe('protobuf without a schema', () => {
  test('field numbers, wire types, and a guess for each length-delimited field', () => {
    const result = run(protobufDecoder, bytesInput(encodeChatMessage()));
    expect(result).toMatchObject({
      ok: true,
      tree: {
        '1:varint': 150,
        '2:string': 'hello',
        '3:message': { '1:string': 'ada', '2:varint': '18446744073709551614 (-2 as int64)' },
        '4:bytes': '<2 bytes: 02 01>',
        '5:message': { '1:string': 'a', '2:varint': 1 },
        '6:varint': 1,
        '7:fixed64': { likely: 'double', double: 0.5, u64: '4602678819172646912' },
        '8:fixed32': { likely: 'u32', u32: 7, float: 9.80908925027372e-45 },
        '9:bytes': '<2 bytes: 00 ff>',
        '10:varint': 1,
      },
    });
    expect(summary(result)).toMatch(/^protobuf \{1=150,2="hello",3=\{1="ada",2="18446744073709551614 \(-2 as int64\)"\},4=/);
  });

  test('fixed fields: both readings, the likelier first and in the summary', () => {
    expect(summary(run(protobufDecoder, bytesInput(hex('39 00 00 00 00 00 00 e0 3f 45 07 00 00 00'))))).toBe('protobuf {7=0.5,8=7}');
    // A millisecond timestamp as fixed64 would be a subnormal double; 1e200 is no everyday double.
    const ms = new Uint8Array(9); ms[0] = 0x09; new DataView(ms.buffer).setBigUint64(1, 1_700_000_000_000n, true);
    expect(run(protobufDecoder, bytesInput(ms))).toMatchObject({ tree: { '1:fixed64': { likely: 'u64', u64: 1_700_000_000_000 } } });
    const huge = new Uint8Array(9); huge[0] = 0x09; new DataView(huge.buffer).setFloat64(1, 1e200, true);
    expect(run(protobufDecoder, bytesInput(huge))).toMatchObject({ tree: { '1:fixed64': { likely: 'u64', double: 1e200 } } });
    const float = new Uint8Array(5); float[0] = 0x0d; new DataView(float.buffer).setFloat32(1, -21.5, true);
    expect(run(protobufDecoder, bytesInput(float))).toMatchObject({ tree: { '1:fixed32': { likely: 'float', float: -21.5 } } });
    expect(summary(run(protobufDecoder, bytesInput(float)))).toBe('protobuf {1=-21.5}');
  });

  test('repeated fields become arrays; groups are read', () => {
    expect(run(protobufDecoder, bytesInput(hex('08 01 08 02 08 03')))).toMatchObject({ tree: { '1:varint': [1, 2, 3] } });
    expect(run(protobufDecoder, bytesInput(hex('0b 10 05 0c')))).toMatchObject({ tree: { '1:group': { '2:varint': 5 } } });
  });

  test('errors name the field and the byte', () => {
    expect(summary(run(protobufDecoder, bytesInput(hex('0a 05 68 69'))))).toBe('error: field 1 (5 bytes): needs 5 bytes, 2 left at byte 2');
    expect(summary(run(protobufDecoder, bytesInput(hex('0f'))))).toBe('error: invalid wire type 7 for field 1 at byte 0');
    expect(summary(run(protobufDecoder, bytesInput(hex('00'))))).toBe('error: invalid field number 0 at byte 0');
    expect(summary(run(protobufDecoder, bytesInput(hex('08 ff ff'))))).toBe('error: field 1 varint: varint cut short at byte 1');
    expect(summary(run(protobufDecoder, bytesInput(hex('0b 10 05'))))).toBe('error: group 1 not closed at byte 3');
  });

  test('nested guesses stop at depth 8', () => {
    let bytes = Uint8Array.from([0x08, 0x01]);
    for (let i = 0; i < 12; i++) bytes = Uint8Array.from([0x0a, bytes.length, ...bytes]);
    const tree = JSON.stringify(run(protobufDecoder, bytesInput(bytes))?.ok && (run(protobufDecoder, bytesInput(bytes)) as { tree: unknown }).tree);
    expect(tree.match(/1:message/g)?.length).toBe(7);
    expect(tree).toContain('"1:bytes"');
  });

  test('guessing: binary frames that parse whole, with small field numbers and no groups', () => {
    expect(decodeFrame(bytesInput(encodeChatMessage()))?.format).toBe('protobuf');
    expect(run(protobufDecoder, bytesInput(hex('0b 10 05 0c')), true)).toBeNull();
    expect(run(protobufDecoder, bytesInput(hex('f8 ff 03 01')), true)).toBeNull(); // field 8191
    expect(run(protobufDecoder, textInput('hi'), true)).toBeNull();
  });
});
