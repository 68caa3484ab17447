import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { bytesInput, run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { socketioDecoder } from './socketio';

const SOCKET_IO_URL = { url: 'ws://localhost/socket.io/?EIO=4&transport=websocket' };

describe('socket.io (frames recorded from socket.io 4 server and client, websocket transport)', () => {
  test('default parser: engine.io packets, namespaces, acks, binary events and their attachments', () => {
    expect(summaries(decodeFixture('socketio'))).toEqual([
      'engine.io OPEN sid=GT6eLXEB0V7jkoUIAAAA pingInterval=300 pingTimeout=2000',
      'socket.io / CONNECT {"token":"abc"}',
      'socket.io / CONNECT {"sid":"zzreHOauZzQ-ymPGAAAA"}',
      'socket.io EVENT welcome [{"user":"ada","rooms":["lobby"]}]',
      'socket.io EVENT chat ["hi"]',
      'socket.io EVENT chat ["with ack"] ack 0',
      'socket.io ACK 0 [{"stored":true,"text":"with ack"}]',
      'socket.io BINARY_EVENT upload ["<binary attachment 0>",{"name":"a.bin"}] ack 1 +1 binary attachment in the next frame',
      'socket.io binary attachment (5 B)',
      'socket.io ACK 1 ["a.bin",5]',
      'socket.io EVENT ready []',
      'socket.io BINARY_EVENT thumbnail ["<binary attachment 0>","image/png"] +1 binary attachment in the next frame',
      'socket.io binary attachment (4 B)',
      'socket.io /admin CONNECT',
      'socket.io /admin CONNECT {"sid":"FqIsa9SPyoCDQirsAAAB"}',
      'socket.io /admin EVENT stats [] ack 0',
      'socket.io /admin ACK 0 [{"clients":1}]',
      'socket.io /private CONNECT',
      'socket.io /private CONNECT_ERROR {"message":"not allowed"}',
      'engine.io PING',
      'engine.io PONG',
      'socket.io /admin DISCONNECT',
      'socket.io / DISCONNECT',
    ]);
  });

  test('socket.io-msgpack-parser: binary frames are whole packets, binary data inline', () => {
    expect(summaries(decodeFixture('socketio-msgpack'))).toEqual([
      'engine.io OPEN sid=IHufllHBnPBltqcBAAAA pingInterval=300 pingTimeout=2000',
      'socket.io / CONNECT {"token":"abc"}',
      'socket.io / CONNECT {"sid":"36PKzoI8e37nIK8xAAAA"}',
      'socket.io EVENT welcome [{"user":"ada","rooms":["lobby"]}]',
      'socket.io EVENT chat ["hi"]',
      'socket.io EVENT chat ["with ack"] ack 0',
      'socket.io ACK 0 [{"stored":true,"text":"with ack"}]',
      'socket.io EVENT upload ["<5 bytes: 01 02 03 04 05>",{"name":"a.bin"}] ack 1',
      'socket.io ACK 1 ["a.bin",5]',
      'socket.io EVENT ready []',
      'socket.io EVENT thumbnail ["<4 bytes: 89 50 4e 47>","image/png"]',
      'socket.io /admin CONNECT',
      'socket.io /admin CONNECT {"sid":"EgdKYPe12HetmmVCAAAB"}',
      'socket.io /admin EVENT stats [] ack 0',
      'socket.io /admin ACK 0 [{"clients":1}]',
      'socket.io /private CONNECT',
      'socket.io /private CONNECT_ERROR {"message":"not allowed"}',
      'engine.io PING',
      'engine.io PONG',
      'socket.io /admin DISCONNECT',
      'socket.io / DISCONNECT',
    ]);
  });

  test('trees name the packet parts and spell out attachment placeholders', () => {
    const result = decodeFrame(textInput('451-/admin,7["upload",{"_placeholder":true,"num":0},"a.bin"]', SOCKET_IO_URL));
    expect(result).toMatchObject({
      ok: true,
      format: 'socketio',
      tree: { type: 'BINARY_EVENT', nsp: '/admin', ackId: 7, attachments: 1, event: 'upload', args: ['<binary attachment 0>', 'a.bin'], encoding: 'text' },
    });
  });

  test('a binary frame after a binary packet is described as its attachment, and decoded by content', () => {
    const result = decodeFrame(bytesInput(new TextEncoder().encode('{"a":1}'), SOCKET_IO_URL));
    expect(summary(result)).toBe('socket.io binary attachment (7 B)');
    expect(result?.ok && result.nested?.ok && result.nested.summary).toBe('{"a":1}');
  });

  test('engine.io v3: binary messages carry a 0x04 prefix; base64 binary is `b4…`', () => {
    expect(summary(decodeFrame(bytesInput([4, 1, 2], { url: 'ws://h/socket.io/?EIO=3&transport=websocket' })))).toBe('engine.io MESSAGE binary attachment (2 B)');
    expect(summary(decodeFrame(textInput('b4AQI=', SOCKET_IO_URL)))).toBe('engine.io MESSAGE (base64 binary, 4 chars)');
  });

  test('plain engine.io messages that are not socket.io packets', () => {
    expect(summary(decodeFrame(textInput('4hello', SOCKET_IO_URL)))).toBe('engine.io MESSAGE hello');
    expect(summary(decodeFrame(textInput('2probe', SOCKET_IO_URL)))).toBe('engine.io PING probe');
    expect(summary(decodeFrame(textInput('6', SOCKET_IO_URL)))).toBe('engine.io NOOP');
  });

  test('errors say what and where', () => {
    expect(summary(run(socketioDecoder, textInput('9')))).toBe('error: unknown engine.io packet type "9" at position 0');
    expect(summary(run(socketioDecoder, textInput('0{"upgrades":[]}')))).toBe('error: engine.io OPEN needs a JSON handshake with a sid at position 1');
    const badPayload = run(socketioDecoder, textInput('42["chat"'));
    expect(badPayload?.ok && badPayload.tree).toMatchObject({ engineio: 'MESSAGE', notSocketIO: expect.stringMatching(/^payload at position 1: /) });
  });

  test('guessing without a socket.io url: distinctive packets only', () => {
    expect(decodeFrame(textInput('42["chat","hi"]'))?.format).toBe('socketio');
    expect(decodeFrame(textInput('40/admin,'))?.format).toBe('socketio');
    expect(decodeFrame(textInput('3probe'))?.format).toBe('socketio');
    // A bare digit is as likely to be a JSON number.
    expect(decodeFrame(textInput('2'))?.format).toBe('json');
    expect(decodeFrame(textInput('41'))?.format).toBe('json');
    expect(run(socketioDecoder, bytesInput([1, 2, 3]), true)).toBeNull();
  });
});
