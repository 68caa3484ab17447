import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { bytesInput, run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { signalrDecoder } from './signalr';

// Frames written by hand from the hub protocol spec (no SignalR server or client is installed here).
describe('SignalR hub protocol', () => {
  test('JSON: handshake, invocations, streams, completions, ping, close; 0x1E-separated records', () => {
    expect(summaries(decodeFixture('signalr-json'))).toEqual([
      'SignalR handshake json v1',
      'SignalR handshake ok',
      'SignalR Invocation SendMessage ["ada","hello"] id 0',
      'SignalR Invocation ReceiveMessage ["ada","hello"]',
      'SignalR Completion id 0',
      'SignalR StreamInvocation Counter [3,500] id 1',
      'SignalR StreamItem id 1: 0 (+1 more)',
      'SignalR Completion id 1 error "Counter failed"',
      'SignalR CancelInvocation id 1',
      'SignalR Ping',
      'SignalR Close error "Server shut down" (reconnect allowed)',
    ]);
  });

  test('MessagePack: varint length-prefixed arrays after a JSON handshake', () => {
    expect(summaries(decodeFixture('signalr-msgpack'))).toEqual([
      'SignalR handshake messagepack v1',
      'SignalR handshake ok',
      'SignalR Invocation SendMessage ["ada","hello"] id 0',
      'SignalR Invocation ReceiveMessage ["ada","hello"]',
      'SignalR Completion id 0 result 42',
      'SignalR StreamItem id 1: 0 (+1 more)',
      'SignalR Ping',
      'SignalR Close error "Server shut down" (reconnect allowed)',
    ]);
  });

  test('trees name the message type and fields', () => {
    const [, , invocation, , completion] = decodeFixture('signalr-msgpack');
    expect(invocation).toMatchObject({ tree: { type: '1 Invocation', headers: {}, invocationId: '0', target: 'SendMessage', arguments: ['ada', 'hello'] } });
    expect(completion).toMatchObject({ tree: { type: '3 Completion', invocationId: '0', resultKind: 'result', result: 42 } });
  });

  test('errors', () => {
    expect(summary(run(signalrDecoder, textInput('{"type":1}')))).toBe('error: JSON hub records end with 0x1E; this frame does not');
    expect(summary(run(signalrDecoder, textInput('{"type":6}\u001e{"type":\u001e')))).toMatch(/^error: record at position 11: /);
    expect(summary(run(signalrDecoder, bytesInput([0x05, 0x91, 0x01])))).toBe('error: record of 5 bytes: needs 5 bytes, 2 left at byte 1');
  });

  test('hub urls', () => {
    const at = (url: string) => signalrDecoder.affinity({ url, protocol: '', protocols: [] });
    expect([at('wss://x/chathub?id=1'), at('wss://x/hubs/chat'), at('wss://x/signalr/connect'), at('wss://x/github/ws')]).toEqual([0.5, 0.5, 0.5, 0]);
  });

  test('guessing: records that are all hub messages', () => {
    expect(decodeFrame(textInput('{"type":6}\u001e'))?.format).toBe('signalr');
    expect(decodeFrame(textInput('{"kind":6}\u001e'))?.format).not.toBe('signalr');
    expect(decodeFrame(bytesInput([0x02, 0x91, 0x06]))?.format).toBe('signalr');
  });
});
