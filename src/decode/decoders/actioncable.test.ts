import { describe, expect, test } from 'vitest';
import { encode } from '@msgpack/msgpack';
import { decodeFixture, summaries } from '../testing/fixtures';
import { bytesInput, run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { actioncableDecoder } from './actioncable';

// Frames written by hand from ActionCable's client and server sources.
describe('ActionCable', () => {
  test('welcome, subscribe, confirm, ping, perform, broadcast, unsubscribe, reject, disconnect', () => {
    expect(summaries(decodeFixture('actioncable'))).toEqual([
      'ActionCable welcome',
      'ActionCable subscribe ChatChannel {"room":"1"}',
      'ActionCable confirm_subscription ChatChannel {"room":"1"}',
      'ActionCable ping 1700000000',
      'ActionCable perform ChatChannel speak {"message":"hi"}',
      'ActionCable broadcast ChatChannel {"user":"ada","text":"hi"}',
      'ActionCable unsubscribe ChatChannel {"room":"1"}',
      'ActionCable reject_subscription Turbo::StreamsChannel {"signed_stream_name":"abc--123"}',
      'ActionCable disconnect unauthorized (no reconnect)',
    ]);
  });

  test('identifiers and perform data are unpacked in the tree', () => {
    expect(decodeFixture('actioncable')[4]).toMatchObject({
      tree: { command: 'message', identifier: { channel: 'ChatChannel', room: '1' }, data: { message: 'hi', action: 'speak' } },
    });
  });

  test('actioncable-v1-msgpack carries the same messages', () => {
    const input = bytesInput(encode({ type: 'ping', message: 1 }), { protocol: 'actioncable-v1-msgpack' });
    expect(summary(decodeFrame(input))).toBe('ActionCable ping 1');
  });

  test('errors and guessing', () => {
    expect(summary(run(actioncableDecoder, textInput('{"type":"other"}')))).toBe('error: neither a command, a server message nor a broadcast');
    expect(decodeFrame(textInput('{"type":"ping","message":5}'))?.format).toBe('actioncable');
    expect(decodeFrame(textInput('{"type":"ping","message":5,"user":1}'))?.format).toBe('json');
  });
});
