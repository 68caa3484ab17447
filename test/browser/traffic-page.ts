/**
 * One page of traffic both browsers' tests use: JSON text, binary from a Uint8Array and a
 * DataView, a Blob, a server-initiated close with a code and reason, and an iframe's socket.
 */
import type { TestServer } from '../helpers/servers';

export function serveTrafficPage(server: TestServer): string {
  server.page('/frame', `<script>
    const ws = new WebSocket('${server.wsUrl}/echo');
    ws.onopen = () => ws.send('from iframe');
  </script>`);
  server.page('/app', `<!doctype html><body><script>
    window.results = [];
    const ws = new WebSocket('${server.wsUrl}/echo', ['echo.v1']);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      ws.send(JSON.stringify({ hello: 'world', n: 1 }));
      ws.send(new Uint8Array([1, 2, 3, 254, 255]));
      const dv = new DataView(new ArrayBuffer(8)); dv.setFloat64(0, Math.PI); ws.send(dv);
      ws.send(new Blob(['blob!']));
    };
    const closer = new WebSocket('${server.wsUrl}/close/4001/bye%20now');
    closer.onclose = (e) => window.results.push([e.code, e.reason, e.wasClean]);
    window.later = () => ws.send('after the panel opened');
  </script><iframe src="/frame"></iframe></body>`);
  return `${server.url}/app`;
}

/** Frames the page above produces before `later()`, as "direction opcode preview". */
export const EXPECTED_ROWS = [
  'sent text {"hello":"world","n":1}',
  'received text {"hello":"world","n":1}',
  'sent binary 01 02 03 fe ff',
  'received binary 01 02 03 fe ff',
  'sent binary 40 09 21 fb 54 44 2d 18',
  'received binary 40 09 21 fb 54 44 2d 18',
  'sent binary 62 6c 6f 62 21',
  'received binary 62 6c 6f 62 21',
  'received text closing soon',
  'sent text from iframe',
  'received text from iframe',
];

/** Messages the server receives from the page before `later()`. */
export const EXPECTED_SERVER_MESSAGES = 5;
