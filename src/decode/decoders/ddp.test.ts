import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { ddpDecoder } from './ddp';

describe('Meteor DDP (hand-written from DDP.md)', () => {
  test('connect, a subscription and its documents, methods with results and errors, ping, unsub', () => {
    expect(summaries(decodeFixture('ddp'))).toEqual([
      'DDP server_id 0',
      'DDP connect version 1 support ["1","pre2","pre1"]',
      'DDP connected session hE7tGZgq2S6bhBsRk',
      'DDP sub tasks #a1 [{"done":false}]',
      'DDP added tasks x7Kq {"text":"write tests","done":false}',
      'DDP ready ["a1"]',
      'DDP method tasks.setDone #1 ["x7Kq",true]',
      'DDP changed tasks x7Kq {"done":true}',
      'DDP result #1',
      'DDP updated ["1"]',
      'DDP method tasks.remove #2 ["nope"]',
      'DDP result #2 error 404: Task not found',
      'DDP updated ["2"]',
      'DDP ping',
      'DDP pong',
      'DDP unsub #a1',
      'DDP removed tasks x7Kq',
      'DDP nosub #a1',
    ]);
  });

  test('inside SockJS: each message decoded as DDP', () => {
    const results = decodeFixture('ddp-sockjs');
    expect(results.map((r) => (r?.ok && r.nested?.ok ? r.nested.summary : null))).toEqual([
      null, // SockJS open
      'DDP server_id 0',
      'DDP connect version 1 support ["1","pre2","pre1"]',
      'DDP connected session hE7tGZgq2S6bhBsRk',
      'DDP sub tasks #a1 [{"done":false}]',
      'DDP added tasks x7Kq {"text":"write tests","done":false}',
      'DDP ready ["a1"]',
      'DDP method tasks.setDone #1 ["x7Kq",true]',
      'DDP changed tasks x7Kq {"done":true}',
      'DDP result #1',
    ]);
    expect(results[7]?.ok && results[7].nested?.ok && results[7].nested.pairs).toEqual([{ family: 'ddp', key: 'method 1', role: 'request', method: 'tasks.setDone' }]);
  });

  test('pairing: method → result, sub → ready (one hint per sub), ping → pong, connect → connected', () => {
    const pairs = decodeFixture('ddp').map((r) => (r?.ok ? r.pairs ?? null : 'failed'));
    expect(pairs[3]).toEqual([{ family: 'ddp', key: 'sub a1', role: 'request', method: 'sub tasks' }]);
    expect(pairs[5]).toEqual([{ family: 'ddp', key: 'sub a1', role: 'response' }]);
    expect(pairs[6]).toEqual([{ family: 'ddp', key: 'method 1', role: 'request', method: 'tasks.setDone' }]);
    expect(pairs[11]).toEqual([{ family: 'ddp', key: 'method 2', role: 'response', error: true }]);
    expect(pairs[4]).toBeNull();
  });

  test('guessing needs the fields of the message; other "msg" objects are JSON', () => {
    expect(decodeFrame(textInput('{"msg":"added","collection":"c","id":"1","fields":{}}'))?.format).toBe('ddp');
    expect(decodeFrame(textInput('{"msg":"method","method":"a"}'))?.format).toBe('json');
    expect(decodeFrame(textInput('{"msg":"hello"}'))?.format).toBe('json');
    expect(summary(run(ddpDecoder, textInput('{"msg":"hello"}')))).toBe('error: unknown DDP message "hello"');
  });
});
