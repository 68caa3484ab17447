/**
 * An echo server that drops the connection (close 1012, "service restart") when asked with
 * "drop": reconnecting-websocket must reconnect twice, and every socket must be captured.
 */
import { expect } from 'vitest';
import type { LibraryCase } from '../case';

const N = 10;

export const reconnectingCase: LibraryCase = {
  name: 'reconnecting-websocket',
  client: 'reconnecting',
  setup(server) {
    const wss = server.wss({ path: '/flaky' });
    wss.on('connection', (ws) => {
      ws.on('message', (data) => {
        if (data.toString() === 'drop') ws.close(1012, 'service restart');
        else ws.send(data.toString());
      });
    });
    const sent = ['hello 1', 'hello 2', 'hello 3', 'queued while down 1', 'queued while down 2',
      ...Array.from({ length: N }, (_, i) => `message ${i}`)].sort();
    return {
      config: { url: `${server.wsUrl}/flaky`, n: N },
      connections: 3,
      check(result) {
        expect(result).toEqual({ opens: 3, sent, echoes: sent });
      },
    };
  },
};
