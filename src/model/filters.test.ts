import { expect, test } from 'vitest';
import { bytesToBase64 } from './bytes';
import type { Frame } from './capture-store';
import { clearChip, compileFilter, describeFilter, NO_FILTER, type FilterState } from './filters';
import { learnNoise } from './noise';

let n = 0;
const f = (data: string, o: Partial<Frame> = {}): Frame =>
  ({ index: n, pos: n++, conn: 'd:1', time: 1000 + n, dir: 'sent', opcode: 'text', data, size: data.length, ...o });
const frames = [
  f('{"type":"chat","text":"Hello"}'),
  f('2', { dir: 'received' }),
  f(bytesToBase64(new Uint8Array([0xde, 0xad, 0xbe, 0xef])), { opcode: 'binary', size: 4, conn: 'd:2' }),
  f('3'),
  f('{"type":"chat","text":"bye"}', { dir: 'received', conn: 'd:2' }),
];
const shown = (state: Partial<FilterState>) => frames.filter(compileFilter({ ...NO_FILTER, ...state }).test).map((x) => x.index - frames[0].index);

test('no filter shows everything and is inactive', () => {
  expect(shown({})).toEqual([0, 1, 2, 3, 4]);
  expect(compileFilter(NO_FILTER).active).toBe(false);
});

test('direction, type, connection and size filters combine', () => {
  expect(shown({ sent: false })).toEqual([1, 4]);
  expect(shown({ text: false })).toEqual([2]);
  expect(shown({ connections: ['d:2'] })).toEqual([2, 4]);
  expect(shown({ connections: ['d:2'], binary: false })).toEqual([4]);
  expect(shown({ minSize: 2, maxSize: 10 })).toEqual([2]);
});

test('text query is case-insensitive; binary frames match on hex; invert', () => {
  expect(shown({ query: 'hello' })).toEqual([0]);
  expect(shown({ query: 'de ad' })).toEqual([2]);
  expect(shown({ query: 'chat', invert: true })).toEqual([1, 2, 3]);
});

test('regex query with flags; an invalid regex is reported, not thrown', () => {
  expect(shown({ query: '/^\\d$/' })).toEqual([1, 3]);
  expect(shown({ query: '/BYE/i' })).toEqual([4]);
  const bad = compileFilter({ ...NO_FILTER, query: '/(unclosed/' });
  expect(bad.error).toMatch(/^Invalid regular expression/);
  expect(frames.filter(bad.test)).toHaveLength(5);
});

test('heartbeats are learned from repeats and hidden on request', () => {
  const many = [...frames, f('2'), f('3'), f('2'), f('3'), f('hello'), f('hello'), f('hello')];
  const noise = learnNoise(many);
  expect(noise.sort()).toEqual(['2', '3']);
  const filter = compileFilter({ ...NO_FILTER, hideNoise: true, noise });
  expect(many.filter(filter.test).map((x) => x.data)).not.toContain('2');
  expect(many.filter(filter.test).map((x) => x.data)).toContain('hello');
});

test('time range from the timeline brush', () => {
  const t0 = frames[1].time, t1 = frames[3].time;
  expect(shown({ timeRange: [t0, t1] })).toEqual([1, 2, 3]);
});

test('chips describe active filters and each clears its own', () => {
  const state: FilterState = { ...NO_FILTER, sent: false, query: 'x', invert: true, connections: ['d:1'] };
  const chips = describeFilter(state, (id) => `conn ${id}`);
  expect(chips.map((c) => c.label)).toEqual(['received only', 'not x', 'conn d:1']);
  expect(clearChip(state, 'query')).toMatchObject({ query: '', invert: false, sent: false });
  expect(clearChip(state, 'sent')).toMatchObject({ sent: true, received: true });
});

test('matchRanges finds every occurrence for highlighting', async () => {
  const { matchRanges } = await import('./filters');
  expect(matchRanges('abcABCabc', 'bc')).toEqual([[1, 3], [4, 6], [7, 9]]);
  expect(matchRanges('a1b22', '/\\d+/')).toEqual([[1, 2], [3, 5]]);
  expect(matchRanges('a.b', '.')).toEqual([[1, 2]]);
  expect(matchRanges('x', '/(/')).toEqual([]);
  expect(matchRanges('aaa', '/a*?/')).toEqual([]);
});

test('"unanswered requests" shows only the frames named, and has a chip that clears it', () => {
  const only = new Set([frames[1].index]);
  expect(frames.filter(compileFilter({ ...NO_FILTER, unanswered: true }, only).test)).toEqual([frames[1]]);
  expect(frames.filter(compileFilter({ ...NO_FILTER, unanswered: true }).test)).toEqual([]);
  expect(compileFilter({ ...NO_FILTER, unanswered: true }, only).active).toBe(true);
  const chips = describeFilter({ ...NO_FILTER, unanswered: true }, (id) => id);
  expect(chips).toEqual([{ key: 'unanswered', label: 'unanswered requests' }]);
  expect(clearChip({ ...NO_FILTER, unanswered: true }, 'unanswered').unanswered).toBe(false);
});
