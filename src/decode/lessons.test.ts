import { describe, expect, test } from 'vitest';
import { decodeFrame } from './detect';
import { protocolLessons } from './lessons';
import { textInput } from './testing/inputs';

describe('protocol lessons', () => {
  test('name the protocol and the frame\'s place in an exchange', () => {
    const lessons = protocolLessons(decodeFrame(textInput('{"jsonrpc":"2.0","id":4,"method":"eth_blockNumber"}')));
    expect(lessons.map((l) => l.term)).toEqual(['JSON-RPC 2.0', 'jsonrpc request']);
    expect(lessons[1].text).toBe('This message opens a request: the inspector pairs it with the answer carrying the same key "4"; method eth_blockNumber.');
  });

  test('nested protocols each get theirs; formats without a lesson get none', () => {
    const ddp = decodeFrame(textInput('a["{\\"msg\\":\\"result\\",\\"id\\":\\"1\\"}"]', { url: 'wss://h/sockjs/1/abc/websocket' }));
    expect(protocolLessons(ddp).map((l) => l.term)).toEqual(['Meteor DDP', 'ddp response']);
    expect(protocolLessons(decodeFrame(textInput('{"a":1}')))).toEqual([]);
  });
});
