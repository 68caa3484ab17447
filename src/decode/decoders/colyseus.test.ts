import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { bytesInput, hex, run, summary } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { colyseusDecoder } from './colyseus';
import { msgpackOffsetDecoder } from './msgpack-offset';

describe('Colyseus (recorded from @colyseus/sdk 0.18 against @colyseus/core 0.18)', () => {
  test('join, state and patches, messages by name and number, a request and its response, leave', () => {
    expect(summaries(decodeFixture('colyseus'))).toEqual([
      'Colyseus JOIN_ROOM serializer schema (63 B state reflection)',
      'Colyseus JOIN_ROOM',
      'Colyseus ROOM_STATE (22 B schema-encoded)',
      'Colyseus ROOM_STATE_PATCH (22 B schema-encoded)',
      'Colyseus ROOM_DATA move {"x":1,"y":2}',
      'Colyseus ROOM_DATA moved {"by":"v0xW1uVob","x":1,"y":2}',
      'Colyseus ROOM_REQUEST score request 0',
      'Colyseus ROOM_RESPONSE request 0 OK {"score":42}',
      'Colyseus ROOM_DATA #7 "numeric type"',
      'Colyseus ROOM_DATA #8 {"echo":"numeric type"}',
      'Colyseus ROOM_STATE_PATCH (2 B schema-encoded)',
      'Colyseus LEAVE_ROOM',
    ]);
  });

  test('msgpackr records (the SDK sends objects as records) are expanded; references reuse a definition', () => {
    // [13, "p", [record 0x40 {x,y} = 1,2, reference 0x40 = 3,4]]
    const frame = hex('0d a1 70 92 d4 72 40 92 a1 78 a1 79 01 02 40 03 04');
    expect(summary(run(colyseusDecoder, bytesInput(frame)))).toBe('Colyseus ROOM_DATA p [{"x":1,"y":2},{"x":3,"y":4}]');
  });

  test('pairing: ROOM_REQUEST and ROOM_RESPONSE by request id; a non-OK status is an error', () => {
    const pairs = decodeFixture('colyseus').map((r) => (r?.ok ? r.pairs ?? null : 'failed'));
    expect(pairs[6]).toEqual([{ family: 'colyseus', key: '0', role: 'request', method: 'score' }]);
    expect(pairs[7]).toEqual([{ family: 'colyseus', key: '0', role: 'response' }]);
    expect(run(colyseusDecoder, bytesInput(hex('16 05 02 a4 6e 6f 70 65')))).toMatchObject({ summary: 'Colyseus ROOM_RESPONSE request 5 ERROR "nope"', pairs: [{ key: '5', error: true }] });
  });

  test('guessing: ROOM_DATA, requests, responses and errors that parse whole; state bytes only with the url', () => {
    expect(decodeFrame(bytesInput(hex('0d a4 6d 6f 76 65 81 a1 78 01')))?.format).toBe('colyseus');
    expect(decodeFrame(bytesInput(hex('0e 80 00 81')))?.format).not.toBe('colyseus');
    expect(decodeFrame(bytesInput(hex('0e 80 00 81'), { url: 'ws://h/abc/def?sessionId=x' }))?.format).toBe('colyseus');
    expect(run(colyseusDecoder, bytesInput(hex('0d a4 6d 6f 76 65 81')), true)).toBeNull();
  });

  test('errors say what and where', () => {
    expect(summary(run(colyseusDecoder, bytesInput(hex('05'))))).toBe('error: unknown message code 5 at byte 0');
    expect(summary(run(colyseusDecoder, bytesInput(hex('0d a4 6d 6f'))))).toBe('error: message type: truncated: the value at byte 1 needs 5 bytes at byte 1');
    expect(summary(run(colyseusDecoder, bytesInput(hex('0d c3'))))).toBe('error: the message type is neither a string nor a number');
  });
});

describe('MessagePack after a header', () => {
  test('a code byte or two before a map or array', () => {
    expect(summary(decodeFrame(bytesInput(hex('07 82 a1 61 01 a1 62 92 01 02'))))).toBe('MessagePack at offset 1 after 07: {"a":1,"b":[1,2]}');
    expect(summary(decodeFrame(bytesInput(hex('ff 00 01 93 01 02 03'))))).toBe('MessagePack at offset 3 after ff 00 01: [1,2,3]');
    expect(run(msgpackOffsetDecoder, bytesInput(hex('07 81 a1 61')), true)).toBeNull();
    expect(run(msgpackOffsetDecoder, bytesInput(hex('07 01')), true)).toBeNull(); // a scalar is too easy to hit
    expect(summary(run(msgpackOffsetDecoder, bytesInput(hex('07 01'))))).toBe('error: no MessagePack map or array fills the frame from offset 1 to 4');
  });
});
