/**
 * The test pages the panel suites drive (same traffic as the Chromium suites), served by a
 * TestServer. Each returns the page's address.
 */
import type { TestServer } from '../../helpers/servers';

/** Sockets a and b: 12 sent + 12 echoed each; the push socket: 3 received. */
export const MIXED_TOTAL = 24 + 24 + 3;

/** Two echo sockets with chat, heartbeats, HTML-like text, one binary frame; a push socket. `more(n)` sends n more. */
export function serveMixedPage(server: TestServer): string {
  server.page('/mixed', `<script>
    const a = new WebSocket('${server.wsUrl}/echo');
    const b = new WebSocket('${server.wsUrl}/echo?second');
    window.sockets = [a, b];
    a.onopen = () => {
      a.send(JSON.stringify({ type: 'chat', text: 'needle one' }));
      for (let i = 0; i < 4; i++) { a.send('2'); a.send('3'); }
      a.send('<img src=x onerror="document.title=\\'pwned\\'">');
      a.send(new Uint8Array([0x68, 0x69, 0xff, 0xfe]));
      a.send('needle two');
    };
    b.onopen = () => { for (let i = 0; i < 11; i++) b.send('b-' + i); b.send('needle three'); };
    const push = new WebSocket('${server.wsUrl}/push/2');
    window.more = (n) => { for (let i = 0; i < n; i++) a.send('more-' + i); };
  </script>`);
  return `${server.url}/mixed`;
}

/** An echo socket whose every event the page records in `window.seen`, and a second socket. */
export function serveChatPage(server: TestServer): string {
  server.page('/chat', `<script>
    window.seen = [];
    const ws = new WebSocket('${server.wsUrl}/echo');
    ws.binaryType = 'arraybuffer';
    const show = (how) => (e) => window.seen.push([how, typeof e.data === 'string' ? e.data : Array.from(new Uint8Array(e.data)).join(',')]);
    ws.onmessage = show('onmessage');
    ws.addEventListener('message', show('listener'));
    ws.onerror = () => window.seen.push(['error']);
    ws.onclose = (e) => window.seen.push(['close', e.code, e.reason, e.wasClean]);
    ws.onopen = () => ws.send('page hello');
    const second = new WebSocket('${server.wsUrl}/echo?second');
    second.onclose = (e) => window.seen.push(['second-close', e.code, e.reason]);
  </script>`);
  return `${server.url}/chat`;
}

/** One echo socket: `say(...texts)` sends, `window.seen` holds what the page received. */
export function serveAppPage(server: TestServer): string {
  server.page('/app', `<script>
    window.seen = [];
    const ws = new WebSocket('${server.wsUrl}/echo');
    ws.onmessage = (e) => window.seen.push(e.data);
    window.say = (...texts) => texts.forEach((t) => ws.send(t));
    ws.onopen = () => ws.send('ready');
  </script>`);
  return `${server.url}/app`;
}

/** Text with a non-ASCII character, binary, and a secret, echoed; `more()` sends one more. */
export function serveHarPage(server: TestServer): string {
  server.page('/har', `<script>
    const ws = new WebSocket('${server.wsUrl}/echo');
    ws.onopen = () => { ws.send('hello ☃'); ws.send(new Uint8Array([1, 2, 3, 255])); ws.send('{"token":"s3cr3t"}'); };
    window.more = () => ws.send('after import');
  </script>`);
  return `${server.url}/har`;
}
