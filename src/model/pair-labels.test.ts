import { expect, test } from 'vitest';
import type { Frame } from './capture-store';
import { pairCell, pairTargets } from './pair-labels';
import { Pairing } from './pairing';

const f = (index: number, time: number, dir: 'sent' | 'received'): Frame => ({ index, pos: index, conn: 'c', time, dir, opcode: 'text', data: '', size: 0 });

test('a request shows its latency, its answer the delay; both link to each other', () => {
  const p = new Pairing();
  p.add({ id: 1, conn: 'c', dir: 'sent', time: 1000, hints: [{ family: 'jsonrpc', key: '1', role: 'request', method: 'sum' }] });
  p.add({ id: 2, conn: 'c', dir: 'received', time: 1012.5, hints: [{ family: 'jsonrpc', key: '1', role: 'response' }] });
  expect(pairCell(f(1, 1000, 'sent'), p.linksOf(1), 2000, 5000)).toMatchObject({ text: '13 ms', state: 'answered' });
  expect(pairCell(f(2, 1012.5, 'received'), p.linksOf(2), 2000, 5000)).toMatchObject({ text: '↩ 13 ms', state: 'answer' });
  expect(pairTargets(p.linksOf(1))).toEqual([{ label: 'Go to the response (jsonrpc sum, 13 ms)', frame: 2 }]);
  expect(pairTargets(p.linksOf(2))).toEqual([{ label: 'Go to the request (jsonrpc sum)', frame: 1 }]);
});

test('an open request waits, then reads "no answer" past the timeout; errors say so', () => {
  const p = new Pairing();
  p.add({ id: 1, conn: 'c', dir: 'sent', time: 0, hints: [{ family: 'jsonrpc', key: '1', role: 'request', method: 'slow' }] });
  p.add({ id: 3, conn: 'c', dir: 'sent', time: 0, hints: [{ family: 'jsonrpc', key: '2', role: 'request', method: 'bad' }] });
  p.add({ id: 4, conn: 'c', dir: 'received', time: 5, hints: [{ family: 'jsonrpc', key: '2', role: 'response', error: true }] });
  expect(pairCell(f(1, 0, 'sent'), p.linksOf(1), 100, 1000)?.text).toBe('waiting');
  expect(pairCell(f(1, 0, 'sent'), p.linksOf(1), 1001, 1000)).toMatchObject({ text: 'no answer', title: 'jsonrpc slow: no answer after 1.00 s' });
  expect(pairCell(f(3, 0, 'sent'), p.linksOf(3), 10, 1000)).toMatchObject({ text: 'err 5.0 ms', state: 'failed' });
  expect(pairTargets(p.linksOf(1))).toEqual([]);
  expect(pairCell(f(9, 0, 'sent'), [], 0, 1000)).toBeNull();
});
