import { expect, test } from 'vitest';
import type { Frame } from '../model/capture-store';
import { decodeBudget, Decoding } from './decoding';

const decoding = new Decoding();
const tableSummary = decoding.tableSummary.bind(decoding);
const decoded = decoding.decoded.bind(decoding);

const frame = (data: string, opcode: 'text' | 'binary' = 'text'): Frame =>
  ({ index: 0, pos: 0, conn: 'd:1', time: 0, dir: 'received', opcode, data, size: data.length });

test('table summaries: protocols summarised, plain payloads (and a binary fallback) left to the raw preview', () => {
  const budget = decodeBudget(1000);
  expect(tableSummary(frame('42["chat",{"text":"hi"}]'), undefined, undefined, budget)).toMatchObject({ format: 'socketio' });
  expect(tableSummary(frame('{"a":1}'), undefined, undefined, budget)).toBeNull();
  const binary = frame('AAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'binary');
  expect(tableSummary(binary, undefined, undefined, budget)).toBeNull();
  expect(tableSummary(binary, undefined)).toBeNull(); // the details pane: same answer, from the full decode
  // A user's choice is summarised whatever it says.
  expect(tableSummary(frame('not json'), undefined, 'json', budget)).toMatchObject({ format: 'json', summary: expect.stringMatching(/^⚠/) });
  expect(budget.pending).toBe(false);
});

test('a spent budget defers the summary; the frame is decoded on a later call', () => {
  const f = frame('42["later"]');
  const spent = { ...decodeBudget(0), until: -1 };
  expect(tableSummary(f, undefined, undefined, spent)).toBeUndefined();
  expect(spent.pending).toBe(true);
  expect(tableSummary(f, undefined, undefined, decodeBudget(100))).toMatchObject({ format: 'socketio' });
});

test('the details pane still gets the full decode, with its fallback', () => {
  expect(decoded(frame('AAAA', 'binary'), undefined)).toMatchObject({ ok: true, format: 'hex' });
});
