import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { centrifugoDecoder } from './centrifugo';

describe('Centrifugo client protocol v2 (hand-written from client.proto and the protocol docs)', () => {
  test('JSON: connect, subscriptions (one refused), pushes, rpc, ping, publish, disconnect push', () => {
    expect(summaries(decodeFixture('centrifugo-json'))).toEqual([
      'Centrifugo connect #1 {"name":"js"} (token)',
      'Centrifugo connect reply #1 {"client":"421bf374-dd07-4f26-a2ac-2c3b1f1b9f6f","version":"5.4.0","ping":25,"pong":true}',
      'Centrifugo subscribe #2 news (+1 more)',
      'Centrifugo subscribe reply #2 (+1 more)',
      'Centrifugo push pub news {"title":"hello"}',
      'Centrifugo rpc #4 getUser {"data":{"id":42}}',
      'Centrifugo rpc reply #4 {"data":{"name":"ada"}}',
      'Centrifugo ping/pong {}',
      'Centrifugo ping/pong {}',
      'Centrifugo push join news {"user":"42","client":"c2"}',
      'Centrifugo publish #5 news {"data":{"text":"hi"}}',
      'Centrifugo push disconnect {"code":3005,"reason":"token expired"}',
    ]);
  });

  test('protobuf: delimited Commands and Replies named by client.proto field numbers', () => {
    expect(summaries(decodeFixture('centrifugo-protobuf'))).toEqual([
      'Centrifugo connect #1 {"1:string":"tok","4:string":"js"}',
      'Centrifugo connect reply #1 {"1:string":"c1","2:string":"5.4.0","11:varint":25,"12:varint":1}',
      'Centrifugo subscribe #2 {"1:string":"news"} (+1 more)',
      'Centrifugo subscribe reply #2 {"3:varint":1} (+1 more)',
      'Centrifugo push {"channel":"news","pub":{"4:string":"{\\"title\\":\\"hello\\"}","6:varint":7}}',
      'Centrifugo ping/pong (empty message)',
    ]);
  });

  test('pairing by command id, in both encodings; an error reply fails its command', () => {
    for (const name of ['centrifugo-json', 'centrifugo-protobuf']) {
      const pairs = decodeFixture(name).map((r) => (r?.ok ? r.pairs ?? null : 'failed'));
      expect(pairs[2]).toEqual([{ family: 'centrifugo', key: '2', role: 'request', method: 'subscribe' }, { family: 'centrifugo', key: '3', role: 'request', method: name.endsWith('json') ? 'subscribe' : 'rpc' }]);
      expect(pairs[3]).toEqual([{ family: 'centrifugo', key: '2', role: 'response' }, { family: 'centrifugo', key: '3', role: 'response', error: true }]);
      expect(pairs[4]).toBeNull();
    }
  });

  test('guessing: commands and replies with a numeric id, pushes; a bare {} is left to JSON', () => {
    expect(decodeFrame(textInput('{"id":7,"subscribe":{"channel":"a"}}'))?.format).toBe('centrifugo');
    expect(decodeFrame(textInput('{"push":{"channel":"a","pub":{"data":1}}}'))?.format).toBe('centrifugo');
    expect(decodeFrame(textInput('{}'))?.format).toBe('json');
    expect(decodeFrame(textInput('{"subscribe":{"channel":"a"}}'))?.format).toBe('json');
    expect(summary(run(centrifugoDecoder, textInput('{"id":1,"nope":{}}')))).toBe('error: message at position 0: not a Centrifugo command, reply or push');
  });
});
