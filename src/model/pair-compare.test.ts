import { expect, test } from 'vitest';
import { decodeFrame, frameInput } from '../decode';
import { compareLatencies, type TimedFrame, type TimedHintsOf } from './pair-compare';
import { pairHintsOf } from './pairing';

const rpc = (time: number, dir: 'sent' | 'received', body: object): TimedFrame => ({ time, dir, opcode: 'text', data: JSON.stringify({ jsonrpc: '2.0', ...body }) });
const CONN = { url: 'ws://x/rpc', protocol: '', protocols: [] };
/** The real decoders, by content (the panel passes its own decoding, with the user's choice). */
const hintsOf: TimedHintsOf = (f, session) => pairHintsOf(decodeFrame({ ...frameInput(f, CONN, session), reassemble: true }, undefined, { fallback: false }));

test('a replay whose server got slower, and that lost an answer, reads so per method', () => {
  const recorded = [rpc(0, 'sent', { id: 1, method: 'sum', params: [] }), rpc(10, 'received', { id: 1, result: 1 }),
    rpc(20, 'sent', { id: 2, method: 'get', params: [] }), rpc(25, 'received', { id: 2, result: 2 })];
  const replayed = [rpc(1000, 'sent', { id: 1, method: 'sum', params: [] }), rpc(1090, 'received', { id: 1, result: 1 }),
    rpc(1100, 'sent', { id: 2, method: 'get', params: [] }), rpc(9000, 'sent', { method: 'ping' })];
  const rows = compareLatencies(recorded, replayed, hintsOf, 5000);
  const sum = rows.find((r) => r.method === 'sum')!;
  expect([sum.a?.p50, sum.b?.p50]).toEqual([10, 90]);
  const get = rows.find((r) => r.method === 'get')!;
  expect([get.a?.answered, get.b?.answered, get.b?.unanswered]).toEqual([1, 0, 1]);
});
