import { describe, expect, test } from 'vitest';
import { decodeFixture, loadFixture, summaries } from '../testing/fixtures';
import { bytesInput, hex, run, summary, textInput } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { mqttDecoder } from './mqtt';

const MQTT = { protocol: 'mqtt', url: 'ws://localhost/mqtt' };

describe('MQTT (frames recorded from mqtt.js 5 against aedes and an mqtt-packet broker)', () => {
  test('3.1.1: whole packets from the client, the broker writing each field as its own frame', () => {
    expect(summaries(decodeFixture('mqtt-v3', { session: true }))).toEqual([
      'MQTT CONNECT wsinspect-recorder v3.1.1 keepalive=1 clean user=ada will=room/1/status',
      'MQTT CONNACK (partial: header only; the rest is in the next frames)',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT SUBSCRIBE id=41355 room/1 qos1, room/+/status qos0',
      'MQTT SUBACK (partial: header only; the rest is in the next frames)',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT PUBLISH room/1 qos1 id=41356 "hello"',
      'MQTT PUBACK (partial: header only; the rest is in the next frames)',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT PUBLISH (partial: header only; the rest is in the next frames)',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT continuation (6 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT continuation (5 B): part of a packet split across frames',
      'MQTT PUBACK id=54209',
      'MQTT PUBLISH room/2 qos0 {"temp":21.5} (+1 more packet: PUBLISH)',
      'MQTT PUBLISH (partial: header only; the rest is in the next frames)',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT continuation (6 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT continuation (4 B): part of a packet split across frames',
      'MQTT PUBREC (partial: header only; the rest is in the next frames)',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT PUBACK id=54210 (+1 more packet: PUBREL)',
      'MQTT PUBCOMP (partial: header only; the rest is in the next frames)',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT UNSUBSCRIBE id=41358 room/+/status',
      'MQTT UNSUBACK (partial: header only; the rest is in the next frames)',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
      'MQTT PINGREQ',
      'MQTT PINGRESP',
      'MQTT DISCONNECT',
    ]);
  });

  test('5: properties, reason codes, several packets in one frame', () => {
    expect(summaries(decodeFixture('mqtt-v5', { session: true }))).toEqual([
      'MQTT CONNECT wsinspect-recorder v5 keepalive=1 clean user=ada will=room/1/status',
      'MQTT CONNACK 0x00 Success',
      'MQTT SUBSCRIBE id=36832 room/1 qos1, room/+/status qos0',
      'MQTT SUBACK id=36832 qos1, qos0',
      'MQTT PUBLISH room/1 qos1 id=36833 "hello"',
      'MQTT PUBACK id=36833',
      'MQTT PUBLISH room/1 qos1 id=100 "hello"',
      'MQTT PUBACK id=100',
      'MQTT PUBLISH room/2 qos0 {"temp":21.5}',
      'MQTT PUBLISH room/1 qos2 id=36834 retain (4 B)',
      'MQTT PUBREC id=36834',
      'MQTT PUBLISH room/1 qos1 id=100 (4 B)',
      'MQTT PUBREL id=36834 (+1 more packet: PUBACK)',
      'MQTT PUBCOMP id=36834',
      'MQTT UNSUBSCRIBE id=36835 room/+/status',
      'MQTT UNSUBACK id=36835',
      'MQTT PINGREQ',
      'MQTT PINGRESP',
      'MQTT DISCONNECT',
    ]);
  });

  test('node transport: every field its own frame; each piece says what it is', () => {
    const results = summaries(decodeFixture('mqtt-v3-node-stream', { session: true }));
    expect(results.slice(0, 3)).toEqual([
      'MQTT CONNECT (partial: header only; the rest is in the next frames)',
      'MQTT continuation (1 B): part of a packet split across frames',
      'MQTT continuation (2 B): part of a packet split across frames',
    ]);
    expect(results.every((s) => s.startsWith('MQTT '))).toBe(true);
  });

  test('CONNECT and PUBLISH trees, MQTT 5 properties included', () => {
    const frames = loadFixture('mqtt-v5');
    const session = new Map<string, unknown>();
    const decode = (i: number) => decodeFrame({ ...bytesInput(Buffer.from(frames[i].data, 'base64'), MQTT, frames[i].dir), session });
    expect(decode(0)).toMatchObject({
      ok: true,
      tree: {
        packet: 'CONNECT', version: '5', protocolName: 'MQTT', clientId: 'wsinspect-recorder', keepAlive: 1, username: 'ada',
        properties: { sessionExpiryInterval: 60, receiveMaximum: 10, userProperties: { app: 'wsinspect' } },
        will: { topic: 'room/1/status', payload: 'offline', qos: 1 },
      },
    });
    const json = decode(8);
    expect(json).toMatchObject({
      tree: { packet: 'PUBLISH', topic: 'room/2', qos: 0, payload: '{"temp":21.5}', properties: { contentType: 'application/json', messageExpiryInterval: 30, userProperties: { unit: 'C' } } },
      nested: { ok: true, format: 'json', summary: '{"temp":21.5}' },
    });
  });

  test('without a session the version is inferred per packet, and the tree says so', () => {
    const results = decodeFixture('mqtt-v5');
    // PUBLISH: a zero byte after the packet id reads as an empty MQTT 5 property list.
    expect(results[4]).toMatchObject({ tree: { packet: 'PUBLISH', version: '5 (inferred; decode the CONNECT first to be sure)', payload: 'hello' } });
    // SUBACK `00 01 00` is two MQTT 5 codes after empty properties, or three 3.1.1 codes: truly
    // ambiguous without the CONNECT, read as 3.1.1 — the limitation a session removes.
    expect(summaries(results)[3]).toBe('MQTT SUBACK id=36832 qos0, qos1, qos0');
    expect(summaries(decodeFixture('mqtt-v3'))).toEqual(summaries(decodeFixture('mqtt-v3', { session: true })));
  });

  test('errors name the field and the byte', () => {
    // PUBLISH whose topic length says 10 but 3 bytes follow.
    expect(summary(run(mqttDecoder, bytesInput(hex('30 05 00 0a 61 62 63'), MQTT)))).toBe('error: topic name: needs 10 bytes, 3 left at byte 4');
    // CONNECT with the reserved flag set.
    expect(summary(run(mqttDecoder, bytesInput(hex('10 0d 00 04 4d 51 54 54 04 01 00 3c 00 01 61'), MQTT)))).toBe('error: reserved connect flag set at byte 9');
    // A second packet that is no packet.
    expect(summary(run(mqttDecoder, bytesInput(hex('c0 00 00 07'), MQTT)))).toBe('error: byte 0x00 at 2 does not start an MQTT packet');
    expect(summary(run(mqttDecoder, textInput('hi', MQTT)))).toBe('error: MQTT is binary; this is a text frame');
  });

  test('a packet cut short, and QoS/flags validation', () => {
    expect(summary(run(mqttDecoder, bytesInput(hex('32 0f 00 06 72 6f'), MQTT)))).toBe('MQTT PUBLISH (partial: 6 of 17 bytes; the rest is in the next frames)');
    expect(summary(run(mqttDecoder, bytesInput(hex('36 00'), MQTT)))).toBe('MQTT continuation (2 B): part of a packet split across frames');
  });

  test('guessing from content: only a CONNECT is distinctive enough', () => {
    const connect = Buffer.from(loadFixture('mqtt-v3')[0].data, 'base64');
    expect(decodeFrame(bytesInput(connect))?.format).toBe('mqtt');
    expect(run(mqttDecoder, bytesInput(hex('c0 00')), true)).toBeNull();
  });
});

test('reassembling: a broker writing each field as its own frame is read whole from the frame that completes each packet', () => {
  const frames = loadFixture('mqtt-v3-node-stream');
  const session = new Map<string, unknown>();
  const results = frames.map((f) => decodeFrame({ ...bytesInput(Buffer.from(f.data, 'base64'), MQTT, f.dir), session, reassemble: true }));
  const whole = results.map((r) => (r?.ok ? r.summary : '')).filter((s) => !/partial|continuation/.test(s));
  expect(whole.some((s) => s.startsWith('MQTT CONNECT '))).toBe(true);
  expect(whole.some((s) => s.startsWith('MQTT CONNACK'))).toBe(true);
  const hints = results.flatMap((r) => (r?.ok ? r.pairs ?? [] : []).filter(Boolean));
  expect(hints.some((h) => h.role === 'request' && h.method === 'CONNECT')).toBe(true);
  expect(hints.some((h) => h.role === 'response' && h.key === 'connect')).toBe(true);
});
