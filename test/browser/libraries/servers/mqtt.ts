/** An aedes MQTT broker behind a `ws` server: each WebSocket becomes a duplex stream the broker handles. */
import { Aedes } from 'aedes';
import { expect } from 'vitest';
import { createWebSocketStream } from 'ws';
import type { LibraryCase } from '../case';

const N = 10;

export const mqttCase: LibraryCase = {
  name: 'mqtt (aedes broker)',
  client: 'mqtt',
  pairs: { answered: 2 },
  summary: /^mqtt MQTT (PUBLISH|PUBACK|DISCONNECT)/,
  async setup(server) {
    const broker = await Aedes.createBroker();
    server.onClose(() => new Promise<void>((resolve) => broker.close(() => resolve())));
    const wss = server.wss({ path: '/mqtt' });
    wss.on('connection', (ws) => broker.handle(createWebSocketStream(ws) as any));
    // Delivered at min(subscription QoS 1, publish QoS): the q0 topic at QoS 0, q1 at QoS 1.
    const expected = ['q0', 'q1'].flatMap((q) => Array.from({ length: N }, (_, i) => `test/${q} ${q} m${i}`));
    return {
      config: { url: `${server.wsUrl}/mqtt`, n: N },
      connections: 1,
      check(result) {
        expect({ received: [...result.received].sort() }).toEqual({ received: expected.sort() });
      },
    };
  },
};
