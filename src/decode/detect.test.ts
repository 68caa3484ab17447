import { describe, expect, test } from 'vitest';
import { decodeFrame, listDecoders } from './detect';
import { frameInput } from './input';
import { bytesInput, summary, textInput } from './testing/inputs';
import type { Decoder } from './types';

describe('decodeFrame: choosing the decoder', () => {
  test('the negotiated subprotocol decides, and its error stands', () => {
    expect(decodeFrame(textInput('{"type":"connection_ack"}', { protocol: 'graphql-transport-ws' }))?.format).toBe('graphql');
    // The same text on an ActionCable connection is an ActionCable error, not GraphQL.
    expect(summary(decodeFrame(textInput('{"type":"connection_ack"}', { protocol: 'actioncable-v1-json' })))).toBe('error: neither a command, a server message nor a broadcast');
    expect(summary(decodeFrame(bytesInput([0x00], { protocol: 'mqtt' })))).toBe('MQTT continuation (1 B): part of a packet split across frames');
  });

  test('subprotocols the page asked for count when the server named none', () => {
    expect(decodeFrame(textInput('SEND\ndestination:/a\n\n\0', { protocols: ['v12.stomp'] }))?.format).toBe('stomp');
  });

  test('then the url; a url guess that fails falls through to the content', () => {
    expect(summary(decodeFrame(textInput('2', { url: 'wss://chat.example/socket.io/?EIO=4&transport=websocket' })))).toBe('engine.io PING');
    expect(decodeFrame(textInput('{"hello":1}', { url: 'wss://example.com/graphql' }))?.format).toBe('json');
    expect(decodeFrame(textInput('plain words', { url: 'wss://example.com/cable' }))?.format).toBe('text');
  });

  test('then the payload; JSON before text, and the fallbacks: text and hex', () => {
    expect(decodeFrame(textInput('{"a":1}'))?.format).toBe('json');
    expect(decodeFrame(textInput('hello'))?.format).toBe('text');
    expect(decodeFrame(bytesInput([0xff, 0xfe, 0x00, 0x07]))?.format).toBe('hex');
    expect(decodeFrame(bytesInput(new TextEncoder().encode('{"a":1}')))?.format).toBe('json');
    expect(decodeFrame(bytesInput(new TextEncoder().encode('readable text')))?.format).toBe('text');
  });

  test('the user override wins, also over a negotiated protocol, and may be any decoder', () => {
    const input = textInput('{"type":"ping"}', { protocol: 'graphql-transport-ws' });
    expect(decodeFrame(input, 'json')?.format).toBe('json');
    expect(decodeFrame(input, 'hex')?.format).toBe('hex');
    expect(summary(decodeFrame(input, 'nope'))).toBe('error: no decoder named "nope"');
    const custom: Decoder = { id: 'custom', label: 'Custom', affinity: () => 0, decode: () => null };
    expect(summary(decodeFrame(input, custom))).toBe('error: this frame is not Custom');
  });

  test('a decoder that throws is contained', () => {
    const broken: Decoder = { id: 'broken', label: 'Broken', affinity: () => 0, decode: () => { throw new Error('bug'); } };
    expect(summary(decodeFrame(textInput('x'), broken))).toBe('error: decoder failed: bug');
  });

  test('nesting is bounded: base64 of base64 of … stops decoding', () => {
    let text = '{"deep":true}';
    for (let i = 0; i < 8; i++) text = Buffer.from(text).toString('base64');
    let result = decodeFrame(textInput(text));
    let levels = 0;
    while (result?.ok && result.nested) { result = result.nested; levels++; }
    expect(levels).toBeLessThanOrEqual(3);
  });

  test('frames as the capture store keeps them (binary as base64)', () => {
    const connection = { url: 'ws://x/', protocol: '', protocols: [] };
    expect(summary(decodeFrame(frameInput({ dir: 'received', opcode: 'binary', data: 'gaFhAQ==' }, connection)))).toBe('MessagePack {"a":1}');
    expect(summary(decodeFrame(frameInput({ dir: 'sent', opcode: 'text', data: 'hi' }, connection)))).toBe('hi');
  });

  test('listDecoders names every decoder once', () => {
    const ids = listDecoders().map((d) => d.id);
    expect(ids).toEqual(['socketio', 'sockjs', 'stomp', 'signalr', 'graphql', 'actioncable', 'wamp', 'mqtt', 'jsonrpc', 'phoenix', 'pusher', 'ddp', 'yjs', 'nats', 'colyseus', 'centrifugo', 'json', 'base64', 'compressed', 'msgpack', 'cbor', 'msgpack-offset', 'text', 'protobuf', 'hex']);
    expect(listDecoders().find((d) => d.id === 'mqtt')?.label).toBe('MQTT');
  });
});
