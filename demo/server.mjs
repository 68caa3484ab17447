// wsinspect demo server: static files from ./public plus a few WebSocket endpoints.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WebSocketServer } from 'ws';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
const PATHS = ['/chat', '/ticker', '/closer', '/echo', '/rpc'];
const BOT_LINES = [
  'beep boop, still here',
  'did you know? WebSocket frames can be text or binary',
  'the ticker speaks DataView, not JSON',
  'try the closer card to see code 4001',
  'hello from the server side',
];

export async function startDemoServer({ port = 0, host = '127.0.0.1' } = {}) {
  const stats = {
    received: Object.fromEntries(PATHS.map((p) => [p, 0])),
    sent: Object.fromEntries(PATHS.map((p) => [p, 0])),
  };
  const timers = new Set(); // every interval/timeout, so close() can clear them all
  const every = (fn, ms) => { const t = setInterval(fn, ms); timers.add(t); return t; };
  const after = (fn, ms) => { const t = setTimeout(() => { timers.delete(t); fn(); }, ms); timers.add(t); return t; };
  const stop = (t) => { clearTimeout(t); clearInterval(t); timers.delete(t); };

  const send = (ws, p, data, opts = {}) => {
    if (ws.readyState !== ws.OPEN) return;
    stats.sent[p]++;
    ws.send(data, opts);
  };

  const wss = Object.fromEntries(PATHS.map((p) => [p, new WebSocketServer({
    noServer: true,
    ...(p === '/chat' && { handleProtocols: (protocols) => (protocols.has('chat.v1') ? 'chat.v1' : false) }),
  })]));
  for (const [p, server] of Object.entries(wss)) {
    server.on('connection', (ws) => ws.on('message', () => stats.received[p]++));
  }

  // /chat: JSON chat room with a bot.
  const chatUsers = new Map(); // ws -> user name
  const broadcast = (user, text) => {
    const msg = JSON.stringify({ type: 'chat', user, text: String(text), ts: Date.now() });
    for (const ws of wss['/chat'].clients) send(ws, '/chat', msg);
  };
  wss['/chat'].on('connection', (ws) => {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let msg;
      try { msg = JSON.parse(data.toString()); } catch { return; }
      if (!msg || typeof msg !== 'object') return;
      if (msg.type === 'join') {
        chatUsers.set(ws, String(msg.user || 'anonymous'));
        send(ws, '/chat', JSON.stringify({ type: 'welcome', users: ['bot', ...chatUsers.values()] }));
      } else if (msg.type === 'chat') {
        broadcast(chatUsers.get(ws) ?? String(msg.user || 'anonymous'), msg.text ?? '');
      }
    });
    ws.on('close', () => chatUsers.delete(ws));
  });
  every(() => broadcast('bot', BOT_LINES[Math.floor(Math.random() * BOT_LINES.length)]), 3000);

  // /ticker: binary ticks (uint32 seq, float64 price, float64 ts) after a binary subscribe frame.
  wss['/ticker'].on('connection', (ws) => {
    let tick = null;
    ws.on('message', (data, isBinary) => {
      if (!isBinary || tick) return;
      const symbolId = data[1] ?? 0;
      let seq = 0;
      let price = 100 + symbolId * 10;
      tick = every(() => {
        price = Math.max(1, price + (Math.random() - 0.5));
        const buf = new ArrayBuffer(20);
        const view = new DataView(buf);
        view.setUint32(0, seq++);
        view.setFloat64(4, price);
        view.setFloat64(12, Date.now());
        send(ws, '/ticker', buf, { binary: true });
      }, 250);
    });
    ws.on('close', () => tick && stop(tick));
  });

  // /closer: server-initiated close after 2 s.
  wss['/closer'].on('connection', (ws) => {
    send(ws, '/closer', 'this socket will be closed by the server in 2 s');
    const t = after(() => ws.close(4001, 'demo: closed by server'), 2000);
    ws.on('close', () => stop(t));
  });

  // /rpc: JSON-RPC 2.0 (spec §4-5): `quote` answers after 5-60 ms, `report` after 3 s,
  // anything else gets -32601; notifications (no id) get nothing.
  wss['/rpc'].on('connection', (ws) => {
    ws.on('message', (data) => {
      let call;
      try { call = JSON.parse(String(data)); } catch { return; }
      if (call?.id === undefined) return;
      const answer = (body, ms) => after(() => send(ws, '/rpc', JSON.stringify({ jsonrpc: '2.0', id: call.id, ...body })), ms);
      if (call.method === 'quote') answer({ result: { symbol: call.params?.[0] ?? '?', price: +(100 + Math.random() * 5).toFixed(2) } }, 5 + Math.random() * 55);
      else if (call.method === 'report') answer({ result: 'ok' }, 3000);
      else answer({ error: { code: -32601, message: 'Method not found' } }, 2);
    });
  });

  // /echo: everything back, same frame type.
  wss['/echo'].on('connection', (ws) => {
    ws.on('message', (data, isBinary) => send(ws, '/echo', data, { binary: isBinary }));
  });

  const server = http.createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file;
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      file = path.resolve(PUBLIC_DIR, '.' + (pathname === '/' ? '/index.html' : pathname));
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)];
    if (!type || !file.startsWith(PUBLIC_DIR + path.sep)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });

  server.on('upgrade', (req, socket, head) => {
    const target = wss[new URL(req.url, 'http://x').pathname];
    if (!target) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    target.handleUpgrade(req, socket, head, (ws) => target.emit('connection', ws, req));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    stats,
    close() {
      for (const t of [...timers]) stop(t);
      for (const s of Object.values(wss)) {
        for (const ws of s.clients) ws.terminate();
        s.close();
      }
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startDemoServer({ port: Number(process.env.PORT) || 8080 });
  console.log(`wsinspect demo running at ${url}`);
}
