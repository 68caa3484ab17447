#!/usr/bin/env node
/**
 * Records real WebSocket frames for the decoder tests: runs each protocol's real client and server
 * libraries on 127.0.0.1 with a recording proxy between them, and writes what crossed the wire to
 * test/fixtures/frames/<name>.json as [{ dir, opcode, data (base64 for binary), protocol, protocols, url }].
 *
 *   node scripts/record-frames.mjs            # all scenarios
 *   node scripts/record-frames.mjs mqtt-v5    # some of them
 *
 * The proxy (test/fixtures/frames/recorder/) is protocol-blind and relays every message with its
 * opcode; "sent" means client → server, as the inspector would see it in the page.
 *
 * Libraries: socket.io (+ socket.io-msgpack-parser), graphql-ws, mqtt.js against aedes (MQTT 3.1.1)
 * and against a minimal broker built on mqtt-packet (aedes does not speak MQTT 5), @stomp/stompjs
 * against a minimal STOMP 1.2 server (no real broker is available here); both are in recorder/.
 * rpc-websockets and tRPC (JSON-RPC 2.0), y-websocket and Hocuspocus (Yjs) and Colyseus are in
 * recorder/more-scenarios.mjs.
 */
import { createServer } from 'node:http';
import { writeFile, mkdir } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, WebSocket, createWebSocketStream } from 'ws';
import { Server as SocketIOServer } from 'socket.io';
import { io as socketIOClient } from 'socket.io-client';
import msgpackParser from 'socket.io-msgpack-parser';
import { buildSchema } from 'graphql';
import { createClient as createGraphQLClient } from 'graphql-ws';
import { useServer as useGraphQLServer } from 'graphql-ws/use/ws';
import mqtt from 'mqtt';
import { Aedes } from 'aedes';
import { Client as StompClient } from '@stomp/stompjs';
import { listen, recordingProxy } from '../test/fixtures/frames/recorder/recording-proxy.mjs';
import { startMqtt5Broker } from '../test/fixtures/frames/recorder/mqtt5-broker.mjs';
import { startStompServer } from '../test/fixtures/frames/recorder/stomp-server.mjs';
import { recordColyseus, recordHocuspocus, recordJsonRpc, recordTrpc, recordYjs } from '../test/fixtures/frames/recorder/more-scenarios.mjs';

/** FRAMES_DIR=/tmp/x records elsewhere, e.g. to compare with the committed fixtures. */
const OUT_DIR = process.env.FRAMES_DIR ? `${process.env.FRAMES_DIR.replace(/\/$/, '')}/` : fileURLToPath(new URL('../test/fixtures/frames/', import.meta.url));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function save(name, frames) {
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(`${OUT_DIR}${name}.json`, JSON.stringify(frames, null, 1) + '\n');
  console.log(`${name}: ${frames.length} frames`);
}

/** Runs `scenario(proxyPort)` against an upstream server on `upstreamPort` and saves the frames. */
async function recordScenario(name, upstreamPort, scenario) {
  const proxy = await recordingProxy(upstreamPort);
  try {
    await scenario(proxy.port);
    await sleep(100); // let the last frames cross
  } finally {
    await proxy.close();
  }
  await save(name, proxy.frames);
}

// ---------------------------------------------------------------- socket.io

function waitFor(emitter, event) {
  return new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
}

async function recordSocketIO(name, parser) {
  const http = createServer();
  const io = new SocketIOServer(http, { pingInterval: 300, pingTimeout: 2000, ...(parser && { parser }) });
  io.on('connection', (socket) => {
    socket.emit('welcome', { user: 'ada', rooms: ['lobby'] });
    socket.on('chat', (text, ack) => {
      socket.broadcast.emit('chat', text);
      if (typeof ack === 'function') ack({ stored: true, text });
    });
    socket.on('upload', (file, meta, ack) => ack?.(meta.name, file.length));
    socket.on('ready', () => socket.emit('thumbnail', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'));
  });
  io.of('/admin').on('connection', (socket) => socket.on('stats', (ack) => ack({ clients: io.engine.clientsCount })));
  io.of('/private').use((_socket, next) => next(new Error('not allowed')));
  const port = await listen(http);

  await recordScenario(name, port, async (proxyPort) => {
    const url = `http://127.0.0.1:${proxyPort}`;
    const options = { transports: ['websocket'], ...(parser && { parser }) };
    const socket = socketIOClient(url, { ...options, auth: { token: 'abc' } });
    await waitFor(socket, 'welcome');
    socket.emit('chat', 'hi');
    await socket.emitWithAck('chat', 'with ack');
    await socket.emitWithAck('upload', Buffer.from([1, 2, 3, 4, 5]), { name: 'a.bin' });
    const thumbnail = waitFor(socket, 'thumbnail');
    socket.emit('ready');
    await thumbnail;
    const admin = socket.io.socket('/admin'); // connects on its own (autoConnect)
    await waitFor(admin, 'connect');
    await admin.emitWithAck('stats');
    const denied = socket.io.socket('/private');
    await waitFor(denied, 'connect_error');
    await sleep(450); // one engine.io ping/pong
    admin.disconnect();
    socket.disconnect();
  });
  io.close();
}

// ---------------------------------------------------------------- graphql-ws (graphql-transport-ws)

const graphqlSchema = buildSchema(`
  type Message { id: ID!, room: String!, text: String! }
  type Query { hello(name: String): String! }
  type Subscription { messageAdded(room: String!): Message! }
`);
const graphqlRoot = {
  hello: ({ name }) => `Hello ${name ?? 'world'}`,
  messageAdded: async function* ({ room }) {
    for (let i = 1; i <= 2; i++) {
      await sleep(20);
      yield { messageAdded: { id: String(i), room, text: `message ${i}` } };
    }
  },
};

async function recordGraphQL() {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const cleanup = useGraphQLServer({
    schema: graphqlSchema,
    roots: { query: graphqlRoot, subscription: graphqlRoot },
    onConnect: (ctx) => ctx.connectionParams?.token === 'secret',
  }, wss);
  const port = await listen(http);

  await recordScenario('graphql-transport-ws', port, async (proxyPort) => {
    let nextId = 1;
    const client = createGraphQLClient({
      url: `ws://127.0.0.1:${proxyPort}/graphql`, webSocketImpl: WebSocket, lazy: false, keepAlive: 250,
      connectionParams: { token: 'secret' }, generateID: () => String(nextId++),
    });
    const run = (payload) => new Promise((resolve) => {
      const results = [];
      client.subscribe(payload, { next: (r) => results.push(r), error: resolve, complete: () => resolve(results) });
    });
    await run({ query: 'query Hello($name: String) { hello(name: $name) }', operationName: 'Hello', variables: { name: 'ada' } });
    await run({ query: 'subscription OnMessage { messageAdded(room: "1") { id text } }' });
    await run({ query: '{ nope }' });
    await sleep(300); // one keep-alive ping/pong
    await client.dispose();
  });
  await cleanup.dispose();
  http.close();
}

// ---------------------------------------------------------------- MQTT

const mqttOptions = {
  clientId: 'wsinspect-recorder', keepalive: 1, reconnectPeriod: 0, username: 'ada', password: 'secret',
  will: { topic: 'room/1/status', payload: 'offline', qos: 1, retain: false },
};

/**
 * mqtt.js's browser transport: one WebSocket message per MQTT packet, as pages send them (it
 * batches the pieces mqtt-packet writes). Its node transport sends every piece as its own
 * message; `mqtt-v3-node-stream` records that too, as real traffic with packets split across frames.
 */
const browserTransport = { forceNativeWebSocket: true, createWebsocket: (url, protocols) => new WebSocket(url, protocols) };

/** One MQTT session exercising every packet type a client and broker exchange. */
async function mqttSession(url, extra = {}) {
  const client = mqtt.connect(url, { ...mqttOptions, ...extra });
  await waitFor(client, 'connect');
  await client.subscribeAsync({ 'room/1': { qos: 1 }, 'room/+/status': { qos: 0 } });
  const received = waitFor(client, 'message');
  await client.publishAsync('room/1', 'hello', { qos: 1 });
  await received;
  await client.publishAsync('room/2', JSON.stringify({ temp: 21.5 }), { qos: 0, ...extra.publishOptions });
  await client.publishAsync('room/1', Buffer.from([0xde, 0xad, 0xbe, 0xef]), { qos: 2, retain: true });
  await client.unsubscribeAsync('room/+/status');
  await sleep(1300); // idle past keepalive: PINGREQ / PINGRESP
  await client.endAsync();
}

async function recordMqtt311(name, transport) {
  const broker = await Aedes.createBroker();
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws, req) => broker.handle(createWebSocketStream(ws), req));
  const port = await listen(http);
  await recordScenario(name, port, (proxyPort) => mqttSession(`ws://127.0.0.1:${proxyPort}/mqtt`, { protocolVersion: 4, ...transport }));
  wss.close();
  http.close();
  await new Promise((resolve) => broker.close(resolve));
}

async function recordMqtt5() {
  const http = createServer();
  const wss = startMqtt5Broker(http);
  const port = await listen(http);
  await recordScenario('mqtt-v5', port, (proxyPort) => mqttSession(`ws://127.0.0.1:${proxyPort}/mqtt`, {
    protocolVersion: 5,
    ...browserTransport,
    properties: { sessionExpiryInterval: 60, receiveMaximum: 10, userProperties: { app: 'wsinspect' } },
    publishOptions: { properties: { contentType: 'application/json', messageExpiryInterval: 30, userProperties: { unit: 'C' } } },
  }));
  wss.close();
  http.close();
}

// ---------------------------------------------------------------- STOMP

async function recordStomp() {
  const http = createServer();
  const wss = startStompServer(http);
  const port = await listen(http);
  await recordScenario('stomp', port, async (proxyPort) => {
    const client = new StompClient({
      webSocketFactory: () => new WebSocket(`ws://127.0.0.1:${proxyPort}/stomp`, ['v12.stomp', 'v11.stomp', 'v10.stomp']),
      connectHeaders: { login: 'ada', passcode: 'secret', host: '/' },
      heartbeatIncoming: 200, heartbeatOutgoing: 200, reconnectDelay: 0,
    });
    const connected = new Promise((resolve) => { client.onConnect = resolve; });
    client.activate();
    await connected;
    const messages = [];
    const got = (n) => new Promise((resolve) => { const t = setInterval(() => messages.length >= n && (clearInterval(t), resolve()), 5); });
    const sub = client.subscribe('/queue/a', (m) => { messages.push(m); m.ack(); }, { ack: 'client-individual' });
    client.publish({ destination: '/queue/a', body: 'hello STOMP' });
    client.publish({ destination: '/queue/a', body: JSON.stringify({ id: 7, text: 'hi' }), headers: { 'content-type': 'application/json', receipt: 'r-1' } });
    client.publish({ destination: '/queue/a', binaryBody: new Uint8Array([0, 1, 2, 255]), headers: { 'content-type': 'application/octet-stream' } });
    await got(3);
    await sleep(450); // heart-beats both ways
    sub.unsubscribe();
    await client.deactivate();
  });
  wss.close();
  http.close();
}

// ---------------------------------------------------------------- main

const scenarios = {
  socketio: () => recordSocketIO('socketio'),
  'socketio-msgpack': () => recordSocketIO('socketio-msgpack', msgpackParser),
  'graphql-transport-ws': recordGraphQL,
  'mqtt-v3': () => recordMqtt311('mqtt-v3', browserTransport),
  'mqtt-v3-node-stream': () => recordMqtt311('mqtt-v3-node-stream', {}),
  'mqtt-v5': recordMqtt5,
  stomp: recordStomp,
  'jsonrpc-rpc-websockets': () => recordJsonRpc(recordScenario),
  'jsonrpc-trpc': () => recordTrpc(recordScenario),
  yjs: () => recordYjs(recordScenario),
  colyseus: () => recordColyseus(recordScenario),
  'yjs-hocuspocus': () => recordHocuspocus(recordScenario),
};

const wanted = process.argv.slice(2);
if (wanted.length === 1) {
  await scenarios[wanted[0]]();
  process.exit(0);
}
// One process per scenario: libraries keep process-wide state (mqtt.js picks its transport once).
for (const name of Object.keys(scenarios)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
  const [code] = await waitFor(child, 'exit');
  if (code !== 0) throw new Error(`${name} failed with exit code ${code}`);
}
