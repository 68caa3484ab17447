/**
 * socket.io-client: events both ways, acknowledgements, and a binary attachment (which
 * socket.io sends as two WebSocket frames: a header and the bytes). With the default
 * transports it starts on HTTP long-polling; we wait for the upgrade to WebSocket.
 */
import { io } from 'socket.io-client';
import { config, report, until } from './report';

report(async () => {
  const socket = io(config.url, { transports: config.transports, reconnection: false });
  const replies: number[] = [];
  socket.on('reply', (i: number) => replies.push(i));
  let pings = 0;
  socket.io.engine.on('ping', () => { pings++; });
  await new Promise<void>((resolve, reject) => { socket.on('connect', resolve); socket.on('connect_error', reject); });
  // Which transports were used is recorded by the server; here we only wait for the WebSocket.
  await until(() => socket.io.engine.transport.name === 'websocket', 'the upgrade to WebSocket');

  for (let i = 0; i < config.n; i++) socket.emit('echo', i);
  const sum: number = await socket.emitWithAck('sum', [1, 2, 3, 4]);
  const bytes = Array.from(new Uint8Array(await socket.emitWithAck('bytes', new Uint8Array([1, 2, 3, 254, 255]))));
  await until(() => replies.length === config.n, 'all replies');
  // engine.io heartbeats ("2" ping from the server, "3" pong) are frames too. Disconnect just
  // after one, so that the next ping cannot cross the closing socket: the page never sees a
  // message that arrives after close(), though the server counts it as sent.
  await until(() => pings >= 2, 'two heartbeats');
  await new Promise<void>((resolve) => socket.io.engine.once('ping', () => resolve()));
  socket.disconnect();
  return { replies, sum, bytes, heartbeats: pings >= 3 };
});
