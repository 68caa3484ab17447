// wsinspect demo client. All text goes through textContent.
const wsBase = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host;
const $ = (id) => document.getElementById(id);

function setStatus(id, text, state) {
  const el = $(id);
  el.textContent = text;
  el.dataset.state = state;
}

function addLine(list, text, className = '') {
  const li = document.createElement('li');
  li.className = className;
  li.textContent = text;
  list.append(li);
  while (list.children.length > 100) list.firstElementChild.remove();
  list.scrollTop = list.scrollHeight;
}

// --- Chat ---------------------------------------------------------------
const user = 'user-' + Math.random().toString(36).slice(2, 6);
const chatLog = $('chat-log');
const chat = new WebSocket(wsBase + '/chat', ['chat.v1']);

chat.addEventListener('open', () => {
  setStatus('chat-status', `open as ${user}`, 'open');
  chat.send(JSON.stringify({ type: 'join', user }));
  chat.send(JSON.stringify({ type: 'chat', user, text: `hi, ${user} just opened the demo` }));
});
chat.addEventListener('message', (event) => {
  let msg;
  try { msg = JSON.parse(event.data); } catch { return; }
  if (msg.type === 'welcome') {
    addLine(chatLog, `online: ${msg.users.join(', ')}`, 'system');
  } else if (msg.type === 'chat') {
    const time = new Date(msg.ts).toLocaleTimeString();
    addLine(chatLog, `${time} ${msg.user}: ${msg.text}`, msg.user === user ? 'mine' : '');
  }
});
chat.addEventListener('close', (e) => setStatus('chat-status', `closed (${e.code})`, 'closed'));

$('chat-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('chat-input');
  const text = input.value.trim();
  if (!text || chat.readyState !== WebSocket.OPEN) return;
  chat.send(JSON.stringify({ type: 'chat', user, text }));
  input.value = '';
});

// --- Ticker -------------------------------------------------------------
let ticker = null;
const toggle = $('ticker-toggle');

function startTicker() {
  const ws = new WebSocket(wsBase + '/ticker');
  ws.binaryType = 'arraybuffer';
  ws.addEventListener('open', () => {
    setStatus('ticker-status', 'open', 'open');
    ws.send(new Uint8Array([1, 7])); // subscribe to symbol 7
  });
  ws.addEventListener('message', (event) => {
    if (!(event.data instanceof ArrayBuffer) || event.data.byteLength < 20) return;
    const view = new DataView(event.data);
    $('ticker-seq').textContent = String(view.getUint32(0));
    $('ticker-price').textContent = view.getFloat64(4).toFixed(2);
  });
  ws.addEventListener('close', (e) => {
    setStatus('ticker-status', `closed (${e.code})`, 'closed');
    if (ticker === ws) { ticker = null; toggle.textContent = 'Start'; }
  });
  ticker = ws;
  toggle.textContent = 'Stop';
}

toggle.addEventListener('click', () => {
  if (ticker) {
    const ws = ticker;
    ticker = null;
    toggle.textContent = 'Start';
    ws.close(1000, 'stopped by user');
  } else {
    startTicker();
  }
});
startTicker();

// --- Closer -------------------------------------------------------------
const closerLog = $('closer-log');
const closerButton = $('closer-open');

closerButton.addEventListener('click', () => {
  closerButton.disabled = true;
  setStatus('closer-status', 'connecting…', 'connecting');
  const ws = new WebSocket(wsBase + '/closer');
  ws.addEventListener('open', () => setStatus('closer-status', 'open', 'open'));
  ws.addEventListener('message', (event) => addLine(closerLog, `server: ${event.data}`));
  ws.addEventListener('close', (e) => {
    addLine(closerLog, `closed: code ${e.code}, reason "${e.reason}"`, 'system');
    setStatus('closer-status', `closed (${e.code})`, 'closed');
    closerButton.disabled = false;
  });
});

// --- Quotes (JSON-RPC 2.0) ------------------------------------------------
const rpcLog = $('rpc-log');
const rpc = new WebSocket(wsBase + '/rpc');
let nextId = 1;
const calls = new Map(); // id -> [method, sent at]
const call = (method, params) => {
  if (rpc.readyState !== WebSocket.OPEN) return;
  const id = nextId++;
  calls.set(id, [method, performance.now()]);
  rpc.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
};
rpc.addEventListener('open', () => {
  setStatus('rpc-status', 'open', 'open');
  let n = 0;
  setInterval(() => {
    n++;
    call('quote', ['ACME']);
    if (n % 4 === 0) call('report', [n]);
    if (n % 7 === 0) call('price.history', ['ACME']);
  }, 1500);
});
rpc.addEventListener('message', (event) => {
  let msg;
  try { msg = JSON.parse(event.data); } catch { return; }
  const [method, at] = calls.get(msg.id) ?? ['?', performance.now()];
  calls.delete(msg.id);
  const ms = Math.round(performance.now() - at);
  addLine(rpcLog, msg.error ? `${method}: error ${msg.error.code} ${msg.error.message} (${ms} ms)` : `${method}: ${JSON.stringify(msg.result)} (${ms} ms)`, msg.error ? 'system' : '');
});
rpc.addEventListener('close', (e) => setStatus('rpc-status', `closed (${e.code})`, 'closed'));
