/**
 * The pages the benchmarks drive, as plain scripts (evaluated functions would be rewritten
 * by the TypeScript transform). Every timestamp is epoch ms: performance.timeOrigin + now().
 */
const common = `<script>
  window.wsUrl = (path) => location.origin.replace('http', 'ws') + path;
  window.epoch = () => performance.timeOrigin + performance.now();
  window.opened = (path) => new Promise((ok, fail) => {
    const ws = new WebSocket(wsUrl(path));
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => ok(ws);
    ws.onerror = () => fail(new Error('socket error on ' + path));
  });
</script>`;

/** Ping-pong: send, wait for the echo, repeat, for `ms`; resolves to round trips per second. */
const echo = `${common}<script>
  window.pingpong = async (kind, ms) => {
    const ws = await opened('/echo');
    const payload = kind === 'text' ? 'x'.repeat(1024) : new Uint8Array(65536).fill(7);
    return new Promise((done) => {
      let n = 0;
      const start = performance.now(), end = start + ms;
      ws.onmessage = () => {
        n++;
        const now = performance.now();
        if (now < end) { ws.send(payload); return; }
        ws.close();
        done(n / ((now - start) / 1000));
      };
      ws.send(payload);
    });
  };
</script>`;

/**
 * Paced sender: at every timer tick sends what is due at `rate` per second, so bursts stay
 * small; remembers the send time of every `sampleEvery`-th frame.
 */
const ingest = `${common}<script>
  window.ingest = async (rate, seconds, sampleEvery) => {
    const ws = await opened('/sink');
    const total = rate * seconds, marks = [];
    let i = 0, late = 0;
    const t0 = performance.now();
    return new Promise((done) => {
      (function tick() {
        const due = Math.min(total, Math.floor((performance.now() - t0) * rate / 1000));
        if (due - i > rate / 10) late++;
        for (; i < due; i++) {
          const t = epoch();
          if (i % sampleEvery === 0) marks.push(t);
          ws.send('{"seq":' + i + ',"t":' + t.toFixed(1) + ',"room":"r' + (i % 7) + '"}');
        }
        if (i < total) setTimeout(tick, 4);
        else done({ sent: i, marks, ms: performance.now() - t0, late });
      })();
    });
  };
</script>`;

/** Big and many frames: a JSON text or random binary payload of `bytes`, sent `count` times. */
const big = `${common}<script>
  window.makePayload = (kind, bytes) => {
    if (kind === 'binary') {
      const a = new Uint8Array(bytes);
      for (let o = 0; o < bytes; o += 65536) crypto.getRandomValues(a.subarray(o, Math.min(bytes, o + 65536)));
      return a.buffer;
    }
    const item = '{"id":123456,"name":"item","tags":["a","b","c"],"value":3.14159,"ok":true},';
    return '[' + item.repeat(Math.floor(bytes / item.length)).slice(0, -1) + ']';
  };
  window.payloads = {};
  window.prepare = (kind, bytes) => { payloads[kind] = makePayload(kind, bytes); return typeof payloads[kind] === 'string' ? payloads[kind].length : payloads[kind].byteLength; };
  /** Sends the prepared payload \`count\` times on a new socket to \`path\`; resolves when the server has echoed all (or at once). */
  window.sendBig = async (kind, count, path) => {
    const ws = await opened(path);
    let echoed = 0;
    return new Promise((done) => {
      ws.onmessage = () => { if (++echoed === count) done(echoed); };
      for (let i = 0; i < count; i++) ws.send(payloads[kind]);
      if (!path.startsWith('/echo')) done(0);
    });
  };
  /** Sends n small frames in bursts of 5000 per task. */
  window.flood = async (n, bytes) => {
    const ws = await opened('/sink');
    const pad = 'p'.repeat(Math.max(0, bytes - 30));
    return new Promise((done) => {
      let i = 0;
      (function burst() {
        const end = Math.min(n, i + 5000);
        for (; i < end; i++) ws.send('{"seq":' + i + ',"room":"r' + (i % 7) + '"' + (pad && ',"p":"' + pad + '"') + '}');
        if (i < n) setTimeout(burst, 0); else done(i);
      })();
    });
  };
</script>`;

/** A modest page for load timing: some markup, a stylesheet, a script, an iframe. */
const load = `<!doctype html><html><head><script>window.firstScript = performance.now()</script><title>load</title><style>body{font:14px sans-serif}.c{padding:4px}</style>
<script>window.work = 0; for (let i = 0; i < 1000; i++) window.work += i;</script></head><body>
${Array.from({ length: 200 }, (_, i) => `<div class="c">row ${i} <a href="#${i}">link</a></div>`).join('')}
<iframe src="/frame"></iframe></body></html>`;

export const PAGES: Record<string, string> = {
  '/echo-page': echo,
  '/ingest-page': ingest,
  '/big-page': big,
  '/load': load,
  '/frame': '<!doctype html><p>frame</p>',
  '/blank': '<!doctype html><title>blank</title>',
};
