import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { bytesInput, run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { natsDecoder } from './nats';

describe('NATS (hand-written from the NATS client protocol; binary frames as nats.ws sends them)', () => {
  test('INFO, CONNECT, subscriptions, messages, request-reply, headers, no responders, a split payload, -ERR', () => {
    expect(summaries(decodeFixture('nats'))).toEqual([
      'NATS INFO {"server_id":"NCXMJZYQEWUDJFLYLSTTE745I2WUNCVG3LJJ3NRKSFJXEG6RGK7753DJ","version":"2.10.22","proto":1,"headers":true,"max_payload":1048576,"client_id…',
      'NATS CONNECT {"protocol":1,"version":"1.30.3","lang":"nats.ws","verbose":false,"pedantic":false,"headers":true,"no_responders":true} (+1 more)',
      'NATS PONG',
      'NATS SUB greet.* sid 1 (+2 more)',
      'NATS PUB greet.joe (5 B) "hello"',
      'NATS MSG greet.joe sid 1 (5 B) "hello"',
      'NATS PUB time.now reply _INBOX.k3Xq9LCZ8fT2.1 (empty)',
      'NATS MSG _INBOX.k3Xq9LCZ8fT2.1 sid 2 (24 B) "2026-12-06T04:45:00.000Z"',
      'NATS HPUB svc.missing reply _INBOX.k3Xq9LCZ8fT2.2 (2 B) "hi"',
      'NATS HMSG _INBOX.k3Xq9LCZ8fT2.2 sid 2 status 503 (empty)',
      'NATS UNSUB sid 1 max 10',
      'NATS PING',
      'NATS PONG',
      'NATS PUB orders (partial: 40 B payload; 28 B in this frame, the rest in the next)',
      'NATS -ERR Authorization Violation',
    ]);
  });

  test('pairing: PUB with a reply-to and the MSG on that inbox (503: error); PING and PONG', () => {
    const pairs = decodeFixture('nats').map((r) => (r?.ok ? r.pairs ?? null : 'failed'));
    expect(pairs[1]).toEqual([{ family: 'nats', key: 'ping', role: 'request', method: 'PING' }]);
    expect(pairs[6]).toEqual([{ family: 'nats', key: '_INBOX.k3Xq9LCZ8fT2.1', role: 'request', method: 'time.now' }]);
    expect(pairs[7]).toEqual([{ family: 'nats', key: '_INBOX.k3Xq9LCZ8fT2.1', role: 'response' }]);
    expect(pairs[9]).toEqual([{ family: 'nats', key: '_INBOX.k3Xq9LCZ8fT2.2', role: 'response', error: true }]);
    expect(pairs[5]).toBeNull();
  });

  test('trees name the arguments; a single payload is decoded by content', () => {
    const results = decodeFixture('nats');
    expect(results[3]).toMatchObject({ tree: [{ op: 'SUB', subject: 'greet.*', sid: '1' }, { op: 'SUB', sid: '2' }, { op: 'SUB', subject: 'orders', queue: 'workers', sid: '3' }] });
    expect(results[8]).toMatchObject({ tree: { op: 'HPUB', headers: ['NATS/1.0', 'Trace: 1'], payload: 'hi' } });
    expect(decodeFrame(textInput('MSG a 1 7\r\n{"a":1}\r\n'))).toMatchObject({ format: 'nats', nested: { format: 'json' } });
  });

  test('guessing: an operation word, then a whole control line', () => {
    expect(decodeFrame(textInput('PING\r\n'))?.format).toBe('nats');
    expect(decodeFrame(textInput('ping\r\n'))?.format).toBe('nats'); // operations are case-insensitive
    expect(decodeFrame(textInput('PING'))?.format).toBe('text');
    expect(decodeFrame(textInput('PUBLISH x\r\n'))?.format).toBe('text');
  });

  test('errors say what and where', () => {
    expect(summary(run(natsDecoder, textInput('PUB a 5\r\nhelloX\r\n')))).toBe('error: expected CRLF after the 5-byte payload at byte 14');
    expect(summary(run(natsDecoder, textInput('PUB a b\r\n')))).toBe('error: PUB must end with its byte count at byte 0');
    expect(summary(run(natsDecoder, textInput('PING\r\nFOO\r\n')))).toBe('error: unknown NATS operation "FOO" at byte 6');
    expect(summary(run(natsDecoder, bytesInput(new TextEncoder().encode('INFO {x\r\n'))))).toMatch(/^error: INFO options are not JSON: .* at byte 0$/);
  });
});
