import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { sockjsDecoder } from './sockjs';

// Frames written by hand from the SockJS protocol (no SockJS server is installed here).
describe('SockJS', () => {
  test('open, heartbeat, message arrays (STOMP inside, recognised by content), close', () => {
    expect(summaries(decodeFixture('sockjs'))).toEqual([
      'SockJS open',
      'SockJS STOMP CONNECT accept-version=1.2,1.1,1.0 heart-beat=10000,10000',
      'SockJS STOMP CONNECTED version=1.2 heart-beat=0,0',
      'SockJS STOMP SUBSCRIBE /topic/greetings id=sub-0',
      'SockJS STOMP SEND /app/hello (14 B) {"name":"ada"}',
      'SockJS STOMP MESSAGE /topic/greetings subscription=sub-0 message-id=1 (25 B) {"content":"Hello, ada!"}',
      'SockJS heartbeat',
      'SockJS 2 messages: hello',
      'SockJS close 3000 "Go away!"',
    ]);
  });

  test('one message: nested is its decoding; several: the tree lists each', () => {
    const results = decodeFixture('sockjs');
    expect(results[5]).toMatchObject({ nested: { format: 'stomp', nested: { format: 'json', summary: '{"content":"Hello, ada!"}' } } });
    expect(results[7]).toMatchObject({ tree: { frame: 'messages', messages: ['hello', 'world'], decoded: [{ format: 'text' }, { format: 'text' }] } });
  });

  test('errors and guessing', () => {
    expect(summary(run(sockjsDecoder, textInput('a["x"')))).toMatch(/^error: expected a JSON array of strings at position 1: /);
    expect(summary(run(sockjsDecoder, textInput('c[3000]')))).toBe('error: close frame needs [code, "reason"] at position 1');
    expect(summary(run(sockjsDecoder, textInput('x')))).toBe('error: unknown SockJS frame type "x" at position 0');
    expect(decodeFrame(textInput('a["hi"]'))?.format).toBe('sockjs');
    expect(decodeFrame(textInput('o'))?.format).toBe('text');
    expect(decodeFrame(textInput('["hi"]'))?.format).toBe('json');
  });

  test('a frame of several messages carries the pairing hints of each', () => {
    const result = decodeFrame(textInput('a["{\\"msg\\":\\"result\\",\\"id\\":\\"1\\"}","{\\"msg\\":\\"ready\\",\\"subs\\":[\\"a\\"]}"]', { url: 'wss://h/sockjs/1/abc/websocket' }));
    expect(result?.ok && result.pairs).toEqual([{ family: 'ddp', key: 'method 1', role: 'response' }, { family: 'ddp', key: 'sub a', role: 'response' }]);
  });
});
