/**
 * Robustness of every decoder: random bytes and text, JSON-shaped text, MessagePack/CBOR of random
 * values, and mutated fixture frames, decoded in guessing and in claimed mode. A decoder must not
 * throw, must finish quickly, and must return null or a JSON-safe result.
 *
 * 2,000 runs per decoder by default; `FUZZ_RUNS=100000 npx vitest run --project unit src/decode/fuzz.test.ts`
 * for the long run.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { encode as msgpackEncode } from '@msgpack/msgpack';
import { Encoder as CborEncoder } from 'cbor-x';
import { allDecoders } from './registry';
import { decodeFrame } from './detect';
import { createProtobufSchemaDecoder } from './decoders/protobuf-schema';
import { fixtureInput, loadFixture } from './testing/fixtures';
import { CHAT_PROTO, encodeChatMessage } from './testing/protobuf-chat';
import { encodeUtf8 } from './support/utf8';
import type { ConnectionInfo, DecodeInput, DecodeResult, Decoder } from './types';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/**
 * Generous: calls on fuzz inputs (≤ 300 bytes) take well under a millisecond; this catches runaway
 * work, not slowness. The 1 MB pathological inputs get more: linear work on them still takes time.
 */
const MAX_MS_PER_CALL = 500;
const MAX_MS_PER_CALL_1MB = 3000;
const cbor = new CborEncoder({ useRecords: false });

const fixtureNames = readdirSync(fileURLToPath(new URL('../../test/fixtures/frames/', import.meta.url)))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const fixtureInputs = fixtureNames.flatMap((name) => loadFixture(name).map((frame) => fixtureInput(frame)));

const connections: ConnectionInfo[] = [
  { url: 'ws://localhost/', protocol: '', protocols: [] },
  ...['mqtt', 'v12.stomp', 'graphql-ws', 'graphql-transport-ws', 'wamp.2.json', 'wamp.2.json.batched', 'wamp.2.msgpack', 'wamp.2.msgpack.batched', 'wamp.2.cbor', 'actioncable-v1-json', 'actioncable-v1-msgpack', 'centrifuge-json', 'centrifuge-protobuf', 'phoenix', 'nats', 'jsonrpc']
    .map((protocol) => ({ url: 'ws://localhost/', protocol, protocols: [protocol] })),
  ...['/socket.io/?EIO=4&transport=websocket', '/socket.io/?EIO=3&transport=websocket', '/chathub?id=1', '/sockjs/1/abc/websocket', '/cable', '/graphql', '/trpc', '/live/websocket?vsn=2.0.0', '/app/key?protocol=7', '/websocket', '/connection/websocket', '/pid/room?sessionId=s']
    .map((path) => ({ url: `ws://localhost${path}`, protocol: '', protocols: [] })),
];

/** Mutations of a byte string: flips, overwrites, cuts, insertions, duplicated slices. */
const mutatedBytes = (base: Uint8Array) =>
  fc.array(fc.tuple(fc.constantFrom('flip', 'set', 'cut', 'insert', 'dup'), fc.nat(), fc.nat(255), fc.nat(64)), { minLength: 1, maxLength: 4 })
    .map((ops) => {
      let bytes = Array.from(base);
      for (const [op, where, value, length] of ops) {
        const i = bytes.length ? where % (bytes.length + 1) : 0;
        if (op === 'flip' && i < bytes.length) bytes[i] ^= 1 << (value % 8);
        else if (op === 'set' && i < bytes.length) bytes[i] = value;
        else if (op === 'cut') bytes = bytes.slice(0, i).concat(bytes.slice(i + length));
        else if (op === 'insert') bytes.splice(i, 0, ...Array.from({ length: length % 8 }, (_, k) => (value + k * 37) & 255));
        else bytes.splice(i, 0, ...bytes.slice(i, i + length));
      }
      return Uint8Array.from(bytes);
    });

const textInputOf = (text: string, connection: ConnectionInfo): DecodeInput => ({ bytes: encodeUtf8(text), text, dir: 'received', connection });
const bytesInputOf = (bytes: Uint8Array, connection: ConnectionInfo): DecodeInput => ({ bytes, text: null, dir: 'sent', connection });

const anyConnection = fc.constantFrom(...connections);
const anySession = fc.option(fc.constantFrom(3, 4, 5, 'x', 99).map((v) => new Map<string, unknown>([['mqtt.version', v]])), { nil: undefined });

const inputs: fc.Arbitrary<DecodeInput> = fc.tuple(
  fc.oneof(
    fc.tuple(fc.uint8Array({ maxLength: 300 }), anyConnection).map(([b, c]) => bytesInputOf(b, c)),
    fc.tuple(fc.string({ unit: 'binary', maxLength: 200 }), anyConnection).map(([t, c]) => textInputOf(t, c)),
    fc.tuple(fc.json({ maxDepth: 5 }), anyConnection).map(([t, c]) => textInputOf(t, c)),
    fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), anyConnection).chain(([v, useCbor, c]) =>
      mutatedBytes(useCbor ? cbor.encode(v) : msgpackEncode(v)).map((b) => bytesInputOf(b, c))),
    fc.constantFrom(...fixtureInputs).chain((input) =>
      fc.oneof(
        mutatedBytes(input.bytes).map((bytes) => (input.text === null ? { ...input, bytes } : { ...input, bytes, text: new TextDecoder().decode(bytes) })),
        mutatedBytes(input.bytes).map((bytes) => bytesInputOf(bytes, input.connection)),
      )),
  ),
  anySession,
).map(([input, session]) => (session ? { ...input, session } : input));

/** Strictly JSON: what JSON.stringify/parse round-trips unchanged. */
function assertJsonSafe(value: unknown, path = '$'): void {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) throw new Error(`${p}: ${v} is not JSON`);
      continue;
    }
    if (Array.isArray(v)) { v.forEach((item, i) => stack.push([item, `${p}[${i}]`])); continue; }
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, item] of Object.entries(v)) {
        if (item === undefined) throw new Error(`${p}.${k}: undefined`);
        stack.push([item, `${p}.${k}`]);
      }
      continue;
    }
    throw new Error(`${p}: ${typeof v} ${Object.prototype.toString.call(v)} is not JSON`);
  }
}

function checkResult(result: DecodeResult, decoder: string): void {
  if (result === null) return;
  assertJsonSafe(result);
  expect(result.format.length).toBeGreaterThan(0);
  if (result.ok) {
    expect(result.summary.length, `${decoder} summary`).toBeLessThanOrEqual(200);
    expect(result.summary).not.toMatch(/[\r\n]/);
  } else {
    expect(result.error.length, `${decoder} error`).toBeGreaterThan(0);
  }
}

/** Decodes in both modes with nested payloads decoded by content, as in the panel. */
function decodeBothWays(decoder: Decoder, input: DecodeInput, maxMs = MAX_MS_PER_CALL): void {
  for (const guessing of [true, false]) {
    const started = performance.now();
    const result = decoder.decode(input, {
      guessing,
      decodeInner: (payload) => decodeFrame(typeof payload === 'string' ? textInputOf(payload, input.connection) : bytesInputOf(payload, input.connection)),
    });
    const elapsed = performance.now() - started;
    if (elapsed > maxMs) throw new Error(`${decoder.id} took ${elapsed.toFixed(0)} ms`);
    checkResult(result, decoder.id);
  }
}

const schemaDecoder = createProtobufSchemaDecoder(CHAT_PROTO, 'chat.Message') as Decoder;
const timeout = Math.max(60_000, RUNS * 5);

describe(`fuzz: ${RUNS} runs per decoder`, () => {
  test.each(allDecoders.map((d) => [d.id, d] as const))('%s never throws, stays bounded, returns JSON-safe results', (_id, decoder) => {
    fc.assert(fc.property(inputs, (input) => decodeBothWays(decoder, input)), { numRuns: RUNS });
  }, timeout);

  test('protobuf with a schema, on mutations of a real message', () => {
    fc.assert(fc.property(fc.oneof(mutatedBytes(encodeChatMessage()), fc.uint8Array({ maxLength: 200 })), (bytes) => {
      decodeBothWays(schemaDecoder, bytesInputOf(bytes, connections[0]));
    }), { numRuns: RUNS });
  }, timeout);

  test('decodeFrame as a whole, with random overrides', () => {
    const ids = [undefined, ...allDecoders.map((d) => d.id)];
    fc.assert(fc.property(inputs, fc.constantFrom(...ids), (input, override) => {
      checkResult(decodeFrame(input, override), 'decodeFrame');
    }), { numRuns: RUNS });
  }, timeout);
});

describe('pathological inputs finish quickly', () => {
  const big = 1 << 20;
  const cases: [string, DecodeInput][] = [
    ['1 MB of nested JSON arrays', textInputOf('['.repeat(big / 2) + ']'.repeat(big / 2), connections[0])],
    ['1 MB of nested MessagePack arrays', bytesInputOf(new Uint8Array(big).fill(0x91), connections[0])],
    ['1 MB of nested CBOR arrays', bytesInputOf(new Uint8Array(big).fill(0x81), connections[0])],
    ['1 MB of CBOR value-sharing tags', bytesInputOf(new Uint8Array(big).fill(0xdc), connections[0])],
    ['1 MB of protobuf groups', bytesInputOf(new Uint8Array(big).fill(0x0b), connections[0])],
    ['nested protobuf messages', bytesInputOf(nestedProtobuf(2_000), connections[0])],
    ['1 MB of MQTT PINGREQs', bytesInputOf(Uint8Array.from({ length: big }, (_, i) => (i % 2 ? 0 : 0xc0)), { ...connections[0], protocol: 'mqtt' })],
    ['1 MB of STOMP heart-beats and frames', textInputOf('SEND\n\n\0\n'.repeat(big / 8), connections[0])],
    ['1 MB of SignalR records', textInputOf('{"type":6}\u001e'.repeat(big / 11), connections[0])],
    ['SockJS with 10,000 messages', textInputOf('a' + JSON.stringify(Array(10_000).fill('SEND\n\n\0')), connections[0])],
    ['1 MB of base64', textInputOf('QUFB'.repeat(big / 4), connections[0])],
    ['1 MB of NATS PINGs', textInputOf('PING\r\n'.repeat(big / 6), connections[0])],
    ['a JSON-RPC batch of 10,000', textInputOf(JSON.stringify(Array(10_000).fill({ jsonrpc: '2.0', id: 1, method: 'a' })), connections[0])],
    ['1 MB of Yjs update structs', bytesInputOf(Uint8Array.from([0, 2, 0xfe, 0xff, 0x3f, 1, 0xff, 0xff, 0x3f, 1, 0, ...new Array(big).fill(0x81)]), connections[0])],
    ['msgpackr records referencing a long key', bytesInputOf(Uint8Array.from([0x0d, 0xa1, 0x70, 0xdc, 0xff, 0xff, 0xd4, 0x72, 0x40, 0x91, 0xda, 0x10, 0x00, ...new Array(4096).fill(0x61), 0, ...new Array(65534 * 2).fill(0).map((_, i) => (i % 2 ? 0 : 0x40))]), connections[0])],
    ['1 MB of quotes in a GraphQL query', textInputOf(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: '"""'.repeat(big / 3) } }), connections[0])],
  ];
  test.each(cases)('%s', (_name, input) => {
    const started = performance.now();
    for (const decoder of allDecoders) decodeBothWays(decoder, input, MAX_MS_PER_CALL_1MB);
    checkResult(decodeFrame(input), 'decodeFrame');
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);
});

function nestedProtobuf(levels: number): Uint8Array {
  let bytes: number[] = [0x08, 0x01];
  for (let i = 0; i < levels; i++) {
    const length: number[] = [];
    let n = bytes.length;
    do { length.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0)); n >>>= 7; } while (n > 0);
    bytes = [0x0a, ...length, ...bytes];
  }
  return Uint8Array.from(bytes);
}
