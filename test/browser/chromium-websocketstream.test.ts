/**
 * WebSocketStream in Chromium against a real echo server: text and binary written, echoes
 * read (reader and for-await), unread frames left alone, a pipe reported as uncaptured, a
 * close with code and reason, a failed connection. The panel shows exactly what the page
 * moved; the page's own results, its writer's backpressure (desiredSize / ready) and what it
 * can observe of the API are the same with and without the extension.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { panelRows, waitFor } from '../helpers/panel';
import { startTestServer, type TestServer } from '../helpers/servers';

let server: TestServer;
let withExtension: Chromium;
let without: Chromium;

beforeAll(async () => {
  server = await startTestServer();
  server.page('/wss', `<!doctype html><body><script>${TRAFFIC}</script></body>`);
  server.page('/probe', `<!doctype html><body><script>${PROBE}</script></body>`);
  [withExtension, without] = [await launchChromium(), await launchChromium({ extension: false })];
});
afterAll(async () => {
  await withExtension?.close();
  await without?.close();
  await server?.close();
});

/** The page's traffic, run by `run(wsUrl)`: everything it observes goes into the returned object. */
const TRAFFIC = String.raw`
const bytesOf = (v) => typeof v === 'string' ? v : Array.from(new Uint8Array(v));
window.run = async (wsUrl) => {
  const out = {};
  const unhandled = [];
  addEventListener('unhandledrejection', (e) => unhandled.push(String(e.reason)));

  // 1. Text and binary written, echoes read with a reader, closed with a code and a reason.
  const s = new WebSocketStream(wsUrl + '/echo', { protocols: ['echo.v1'] });
  const opened = await s.opened;
  out.opened = { protocol: opened.protocol, extensions: opened.extensions, keys: Object.keys(opened) };
  const writer = opened.writable.getWriter();
  const reader = opened.readable.getReader();
  const backing = new Uint8Array([9, 9, 1, 2, 3, 254, 255, 9]);
  await writer.write('hello stream');
  await writer.write(backing.subarray(2, 7));
  await writer.write(new DataView(new Uint8Array([0x40, 0x41]).buffer));
  await writer.write(new Uint8Array([0xca, 0xfe]).buffer);
  await writer.write(42);
  out.backingAfterWrite = Array.from(backing);
  out.echoes = [];
  for (let i = 0; i < 5; i++) { const r = await reader.read(); out.echoes.push([r.done, bytesOf(r.value)]); }

  // 2. Backpressure: a burst of writes, desiredSize after each, then ready; then one at a time.
  const burst = [writer.desiredSize];
  const writes = [];
  for (let i = 0; i < 6; i++) { writes.push(writer.write('burst ' + i)); burst.push(writer.desiredSize); }
  await writer.ready;
  burst.push('ready', writer.desiredSize);
  await Promise.all(writes);
  burst.push('written', writer.desiredSize);
  for (let i = 0; i < 3; i++) { await writer.ready; const p = writer.write('paced ' + i); burst.push(writer.desiredSize); await p; }
  out.burst = burst;
  out.burstEchoes = [];
  for (let i = 0; i < 9; i++) out.burstEchoes.push((await reader.read()).value);

  s.close({ closeCode: 4001, reason: 'bye stream' });
  out.closed = await s.closed;
  out.afterClose = await reader.read();
  out.writeAfterClose = await writer.write('too late').then(() => 'written', (e) => e.name + ': ' + e.message);

  // 3. for-await over the readable: 3 texts and a binary pushed by the server.
  const pushed = new WebSocketStream(wsUrl + '/push/3');
  const p = await pushed.opened;
  out.iterated = [];
  for await (const chunk of p.readable) {
    out.iterated.push(bytesOf(chunk));
    if (typeof chunk !== 'string') break;
  }
  out.iteratedClosed = await pushed.closed.then((c) => c, (e) => e.name + ': ' + e.message);

  // 4. Frames the page does not read stay unread: only 2 of 6 are taken.
  const lazy = new WebSocketStream(wsUrl + '/push/5');
  const lazyReader = (await lazy.opened).readable.getReader();
  out.lazy = [(await lazyReader.read()).value, (await lazyReader.read()).value];
  await new Promise((r) => setTimeout(r, 300));
  lazy.close({ closeCode: 4002, reason: 'enough' });
  out.lazyClosed = await lazy.closed;

  // 5. A pipe: not captured, and the panel says so.
  const piped = new WebSocketStream(wsUrl + '/push/2');
  const pipedOpen = await piped.opened;
  const got = [];
  const done = pipedOpen.readable.pipeTo(new WritableStream({ write(c) { got.push(bytesOf(c)); } })).catch((e) => 'pipe: ' + e.name);
  while (got.length < 3) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 1200));
  piped.close();
  out.piped = [got, await done, await piped.closed];

  // 6. A connection that fails.
  const failed = new WebSocketStream('ws://127.0.0.1:1/nothing');
  out.failed = await Promise.allSettled([failed.opened, failed.closed])
    .then((r) => r.map((x) => [x.status, String(x.reason), x.reason && x.reason.closeCode]));

  await new Promise((r) => setTimeout(r, 100));
  out.unhandled = unhandled;
  return JSON.parse(JSON.stringify(out));
};`;

/** What a page can observe of WebSocketStream and the streams it hands out. */
const PROBE = String.raw`
const fn = (f) => typeof f === 'function' ? { fn: Function.prototype.toString.call(f), name: f.name, length: f.length, keys: Reflect.ownKeys(f).map(String) }
  : typeof f === 'object' && f !== null ? Object.prototype.toString.call(f) : f;
const descriptors = (o) => Reflect.ownKeys(o).map((k) => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  return [String(k), { ...d, value: fn(d.value), get: fn(d.get), set: fn(d.set) }];
});
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return [e.constructor.name, e.name, e.message, e.stack]; } };
const stackOf = (p) => p.then(() => 'resolved', (e) => [e.name, e.message, e.stack]);
window.probe = async (wsUrl) => {
  const W = WebSocketStream;
  const out = {
    string: String(W), name: W.name, length: W.length,
    ctor: descriptors(W), proto: descriptors(W.prototype),
    protoConstructor: W.prototype.constructor === W,
    ctorProto: Object.getPrototypeOf(W) === Function.prototype,
    newCall: thrown(() => W('ws://x')),
    newNoArgs: thrown(() => new W()),
    badUrls: ['foo://x', 'ws://x#f', 'ws://[', 'ws://x:99999'].map((u) => thrown(() => new W(u))),
    badProtocols: [['a', 'a'], ['a b']].map((protocols) => thrown(() => new W(wsUrl + '/echo', { protocols }))),
    toStrings: [ReadableStream.prototype.getReader, ReadableStream.prototype.values, ReadableStream.prototype[Symbol.asyncIterator],
      WritableStream.prototype.getWriter, ReadableStreamDefaultReader.prototype.read, WritableStreamDefaultWriter.prototype.write,
      Function.prototype.toString].map(fn),
    streamProtos: [ReadableStream.prototype, WritableStream.prototype, ReadableStreamDefaultReader.prototype, WritableStreamDefaultWriter.prototype].map(descriptors),
    otherStreamErrors: await Promise.all([
      stackOf(ReadableStreamDefaultReader.prototype.read.call({})),
      stackOf(WritableStreamDefaultWriter.prototype.write.call({})),
      (() => { const r = new ReadableStream().getReader(); r.releaseLock(); return stackOf(r.read()); })(),
    ]),
  };
  class Sub extends W { extra() { return 'sub'; } }
  const sub = new Sub(wsUrl + '/echo');
  out.subclass = [sub instanceof Sub, sub instanceof W, sub.extra(), Object.getPrototypeOf(sub) === Sub.prototype];
  const s = new W(wsUrl + '/echo');
  out.instance = [Object.prototype.toString.call(s), Reflect.ownKeys(s).map(String), s instanceof W, s.url];
  const o = await s.opened;
  const { readable, writable } = o;
  out.streams = {
    getReader: fn(readable.getReader), values: fn(readable.values), iteratorIsValues: readable.values === readable[Symbol.asyncIterator],
    getWriter: fn(writable.getWriter), keys: [Object.keys(readable), Object.keys(writable), JSON.stringify(readable)],
    forIn: (() => { const k = []; for (const x in readable) k.push(x); return k; })(),
    protos: [Object.getPrototypeOf(readable) === ReadableStream.prototype, Object.getPrototypeOf(writable) === WritableStream.prototype],
    badReader: thrown(() => readable.getReader({ mode: 'byob' })),
  };
  const reader = readable.getReader();
  const writer = writable.getWriter();
  const it = Object.getPrototypeOf(new ReadableStream().values());
  out.parts = {
    read: fn(reader.read), write: fn(writer.write), spread: [Object.keys({ ...reader }), Object.keys({ ...writer })],
    locked: thrown(() => readable.getReader()),
    lockedWriter: thrown(() => writable.getWriter()),
    protos: [Object.getPrototypeOf(reader) === ReadableStreamDefaultReader.prototype, Object.getPrototypeOf(writer) === WritableStreamDefaultWriter.prototype, typeof it.next],
  };
  reader.releaseLock();
  out.releasedRead = await stackOf(reader.read());
  // Differences this design accepts (see src/hook/stream.ts), recorded so that any change shows.
  const r2 = readable.getReader();
  out.accepted = {
    ownNames: [readable, writable, r2, writer].map((o) => Reflect.ownKeys(o).map(String)),
    sameAsProto: [readable.getReader === ReadableStream.prototype.getReader, r2.read === ReadableStreamDefaultReader.prototype.read, writer.write === WritableStreamDefaultWriter.prototype.write],
  };
  s.close();
  await s.closed;
  out.writeAfterClose = await stackOf(writer.write('late'));
  writer.releaseLock();
  const released = await stackOf(writer.write('released'));
  out.accepted.releasedWrite = [released[0], released[1], released[2].includes('-extension://')];
  sub.close();
  return JSON.parse(JSON.stringify(out));
};`;

async function newPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

const EXPECTED_ROWS = [
  'sent text hello stream', 'sent binary 01 02 03 fe ff', 'sent binary 40 41', 'sent binary ca fe', 'sent text 42',
  'received text hello stream', 'received binary 01 02 03 fe ff', 'received binary 40 41', 'received binary ca fe', 'received text 42',
  ...[0, 1, 2, 3, 4, 5].map((i) => `sent text burst ${i}`), ...[0, 1, 2].map((i) => `sent text paced ${i}`),
  ...[0, 1, 2, 3, 4, 5].map((i) => `received text burst ${i}`), ...[0, 1, 2].map((i) => `received text paced ${i}`),
  'sent text too late', // rejected by the closed stream: shown as discarded
  'received text push 0', 'received text push 1', 'received text push 2', 'received binary de ad be ef',
  'received text push 0', 'received text push 1',
];

test('WebSocketStream frames, close and errors show in the panel; the page sees the same results', async () => {
  const page = await newPage(withExtension.browser, '/wss');
  const panel = await openPanelAsTab(withExtension, page);
  const seen = await page.evaluate(`run(${JSON.stringify(server.wsUrl)})`);

  const plainPage = await newPage(without.browser, '/wss');
  const plain = await plainPage.evaluate(`run(${JSON.stringify(server.wsUrl)})`);
  expect(seen).toEqual(plain);
  // The page really did what the test says (checked without the extension).
  expect(plain).toMatchObject({
    opened: { protocol: 'echo.v1', extensions: '', keys: ['extensions', 'protocol', 'readable', 'writable'] },
    backingAfterWrite: [9, 9, 1, 2, 3, 254, 255, 9],
    echoes: [[false, 'hello stream'], [false, [1, 2, 3, 254, 255]], [false, [0x40, 0x41]], [false, [0xca, 0xfe]], [false, '42']],
    burst: [1, 0, -1, -2, -3, -4, -5, 'ready', 1, 'written', 1, 0, 0, 0],
    closed: { closeCode: 4001, reason: 'bye stream' },
    afterClose: { done: true },
    iterated: ['push 0', 'push 1', 'push 2', [0xde, 0xad, 0xbe, 0xef]],
    lazy: ['push 0', 'push 1'],
    lazyClosed: { closeCode: 4002, reason: 'enough' },
    unhandled: [],
  });
  expect((plain as any).piped[0]).toEqual(['push 0', 'push 1', [0xde, 0xad, 0xbe, 0xef]]);

  const rows = async () => (await panelRows(panel)).map((r) => `${r.dir} ${r.opcode} ${r.preview}`);
  await waitFor(async () => (await rows()).length >= EXPECTED_ROWS.length, 'the WebSocketStream frames in the panel');
  await new Promise((r) => setTimeout(r, 500)); // nothing more arrives
  expect(await rows()).toEqual(EXPECTED_ROWS);
  expect(await panel.$$eval('[data-testid="frame-row"].discarded', (els) => els.map((e) => e.querySelector('[data-testid="frame-preview"]')!.textContent))).toEqual(['too late']);

  const connections = await panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => [
    e.querySelector('.conn-url')!.textContent, e.querySelector('[data-testid="connection-state"]')!.textContent, e.textContent]));
  expect(connections.map((c) => c[0]!.replace(/^#\d+ /, '').replace(server.wsUrl, ''))).toEqual(['/echo', '/push/3', '/push/5', '/push/2', 'ws://127.0.0.1:1/nothing'].map((u) => `WebSocketStream ${u}`));
  expect(connections.map((c) => c[1])).toEqual(['closed 4001 "bye stream"', 'closed 1005', 'closed 4002 "enough"', 'closed 1005', 'closed 1006 (unclean)']);
  expect(connections[0][2]).toContain('echo.v1');
  expect(connections[4][2]).toContain('error');
  expect(await panel.$eval('[data-testid="notice"]', (e) => e.textContent)).toBe('WebSocketStream frames moved by pipeTo/pipeThrough/tee are not captured');
  // The server got exactly what the page wrote, with and without the extension.
  const texts = server.received.map((m) => m.text ?? [...m.bytes].join(','));
  expect(texts.slice(0, texts.length / 2)).toEqual(texts.slice(texts.length / 2));
});

test('a page cannot tell WebSocketStream is captured (beyond the recorded differences)', async () => {
  const run = async (browser: Browser) => (await newPage(browser, '/probe')).evaluate(`probe(${JSON.stringify(server.wsUrl)})`) as Promise<any>;
  const [seen, plain] = [await run(withExtension.browser), await run(without.browser)];
  const { accepted: seenAccepted, ...seenRest } = seen;
  const { accepted: plainAccepted, ...plainRest } = plain;
  expect(seenRest).toEqual(plainRest);
  expect(plain.string).toBe('function WebSocketStream() { [native code] }');
  expect(plain.protoConstructor).toBe(true);
  expect(plain.badUrls.map((e: unknown[]) => e.slice(0, 2))).toEqual(Array(4).fill(['DOMException', 'SyntaxError']));

  // Recorded differences: own `read`/`write` on a WebSocketStream's reader and writer, and the
  // stack of a write its released writer rejects at once (write promises are not observed, see stream.ts).
  const released = ['TypeError', "Failed to execute 'write' on 'WritableStreamDefaultWriter': This writable stream writer has been released and cannot be written to"];
  expect(plainAccepted).toEqual({ ownNames: [[], [], [], []], sameAsProto: [true, true, true], releasedWrite: [...released, false] });
  expect(seenAccepted).toEqual({ ownNames: [[], [], ['read'], ['write']], sameAsProto: [true, false, false], releasedWrite: [...released, true] });
});
