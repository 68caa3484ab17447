import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { pusherDecoder } from './pusher';

describe('Pusher Channels (hand-written from the Pusher WebSocket protocol)', () => {
  test('connection, public and presence channels, an app event, a whisper, a refused subscription, ping, errors', () => {
    expect(summaries(decodeFixture('pusher'))).toEqual([
      'Pusher pusher:connection_established socket_id=123.456 activity_timeout=120',
      'Pusher pusher:subscribe chat',
      'Pusher pusher_internal:subscription_succeeded chat',
      'Pusher pusher:subscribe presence-room.1 (auth)',
      'Pusher pusher_internal:subscription_succeeded presence-room.1 {"presence":{"count":1,"ids":["7"],"hash":{"7":{"name":"ada"}}}}',
      'Pusher pusher_internal:member_added presence-room.1 {"user_id":"8","user_info":{"name":"grace"}}',
      'Pusher App\\Events\\MessageSent chat {"message":{"id":1,"body":"hi"}}',
      'Pusher client-typing presence-room.1 {"name":"ada"}',
      'Pusher pusher:subscribe private-admin (auth)',
      'Pusher pusher:subscription_error private-admin {"type":"AuthError","error":"Unable to retrieve auth string from channel-authorization endpoint","status":403}',
      'Pusher pusher:ping',
      'Pusher pusher:pong',
      'Pusher pusher:unsubscribe chat',
      'Pusher pusher:error 4201 pong not received: Pong reply not received',
    ]);
  });

  test('data sent as a JSON string is unwrapped, and the tree says so', () => {
    const [, , , , presence] = decodeFixture('pusher');
    expect(presence).toMatchObject({ tree: { channel: 'presence-room.1', data: { presence: { count: 1 } }, dataEncoding: 'JSON in a string (unwrapped)' } });
  });

  test('pairing: subscribe with subscription_succeeded or _error by channel; ping with pong', () => {
    const pairs = decodeFixture('pusher').map((r) => (r?.ok ? r.pairs ?? null : 'failed'));
    expect(pairs.slice(1, 3)).toEqual([[{ family: 'pusher', key: 'chat', role: 'request', method: 'subscribe' }], [{ family: 'pusher', key: 'chat', role: 'response' }]]);
    expect(pairs[9]).toEqual([{ family: 'pusher', key: 'private-admin', role: 'response', error: true }]);
    expect(pairs.slice(10, 12)).toEqual([[{ family: 'pusher', key: 'ping', role: 'request', method: 'ping' }], [{ family: 'pusher', key: 'ping', role: 'response' }]]);
    expect(pairs[6]).toBeNull();
  });

  test('guessing: pusher events, or a channel with a data string; not any object with "event"', () => {
    expect(decodeFrame(textInput('{"event":"pusher:pong","data":"{}"}'))?.format).toBe('pusher');
    expect(decodeFrame(textInput('{"event":"MessageSent","channel":"chat","data":"{\\"a\\":1}"}'))?.format).toBe('pusher');
    expect(decodeFrame(textInput('{"event":"click","data":{"x":1}}'))?.format).toBe('json');
    expect(summary(run(pusherDecoder, textInput('{"channel":"a"}')))).toBe('error: a Pusher message is an object with an "event" string');
  });
});
