import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { bytesInput, run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { stompDecoder } from './stomp';

const STOMP = { protocol: 'v12.stomp', url: 'ws://localhost/stomp' };

describe('STOMP (frames recorded from @stomp/stompjs 7 against a minimal STOMP 1.2 server)', () => {
  test('a session: connect, subscribe, text/JSON/binary bodies, receipts, acks, heart-beats', () => {
    expect(summaries(decodeFixture('stomp'))).toEqual([
      'STOMP CONNECT login=ada host=/ accept-version=1.2,1.1,1.0 heart-beat=200,200',
      'STOMP CONNECTED version=1.2 heart-beat=200,200 session=session-1 server=wsinspect-recorder/1.0',
      'STOMP SUBSCRIBE /queue/a id=sub-0 ack=client-individual',
      'STOMP SEND /queue/a (11 B) "hello STOMP"',
      'STOMP SEND /queue/a (20 B) {"id":7,"text":"hi"}',
      'STOMP SEND /queue/a (4 B)',
      'STOMP MESSAGE /queue/a subscription=sub-0 message-id=m-1 (11 B) "hello STOMP"',
      'STOMP RECEIPT r-1',
      'STOMP MESSAGE /queue/a subscription=sub-0 message-id=m-2 (20 B) {"id":7,"text":"hi"}',
      'STOMP MESSAGE /queue/a subscription=sub-0 message-id=m-3 (4 B)',
      'STOMP ACK id=ack-1',
      'STOMP ACK id=ack-2',
      'STOMP ACK id=ack-3',
      'STOMP heart-beat',
      'STOMP heart-beat',
      'STOMP heart-beat',
      'STOMP heart-beat',
      'STOMP UNSUBSCRIBE id=sub-0',
      'STOMP DISCONNECT receipt=close-1',
      'STOMP RECEIPT close-1',
    ]);
  });

  test('tree and nested body', () => {
    const result = decodeFrame(textInput('MESSAGE\nsubscription:s\nmessage-id:1\ndestination:/q\ncontent-type:application/json\n\n{"a":1}\0', STOMP));
    expect(result).toMatchObject({
      ok: true,
      tree: { command: 'MESSAGE', headers: { subscription: 's', 'message-id': '1', destination: '/q' }, body: '{"a":1}' },
      nested: { format: 'json', summary: '{"a":1}' },
    });
  });

  test('STOMP 1.2 header escapes (not in CONNECT/CONNECTED), repeated headers, several frames', () => {
    const result = run(stompDecoder, textInput('SEND\ndestination:/a\\cb\nx:1\nx:2\n\nhi\0\nRECEIPT\nreceipt-id:7\n\n\0', STOMP));
    expect(summary(result)).toBe('STOMP SEND /a:b (2 B) "hi" (+1 more frame)');
    expect(result).toMatchObject({ tree: [{ headers: { destination: '/a:b', x: ['1', '2'] } }, { command: 'RECEIPT' }] });
  });

  test('binary frames and content-length bodies that contain NUL', () => {
    const frame = new Uint8Array([...new TextEncoder().encode('SEND\ndestination:/b\ncontent-length:3\n\n'), 0, 1, 0, 0]);
    expect(summary(run(stompDecoder, bytesInput(frame, STOMP)))).toBe('STOMP SEND /b (3 B)');
  });

  test('errors say where the grammar breaks', () => {
    expect(summary(run(stompDecoder, textInput('SEND\ndestination:/a\n\nbody', STOMP)))).toBe('error: frame not terminated by NUL at byte 25');
    expect(summary(run(stompDecoder, textInput('HELLO\n\n\0', STOMP)))).toBe('error: unknown STOMP command "HELLO" at byte 0');
    expect(summary(run(stompDecoder, textInput('SEND\nnocolon\n\n\0', STOMP)))).toBe('error: header line without a colon at byte 5');
    expect(summary(run(stompDecoder, textInput('SEND\ncontent-length:9\n\nab\0', STOMP)))).toBe('error: body shorter than content-length 9 at byte 23');
    expect(summary(run(stompDecoder, textInput('SEND\nd:a\\tb\n\n\0', STOMP)))).toBe('error: invalid header escape \\t at byte 5');
  });

  test('guessing: a known command line; a lone newline only on a STOMP connection', () => {
    expect(decodeFrame(textInput('CONNECTED\nversion:1.2\n\n\0'))?.format).toBe('stomp');
    expect(decodeFrame(textInput('\n'))?.format).toBe('text');
    expect(summary(decodeFrame(textInput('\n', STOMP)))).toBe('STOMP heart-beat');
    expect(run(stompDecoder, textInput('SENDING things'), true)).toBeNull();
  });
});
