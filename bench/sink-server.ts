/** A WebSocket server on 127.0.0.1 that counts what it receives and can echo. For benchmarks. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export async function startSink(pages: Record<string, string>) {
  const counts = { received: 0, bytes: 0 };
  const http = createServer((req, res) => {
    const html = pages[(req.url ?? '/').split('?')[0]];
    if (!html) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  wss.on('connection', (ws, req) => {
    const echo = req.url?.startsWith('/echo');
    ws.on('message', (data: Buffer, binary: boolean) => {
      counts.received++;
      counts.bytes += data.length;
      if (echo) ws.send(data, { binary });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    counts,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
