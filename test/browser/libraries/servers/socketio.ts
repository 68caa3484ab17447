/**
 * socket.io server: echoes events back as 'reply', answers acks (a sum, and bytes reversed,
 * which travel as a binary attachment). Heartbeats every 300 ms: the client waits for a few and
 * disconnects right after one, so that the counts are exact and include ping/pong frames.
 */
import { Server } from 'socket.io';
import { expect } from 'vitest';
import type { LibraryCase } from '../case';

const N = 20;

function socketIoCase(name: string, transports: string[]): LibraryCase {
  return {
    name,
    client: 'socketio',
    setup(server) {
      const io = new Server(server.http, { wsEngine: server.CountingServer, pingInterval: 300, pingTimeout: 10_000 });
      // Not io.close(): it also closes the HTTP server and waits for its keep-alive connections.
      server.onClose(() => { io.disconnectSockets(true); io.engine.close(); });
      // The engine.io transports of the connection, in order, as the server saw them.
      const transportsUsed: string[] = [];
      io.engine.on('connection', (socket) => {
        transportsUsed.push(socket.transport.name);
        socket.on('upgrade', (transport: { name: string }) => transportsUsed.push(transport.name));
      });
      io.on('connection', (socket) => {
        socket.on('echo', (i: number) => socket.emit('reply', i));
        socket.on('sum', (list: number[], ack: (n: number) => void) => ack(list.reduce((a, b) => a + b, 0)));
        socket.on('bytes', (bytes: Buffer, ack: (b: Buffer) => void) => ack(Buffer.from(bytes).reverse()));
      });
      return {
        config: { url: server.url, transports, n: N },
        connections: 1,
        check(result) {
          expect(transportsUsed).toEqual(transports);
          expect(result).toEqual({
            replies: Array.from({ length: N }, (_, i) => i),
            sum: 10,
            bytes: [255, 254, 3, 2, 1],
            heartbeats: true,
          });
        },
      };
    },
  };
}

export const socketIoWebSocket = { ...socketIoCase('socket.io (websocket transport)', ['websocket']), summary: /^socketio (socket\.io|engine\.io) /, pairs: { answered: 2 } };
/** Starts on HTTP long-polling (not a WebSocket: not counted, not shown) and upgrades. */
export const socketIoUpgrade = socketIoCase('socket.io (polling, then upgrade)', ['polling', 'websocket']);
