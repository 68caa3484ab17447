import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { bytesInput, run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { phoenixDecoder } from './phoenix';

describe('Phoenix Channels (hand-written from phoenix.js serializer.js and channel.js)', () => {
  test('v2 arrays and binary messages: LiveView join, events, diffs, heartbeat, a refused join', () => {
    expect(summaries(decodeFixture('phoenix-v2'))).toEqual([
      'Phoenix lv:phx-F8fQwz1 · phx_join ref 4 {"url":"https://example.com/counter","params":{"_csrf_token":"abc","_mounts":0},"session":"SFMyNTY.g2gD","static":"SFMyNTY.g2gC"}',
      'Phoenix lv:phx-F8fQwz1 · phx_reply ok ref 4 {"rendered":{"0":"0","s":["<p>Count: ","</p>"]}}',
      'Phoenix lv:phx-F8fQwz1 · event ref 5 {"type":"click","event":"inc","value":{"value":""}}',
      'Phoenix lv:phx-F8fQwz1 · phx_reply ok ref 5 {"diff":{"0":"1"}}',
      'Phoenix lv:phx-F8fQwz1 · diff {"0":"2"}',
      'Phoenix phoenix · heartbeat ref 6',
      'Phoenix phoenix · phx_reply ok ref 6',
      'Phoenix room:secret · phx_join ref 7',
      'Phoenix room:secret · phx_reply error ref 7 {"reason":"unauthorized"}',
      'Phoenix room:lobby · upload ref 9 (4 B binary)',
      'Phoenix room:lobby · phx_reply ok ref 9 (2 B binary)',
      'Phoenix room:lobby · frame (7 B binary)',
      'Phoenix lv:phx-F8fQwz1 · phx_close ref 4',
    ]);
  });

  test('v1 objects: Supabase Realtime', () => {
    expect(summaries(decodeFixture('phoenix-v1-supabase'))).toEqual([
      'Phoenix realtime:public:messages · phx_join ref 1 {"config":{"broadcast":{"ack":false,"self":false},"presence":{"key":""},"postgres_changes":[{"event":"*","schema":"public","table":"message…',
      'Phoenix realtime:public:messages · phx_reply ok ref 1 {"postgres_changes":[{"id":30636876,"event":"*","schema":"public","table":"messages"}]}',
      'Phoenix realtime:public:messages · presence_state',
      'Phoenix realtime:public:messages · system {"channel":"public:messages","extension":"postgres_changes","message":"Subscribed to PostgreSQL","status":"ok"}',
      'Phoenix realtime:public:messages · postgres_changes {"data":{"schema":"public","table":"messages","type":"INSERT","record":{"id":1,"body":"hi"},"commit_timestamp":"2026-12-06T04:00:00Z"},"ids…',
      'Phoenix phoenix · heartbeat ref 2',
      'Phoenix phoenix · phx_reply ok ref 2',
      'Phoenix realtime:public:messages · access_token ref 3 {"access_token":"eyJhbGciOi2"}',
      'Phoenix realtime:public:messages · phx_leave ref 4',
      'Phoenix realtime:public:messages · phx_reply ok ref 4',
    ]);
  });

  test('pairing: a client push with a ref is a request, phx_reply the response (error unless status ok)', () => {
    const pairs = decodeFixture('phoenix-v2').map((r) => (r?.ok ? r.pairs ?? null : 'failed'));
    expect(pairs[0]).toEqual([{ family: 'phoenix', key: '4', role: 'request', method: 'phx_join' }]);
    expect(pairs[1]).toEqual([{ family: 'phoenix', key: '4', role: 'response' }]);
    expect(pairs[4]).toBeNull();
    expect(pairs[8]).toEqual([{ family: 'phoenix', key: '7', role: 'response', error: true }]);
    expect(pairs[12]).toBeNull(); // phx_close from the server carries the join ref, answers nothing
  });

  test('binary payloads are decoded by content; the tree names the serializer', () => {
    const [broadcast] = decodeFixture('phoenix-v2').slice(11);
    expect(broadcast).toMatchObject({ tree: { serializer: 'v2 binary broadcast', topic: 'room:lobby', event: 'frame' }, nested: { format: 'json' } });
  });

  test('guessing: JSON arrays and objects of the right shape; binary only with the url', () => {
    expect(decodeFrame(textInput('[null,"12","phoenix","heartbeat",{}]'))?.format).toBe('phoenix');
    expect(decodeFrame(textInput('{"topic":"room:1","event":"new_msg","payload":{"body":"hi"},"ref":null}'))?.format).toBe('phoenix');
    expect(decodeFrame(textInput('[1,2,"a","b",{}]'))?.format).toBe('phoenix'); // numeric refs are accepted
    expect(decodeFrame(textInput('[null,null,"a","b",3]'))?.format).toBe('json');
    expect(run(phoenixDecoder, bytesInput([2, 1, 1, 0x61, 0x62]), true)).toBeNull();
  });

  test('errors say what and where', () => {
    expect(summary(run(phoenixDecoder, textInput('[1,2,3]')))).toBe('error: a v2 message is [join_ref, ref, topic, event, payload]; this array has 3 items');
    expect(summary(run(phoenixDecoder, bytesInput([1, 1, 1, 5, 2, 0x31, 0x32, 0x61]), false))).toBe('error: topic: needs 5 bytes, 1 left at byte 7');
    expect(summary(run(phoenixDecoder, bytesInput([9])))).toBe('error: unknown binary message kind 9 at byte 0 (0 push, 1 reply, 2 broadcast)');
  });
});
