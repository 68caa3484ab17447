/**
 * Finding 1 (issue 13): a recording with interleaved connections, reloads and closes must come
 * back from every export format with exactly the same frames — counts per connection, payload
 * bytes, order. Property-based (fast-check): generated sessions, exported, imported, compared.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { CaptureEvent } from '../protocol/capture';
import { bytesToBase64, utf8Length } from './bytes';
import { CaptureStore } from './capture-store';
import { fromHar, toHar } from './har';
import { fromNdjson, fromSessionJson, toNdjson } from './ndjson';
import { loadSession, sessionFromStore, type Session } from './session-io';

interface GenFrame { conn: number; gap: number; dir: 'sent' | 'received'; text: string | null; bytes: number[] }
interface GenSession { docs: number[]; closes: boolean[]; frames: GenFrame[] }

const T0 = 1_764_990_000_000.125;

/** A live store fed the way relays feed it: one backlog per document (a reload is a new document), fseq per document. */
function liveStore(g: GenSession): CaptureStore {
  const store = new CaptureStore({ maxFrames: 1_000_000, preserveLog: true });
  const byDoc = new Map<number, CaptureEvent[]>();
  const fseq = new Map<number, number>();
  const push = (doc: number, e: CaptureEvent) => { if (!byDoc.has(doc)) byDoc.set(doc, []); byDoc.get(doc)!.push(e); };
  const conn = (i: number) => `doc${g.docs[i]}:${i + 1}`;
  g.docs.forEach((doc, i) => {
    push(doc, { kind: 'connection', seq: 0, conn: conn(i), time: T0 + i, url: `ws://127.0.0.1/s${i}`, protocols: [], api: 'WebSocket' });
    push(doc, { kind: 'open', seq: 0, conn: conn(i), time: T0 + i + 0.5, protocol: i % 2 ? 'chat' : '', extensions: '' });
  });
  let time = T0 + 10;
  for (const f of g.frames) {
    time += f.gap; // gaps of 0 give frames of several connections at the same instant
    const doc = g.docs[f.conn];
    const n = (fseq.get(doc) ?? 0) + 1;
    fseq.set(doc, n);
    const data = f.text !== null ? f.text : bytesToBase64(Uint8Array.from(f.bytes));
    const size = f.text !== null ? utf8Length(f.text) : f.bytes.length;
    push(doc, { kind: 'frame', seq: 0, fseq: n, conn: conn(f.conn), time, dir: f.dir, opcode: f.text !== null ? 'text' : 'binary', data, size });
  }
  g.closes.forEach((closed, i) => { if (closed) push(g.docs[i], { kind: 'close', seq: 0, conn: conn(i), time: time + 1 + i, code: 4001, reason: `bye ${i}`, wasClean: true }); });
  // Documents in order of their first event, like reloads (timeOrigin grows with each).
  for (const [doc, events] of [...byDoc].sort((a, b) => a[0] - b[0])) {
    store.apply({ v: 1, type: 'backlog', docId: `doc${doc}`, url: `http://127.0.0.1/${doc}`, timeOrigin: T0 - 1000 + doc, events: events.map((e, k) => ({ ...e, seq: k + 1 })), last: true, frameId: 0 });
  }
  return store;
}

/** What must survive: per connection (in connection order) its frames, in order, with exact payloads. */
function summary(store: CaptureStore) {
  const conns = [...store.connections.values()];
  return conns.map((c) => ({
    url: c.url, state: c.state, close: c.close && { code: c.close.code, reason: c.close.reason },
    frames: store.frames.filter((f) => f.conn === c.id).map((f) => ({ dir: f.dir, opcode: f.opcode, data: f.data, size: f.size })),
  }));
}
/** The table's order across connections: connection number and direction of each row. */
const order = (store: CaptureStore) => {
  const ids = [...store.connections.keys()];
  return store.frames.map((f) => `${ids.indexOf(f.conn)}${f.dir[0]}`).join(' ');
};

const formats: Array<[string, (s: Session) => Session]> = [
  ['HAR', (s) => fromHar(JSON.stringify(toHar(s)))],
  ['NDJSON', (s) => fromNdjson(toNdjson(s))],
  ['JSON', (s) => fromSessionJson(JSON.stringify(s))],
];

const genSession = fc.integer({ min: 3, max: 6 }).chain((n) => fc.record({
  docs: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
  closes: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  frames: fc.array(fc.record({
    conn: fc.integer({ min: 0, max: n - 1 }),
    gap: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 5000, noNaN: true })),
    dir: fc.constantFrom('sent' as const, 'received' as const),
    text: fc.option(fc.string({ unit: 'grapheme', maxLength: 30 }), { nil: null }),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 20 }),
  }), { minLength: 1, maxLength: 120 }),
}));

for (const [name, roundTrip] of formats) {
  test(`${name}: interleaved connections, reloads and closes round-trip with every frame, byte-exact and in order`, () => {
    fc.assert(fc.property(genSession, (g) => {
      const live = liveStore(g);
      expect(live.frames).toHaveLength(g.frames.length);
      const back = new CaptureStore({ maxFrames: Number.MAX_SAFE_INTEGER, preserveLog: true });
      loadSession(back, roundTrip(sessionFromStore(live)), `x.${name}`);
      expect(summary(back)).toEqual(summary(live));
      expect(order(back)).toBe(order(live));
    }), { numRuns: 150 });
  });
}

test('the demo\'s shape at scale: 2,909 frames over 4 interleaved connections all come back (HAR)', () => {
  const frames: GenFrame[] = [];
  for (let i = 0; i < 2909; i++) frames.push({ conn: i % 7 === 0 ? 0 : i % 3 === 0 ? 1 : i % 5 === 0 ? 3 : 2, gap: 37 + (i % 11), dir: i % 4 ? 'received' : 'sent', text: i % 3 === 1 ? null : `{"n":${i}}`, bytes: [i & 255, 1, 2] });
  const live = liveStore({ docs: [0, 0, 0, 0], closes: [false, false, true, false], frames });
  for (const [, roundTrip] of formats) {
    const back = new CaptureStore({ maxFrames: Number.MAX_SAFE_INTEGER, preserveLog: true });
    loadSession(back, roundTrip(sessionFromStore(live)), 'demo');
    expect(back.frames).toHaveLength(2909);
    expect(summary(back)).toEqual(summary(live));
  }
});
