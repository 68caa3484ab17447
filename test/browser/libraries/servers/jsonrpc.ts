/**
 * A JSON-RPC 2.0 server (spec: https://www.jsonrpc.org/specification, §4–5) on the counting `ws`
 * server, for the rpc-websockets client: `sum` answers, an unknown method gets -32601, `log` is a
 * notification (no answer), and `slow` is never answered.
 */
import { expect } from 'vitest';
import type { LibraryCase } from '../case';

const N = 5;

export const jsonRpcCase: LibraryCase = {
  name: 'rpc-websockets (JSON-RPC 2.0)',
  client: 'jsonrpc',
  summary: /^jsonrpc /,
  // N sums and the error are answered; `slow` is left waiting when the page closes.
  pairs: { answered: N + 1, unanswered: 1 },
  setup(server) {
    const wss = server.wss({ path: '/rpc' });
    wss.on('connection', (socket) => {
      socket.on('message', (raw) => {
        const m = JSON.parse(String(raw)) as { id?: number; method: string; params?: number[] };
        if (m.id === undefined || m.method === 'slow') return;
        if (m.method === 'sum') socket.send(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: (m.params ?? []).reduce((a, b) => a + b, 0) }));
        else socket.send(JSON.stringify({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } }));
      });
    });
    return {
      config: { url: `${server.wsUrl}/rpc`, n: N },
      connections: 1,
      check(result) {
        expect(result.sums).toEqual([1, 2, 3, 4, 5]);
        expect(result.failure).toMatch(/Method not found/);
      },
    };
  },
};
