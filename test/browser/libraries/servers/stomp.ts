/**
 * A minimal STOMP 1.2 broker over `ws`, enough for @stomp/stompjs: CONNECT → CONNECTED
 * (heart-beats off), SUBSCRIBE, SEND → MESSAGE to every subscription of that destination,
 * DISCONNECT → RECEIPT. One WebSocket message may carry several frames, each ended by NUL.
 */
import { expect } from 'vitest';
import type { WebSocket } from 'ws';
import type { LibraryCase } from '../case';

const N = 15;

interface StompFrame { command: string; headers: Record<string, string>; body: string }

function parseFrames(data: string): StompFrame[] {
  return data.split('\0').filter((chunk) => chunk.trim() !== '').map((chunk) => {
    const text = chunk.replace(/^[\r\n]+/, ''); // heart-beat EOLs between frames
    const split = text.indexOf('\n\n');
    const [command, ...lines] = text.slice(0, split).split('\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (!(line.slice(0, colon) in headers)) headers[line.slice(0, colon)] = line.slice(colon + 1);
    }
    return { command, headers, body: text.slice(split + 2) };
  });
}

function frame(command: string, headers: Record<string, string | number>, body = ''): string {
  return `${command}\n${Object.entries(headers).map(([k, v]) => `${k}:${v}\n`).join('')}\n${body}\0`;
}

export const stompCase: LibraryCase = {
  name: '@stomp/stompjs',
  client: 'stomp',
  summary: /^stomp STOMP (MESSAGE|SEND|RECEIPT|DISCONNECT)/,
  setup(server) {
    const wss = server.wss({ path: '/stomp', handleProtocols: (p) => (p.has('v12.stomp') ? 'v12.stomp' : false) });
    const subscriptions: Array<{ ws: WebSocket; id: string; destination: string }> = [];
    let messageId = 0;
    wss.on('connection', (ws) => {
      ws.on('message', (data) => {
        for (const f of parseFrames(data.toString())) {
          if (f.command === 'CONNECT' || f.command === 'STOMP') {
            ws.send(frame('CONNECTED', { version: '1.2', 'heart-beat': '0,0', server: 'wsinspect-test' }));
          } else if (f.command === 'SUBSCRIBE') {
            subscriptions.push({ ws, id: f.headers.id, destination: f.headers.destination });
          } else if (f.command === 'SEND') {
            for (const s of subscriptions.filter((s) => s.destination === f.headers.destination)) {
              s.ws.send(frame('MESSAGE', { destination: s.destination, 'message-id': ++messageId, subscription: s.id }, f.body));
            }
          } else if (f.command === 'DISCONNECT') {
            ws.send(frame('RECEIPT', { 'receipt-id': f.headers.receipt }));
          }
        }
      });
    });
    return {
      config: { url: `${server.wsUrl}/stomp`, n: N },
      connections: 1,
      check(result) {
        expect(result).toEqual({ received: Array.from({ length: N }, (_, i) => `message ${i}`) });
      },
    };
  },
};
