import { describe, expect, test } from 'vitest';
import type { PairHint } from '../decode/types';
import { decodeFrame } from '../decode/detect';
import { fixtureInput, loadFixture } from '../decode/testing/fixtures';
import { compareStats, exchangeState, pairFrames, pairHintsOf, Pairing, type PairingFrame } from './pairing';

const hint = (key: string, role: PairHint['role'], extra: Partial<PairHint> = {}): PairHint => ({ family: 'jsonrpc', key, role, ...extra });
let nextId = 1;
const frame = (dir: PairingFrame['dir'], time: number, hints: PairHint[], conn = 'c1'): PairingFrame => ({ id: nextId++, conn, dir, time, hints });

/** A fixture decoded as the panel would, one frame every 10 ms, ids 1…n. */
function fixtureFrames(name: string, conn = 'c1'): PairingFrame[] {
  const session = new Map<string, unknown>();
  return loadFixture(name).map((f, i) => ({ id: i + 1, conn, dir: f.dir, time: i * 10, hints: pairHintsOf(decodeFrame(fixtureInput(f, session))) }));
}

describe('pairing: the rules', () => {
  test('a response answers the request of the other side with the same key; latency is the gap', () => {
    const pairing = new Pairing();
    const request = frame('sent', 100, [hint('1', 'request', { method: 'sum' })]);
    pairing.add(request);
    const response = frame('received', 135, [hint('1', 'response')]);
    const [exchange] = pairing.add(response);
    expect(exchange).toMatchObject({ request: request.id, method: 'sum', answers: [response.id], latency: 35, duration: 35, closedBy: response.id, error: false });
    expect(pairing.linksOf(request.id)).toEqual([{ exchange, role: 'request' }]);
    expect(pairing.linksOf(response.id)).toEqual([{ exchange, role: 'answer' }]);
    expect(exchangeState(exchange, 1e9, 1000)).toBe('answered');
  });

  test('ids are scoped by side and connection: a server request with the same id is another exchange', () => {
    const pairing = new Pairing();
    pairing.add(frame('sent', 0, [hint('1', 'request')]));
    pairing.add(frame('received', 1, [hint('1', 'request')])); // the server asks too
    pairing.add(frame('sent', 5, [hint('1', 'request')], 'c2'));
    const answer = frame('sent', 7, [hint('1', 'response')]); // the client answers the server
    const [exchange] = pairing.add(answer);
    expect(exchange).toMatchObject({ dir: 'received', conn: 'c1', latency: 6 });
    expect(pairing.exchanges().filter((e) => e.closedBy === undefined)).toHaveLength(2);
  });

  test('streams: answers until the end; latency to the first, duration to the end; the requester may end it', () => {
    const pairing = new Pairing();
    pairing.add(frame('sent', 0, [hint('s', 'request', { family: 'graphql', stream: true, method: 'subscription OnMessage' })]));
    pairing.add(frame('received', 20, [hint('s', 'stream', { family: 'graphql' })]));
    const [e] = pairing.add(frame('received', 50, [hint('s', 'stream', { family: 'graphql' })]));
    expect(exchangeState(e, 1e9, 1000)).toBe('streaming');
    pairing.add(frame('sent', 90, [hint('s', 'end', { family: 'graphql', by: 'requester' })]));
    expect(e).toMatchObject({ latency: 20, duration: 90, answers: [expect.any(Number), expect.any(Number), expect.any(Number)] });
    expect(exchangeState(e, 1e9, 1000)).toBe('answered');
  });

  test('a stream answer to a request that is not a stream closes it (a tRPC query result)', () => {
    const pairing = new Pairing();
    pairing.add(frame('sent', 0, [hint('q', 'request')]));
    const [e] = pairing.add(frame('received', 4, [hint('q', 'stream')]));
    expect(e.closedBy).toBeDefined();
  });

  test('pending, then unanswered after the timeout; a closed connection abandons its open requests', () => {
    const pairing = new Pairing();
    const [e] = pairing.add(frame('sent', 1000, [hint('9', 'request')]));
    expect(exchangeState(e, 1500, 1000)).toBe('pending');
    expect(exchangeState(e, 2001, 1000)).toBe('unanswered');
    expect(pairing.unanswered(2001, 1000)).toEqual([e]);
    const [other] = pairing.add(frame('sent', 1900, [hint('10', 'request')]));
    pairing.closeConnection('c1');
    expect(exchangeState(other, 1901, 60_000)).toBe('unanswered');
    expect(other.abandoned).toBe('connection closed');
  });

  test('asking again with the same key abandons the first; late answers join the latest exchange; orphans are kept', () => {
    const pairing = new Pairing();
    const [first] = pairing.add(frame('sent', 0, [hint('ping', 'request', { family: 'mqtt' })]));
    const [second] = pairing.add(frame('sent', 10, [hint('ping', 'request', { family: 'mqtt' })]));
    expect(first.abandoned).toBe('asked again');
    pairing.add(frame('received', 12, [hint('ping', 'response', { family: 'mqtt' })]));
    const late = frame('received', 13, [hint('ping', 'response', { family: 'mqtt' })]);
    pairing.add(late);
    expect(second).toMatchObject({ latency: 2, answers: [expect.any(Number), late.id] });
    const orphan = frame('received', 20, [hint('never-asked', 'response')]);
    expect(pairing.add(orphan)).toEqual([]);
    expect(pairing.orphans()).toEqual([orphan.id]);
  });

  test('stats per method: counts, errors, unanswered, latency p50/p95/max', () => {
    const pairing = new Pairing();
    const latencies = [5, 1, 9, 3, 7, 2, 8, 4, 6, 10, 100];
    latencies.forEach((ms, i) => {
      pairing.add(frame('sent', i * 1000, [hint(`a${i}`, 'request', { method: 'eth_call' })]));
      pairing.add(frame('received', i * 1000 + ms, [hint(`a${i}`, 'response', { error: i === 0 })]));
    });
    pairing.add(frame('sent', 50_000, [hint('b', 'request', { method: 'eth_chainId' })]));
    pairing.add(frame('sent', 59_500, [hint('c', 'request', { method: 'eth_chainId' })]));
    expect(pairing.stats(60_000, 1000)).toEqual([
      { family: 'jsonrpc', method: 'eth_call', count: 11, answered: 11, errors: 1, unanswered: 0, pending: 0, p50: 6, p95: 100, max: 100 },
      { family: 'jsonrpc', method: 'eth_chainId', count: 2, answered: 0, errors: 0, unanswered: 1, pending: 1 },
    ]);
  });

  test('a batch frame opens several exchanges; each answer links back to its own', () => {
    const pairing = new Pairing();
    const batch = frame('sent', 0, [hint('1', 'request'), hint('2', 'request')]);
    pairing.add(batch);
    pairing.add(frame('received', 3, [hint('2', 'response'), hint('1', 'response')]));
    expect(pairing.linksOf(batch.id).map((l) => l.exchange.key)).toEqual(['1', '2']);
    expect(pairing.exchanges().map((e) => e.latency)).toEqual([3, 3]);
  });

  test('a long stream keeps the first answer ids and counts them all', () => {
    const pairing = new Pairing();
    const [e] = pairing.add(frame('sent', 0, [hint('s', 'request', { stream: true })]));
    for (let i = 1; i <= 5000; i++) pairing.add(frame('received', i, [hint('s', 'stream')]));
    expect(e.answerCount).toBe(5000);
    expect(e.answers.length).toBe(1000);
    expect(e.latency).toBe(1);
  });

  test('forgetBefore drops exchanges whose request the store evicted; the cap keeps memory bounded', () => {
    const pairing = new Pairing(100);
    for (let i = 0; i < 250; i++) pairing.add(frame('sent', i, [hint(`k${i}`, 'request')]));
    expect(pairing.exchanges().length).toBeLessThanOrEqual(100);
    const oldest = pairing.exchanges()[0].request;
    pairing.forgetBefore(oldest + 10);
    expect(pairing.exchanges()[0].request).toBe(oldest + 10);
    expect(pairing.linksOf(oldest)).toEqual([]);
  });
});

describe('pairing: real sessions, decoded', () => {
  test('JSON-RPC over tRPC: queries, a failed query, a subscription ended by the client', () => {
    const pairing = pairFrames(fixtureFrames('jsonrpc-trpc'));
    expect(pairing.exchanges().map((e) => [e.method, e.answers.length, e.latency, e.error])).toEqual([
      ['query greeting', 1, 10, false],
      ['mutation addPost', 1, 10, false],
      ['query secret', 1, 10, true],
      ['subscription onTick', 4, 10, false],
    ]);
    expect(pairing.exchanges()[3]).toMatchObject({ stream: true, closedBy: 11, duration: 40 });
    expect(pairing.orphans()).toEqual([]);
  });

  test('JSON-RPC batches (Ethereum) and rpc-websockets: every request answered; an error with id null pairs with nothing', () => {
    const eth = pairFrames(fixtureFrames('jsonrpc-ethereum'));
    expect(eth.exchanges().map((e) => e.method)).toEqual(['eth_blockNumber', 'eth_getBalance', 'eth_chainId', 'eth_subscribe', 'eth_call', 'eth_unsubscribe', 'foo_bar']);
    expect(eth.unanswered(1e9, 1000)).toEqual([]);
    const rpc = pairFrames(fixtureFrames('jsonrpc-rpc-websockets'));
    expect(rpc.stats(1e9, 1000).map((s) => [s.method, s.count, s.errors])).toEqual([['fail', 1, 1], ['nope', 1, 1], ['rpc.off', 1, 0], ['rpc.on', 1, 0], ['sum', 1, 0]]);
  });

  test('Phoenix refs, Pusher subscriptions, DDP methods and subscriptions, NATS request-reply', () => {
    expect(pairFrames(fixtureFrames('phoenix-v2')).stats(1e9, 1000).map((s) => [s.method, s.count, s.answered, s.errors])).toEqual([
      ['phx_join', 2, 2, 1], ['event', 1, 1, 0], ['heartbeat', 1, 1, 0], ['upload', 1, 1, 0],
    ]);
    expect(pairFrames(fixtureFrames('pusher')).stats(1e9, 1000).map((s) => [s.method, s.count, s.answered, s.errors])).toEqual([['subscribe', 3, 3, 1], ['ping', 1, 1, 0]]);
    const ddp = pairFrames(fixtureFrames('ddp'));
    expect(ddp.exchanges().map((e) => [e.method, e.answers.length, e.error])).toEqual([
      ['connect', 1, false], ['sub tasks', 2, false], ['tasks.setDone', 1, false], ['tasks.remove', 1, true], ['ping', 1, false],
    ]);
    expect(ddp.exchanges()[4].dir).toBe('received'); // the server pings; the client's pong answers it
    expect(pairFrames(fixtureFrames('ddp-sockjs')).exchanges().map((e) => e.method)).toEqual(['connect', 'sub tasks', 'tasks.setDone']);
    const nats = pairFrames(fixtureFrames('nats'));
    expect(nats.exchanges().map((e) => [e.method, e.dir, e.answers.length, e.error])).toEqual([
      ['PING', 'sent', 1, false], ['time.now', 'sent', 1, false], ['svc.missing', 'sent', 1, true], ['PING', 'received', 1, false],
    ]);
  });

  test('GraphQL: subscribe → next* → complete (recorded graphql-ws), legacy start/stop; errors end the operation', () => {
    const modern = pairFrames(fixtureFrames('graphql-transport-ws'));
    expect(modern.exchanges().map((e) => [e.method, e.answers.length, e.error, e.closedBy !== undefined])).toEqual([
      ['connection_init', 1, false, true], ['query Hello', 2, false, true], ['subscription OnMessage', 3, false, true], ['query', 1, true, true], ['ping', 1, false, true],
    ]);
    const legacy = pairFrames(fixtureFrames('graphql-ws-legacy'));
    expect(legacy.exchanges().map((e) => [e.method, e.answers.length, e.error])).toEqual([
      ['connection_init', 1, false], ['subscription OnMessage', 3, false], ['query', 1, true],
    ]);
  });

  test('socket.io acks and namespace connects (recorded, both parsers); the server-initiated engine.io ping', () => {
    for (const name of ['socketio', 'socketio-msgpack']) {
      const pairing = pairFrames(fixtureFrames(name));
      expect(pairing.exchanges().map((e) => [e.method, e.dir, e.error])).toEqual([
        ['CONNECT /', 'sent', false], ['chat', 'sent', false], ['upload', 'sent', false], ['CONNECT /admin', 'sent', false],
        ['stats', 'sent', false], ['CONNECT /private', 'sent', true], ['engine.io ping', 'received', false],
      ]);
      expect(pairing.unanswered(1e9, 1000)).toEqual([]);
    }
  });

  test('STOMP receipts (recorded), MQTT packet ids (recorded, MQTT 5, QoS 1 and 2 both ways), SignalR, WAMP', () => {
    expect(pairFrames(fixtureFrames('stomp')).exchanges().map((e) => [e.method, e.answers.length])).toEqual([['CONNECT', 1], ['SEND', 1], ['DISCONNECT', 1]]);
    const mqtt = pairFrames(fixtureFrames('mqtt-v5'));
    expect(mqtt.exchanges().map((e) => [e.method, e.dir, e.answers.length, e.error])).toEqual([
      ['CONNECT', 'sent', 1, false], ['SUBSCRIBE', 'sent', 1, false], ['PUBLISH qos1', 'sent', 1, false], ['PUBLISH qos1', 'received', 1, false],
      ['PUBLISH qos2', 'sent', 3, false], ['PUBLISH qos1', 'received', 1, false], ['UNSUBSCRIBE', 'sent', 1, false], ['PINGREQ', 'sent', 1, false],
    ]);
    expect(mqtt.orphans()).toEqual([]);
    const signalr = pairFrames(fixtureFrames('signalr-json'));
    expect(signalr.exchanges().map((e) => [e.method, e.answers.length, e.error])).toEqual([['handshake', 1, false], ['SendMessage', 1, false], ['Counter', 3, true]]);
    const wamp = pairFrames(fixtureFrames('wamp-msgpack'));
    expect(wamp.stats(1e9, 1000).map((s) => [s.method, s.count, s.errors])).toEqual([
      ['CALL com.myapp.add2', 1, 0], ['CALL com.myapp.nope', 1, 1], ['HELLO', 1, 0], ['INVOCATION', 1, 0], ['REGISTER com.myapp.myprocedure1', 1, 0], ['SUBSCRIBE com.myapp.mytopic1', 1, 0],
    ]);
  });

  test('ActionCable: subscribe and its confirmation by identifier; a rejection never asked for is an orphan', () => {
    const pairing = pairFrames(fixtureFrames('actioncable'));
    expect(pairing.exchanges().map((e) => [e.method, e.answers.length, e.latency])).toEqual([['subscribe ChatChannel', 1, 10]]);
    expect(pairing.orphans()).toEqual([8]);
  });

  test('Yjs: each side\'s sync step 1 answered by the other\'s step 2; Hocuspocus token auth', () => {
    expect(pairFrames(fixtureFrames('yjs')).exchanges().map((e) => [e.dir, e.answers.length])).toEqual([['received', 1], ['sent', 1]]);
    const hocuspocus = pairFrames(fixtureFrames('yjs-hocuspocus'));
    expect(hocuspocus.exchanges().map((e) => [e.key, e.method, e.dir, e.answers.length])).toEqual([
      ['notes-1 auth', 'auth', 'sent', 1], ['notes-1 sync', 'sync step 1', 'sent', 1], ['notes-1 sync', 'sync step 1', 'received', 1],
    ]);
  });

  test('imported sessions and replays: stats compared method by method', () => {
    const a = pairFrames(fixtureFrames('jsonrpc-trpc')).stats(1e9, 1000);
    const b = pairFrames(fixtureFrames('jsonrpc-trpc').slice(0, 6)).stats(1e9, 1000);
    const rows = compareStats(a, b);
    expect(rows.map((r) => [r.method, r.a?.count, r.b?.count])).toEqual([
      ['mutation addPost', 1, 1], ['query greeting', 1, 1], ['query secret', 1, 1], ['subscription onTick', 1, undefined],
    ]);
  });
});
