/**
 * Colyseus 0.18: @colyseus/core with @colyseus/ws-transport on its own port. The transport makes
 * its own WebSocketServer, which cannot be the counting one, so the room's WebSocket goes through
 * the counting proxy (proxy.ts) on the page's server: the server's `publicAddress` (what it is
 * for: a server behind a proxy) sends the page there. Matchmaking is an HTTP request, to the
 * Colyseus port itself (it answers CORS); only the room's socket is a WebSocket.
 */
import type { AddressInfo } from 'node:net';
import { Room, Server, type Client } from '@colyseus/core';
import { schema, t } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { expect } from 'vitest';
import type { LibraryCase } from '../case';
import { proxyTo } from './proxy';

const State = schema({ turn: t.number(), players: t.map('string') }, 'State');
type StateType = InstanceType<typeof State>;

export const colyseusCase: LibraryCase = {
  name: 'Colyseus',
  client: 'colyseus',
  summary: /^colyseus /,
  async setup(server) {
    // What the room saw, for check(): who joined, the moves, how they left.
    const seen = { joined: [] as string[], moves: [] as unknown[], left: [] as boolean[] };
    class BattleRoom extends Room<{ state: StateType }> {
      override onCreate() {
        this.setState(new State({ turn: 0 }));
        this.onMessage('move', (client: Client, message: { x: number; y: number }) => {
          seen.moves.push(message);
          this.state.turn++;
          this.broadcast('moved', { by: client.sessionId, ...message });
        });
      }
      override onJoin(client: Client, options: { name: string }) {
        seen.joined.push(options.name);
        this.state.players.set(client.sessionId, options.name);
      }
      override onLeave(_client: Client, code?: number) { seen.left.push(code === 4000); }
    }
    const colyseus = new Server({
      transport: new WebSocketTransport(),
      publicAddress: new URL(server.wsUrl).host,
      greet: false,
      gracefullyShutdown: false, // no process signal handlers
    });
    colyseus.define('battle', BattleRoom);
    await colyseus.listen(0, '127.0.0.1');
    server.onClose(() => colyseus.gracefullyShutdown(false));
    const { port } = colyseus.transport.server!.address() as AddressInfo;
    proxyTo(server, port);
    return {
      config: { url: `http://127.0.0.1:${port}` },
      connections: 1,
      check(result) {
        expect(result).toEqual({ players: ['ada'], turn: 1, moved: { mine: true, x: 1, y: 2 }, leaveCode: 4000 });
        expect(seen).toEqual({ joined: ['ada'], moves: [{ x: 1, y: 2 }], left: [true] });
      },
    };
  },
};
