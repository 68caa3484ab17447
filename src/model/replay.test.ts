import { expect, test } from 'vitest';
import { compareResponses, normalize, replayPlan, stepDelay } from './replay';
import type { SessionFrame } from './session-io';

const f = (time: number, dir: SessionFrame['dir'], data: string): SessionFrame => ({ time, dir, opcode: 'text', data, size: data.length });

test('a recording becomes steps with delays and the responses that followed each send', () => {
  const steps = replayPlan([f(0, 'received', 'welcome'), f(100, 'sent', 'a'), f(110, 'received', 'A'), f(400, 'sent', 'b'), f(405, 'received', 'B1'), f(406, 'received', 'B2')]);
  expect(steps.map((s) => [s.send.data, s.delayMs, s.expected.map((e) => e.data)])).toEqual([['a', 0, ['A']], ['b', 300, ['B1', 'B2']]]);
  expect(stepDelay(steps[1], 'original', 1)).toBe(300);
  expect(stepDelay(steps[1], 'scaled', 10)).toBe(30);
  expect(stepDelay(steps[1], 'step', 1)).toBe(0);
});

test('responses compare equal when only volatile fields differ', () => {
  expect(normalize('{"b":1,"ts":5,"a":{"id":9,"x":2}}', ['ts', 'id'])).toBe('{"a":{"x":2},"b":1}');
  const rows = compareResponses(['{"v":1,"ts":1}', '{"v":2}', 'plain'], ['{"ts":2,"v":1}', '{"v":3}'], ['ts']);
  expect(rows.map((r) => r.equal)).toEqual([true, false, false]);
  expect(rows[2]).toEqual({ expected: 'plain', actual: null, equal: false });
});

test('responses are split among steps by the recorded counts, extras to the last step sent', async () => {
  const { splitResponses } = await import('./replay');
  const steps = replayPlan([f(0, 'sent', 'a'), f(1, 'received', 'A'), f(2, 'sent', 'b'), f(3, 'received', 'B1'), f(4, 'received', 'B2'), f(5, 'sent', 'c')]);
  expect(splitResponses(steps, 3, ['A', 'B1', 'B2', 'X'])).toEqual([['A'], ['B1', 'B2'], ['X']]);
  expect(splitResponses(steps, 1, ['A', 'late'])).toEqual([['A', 'late'], [], []]);
  expect(splitResponses(steps, 2, ['A'])).toEqual([['A'], [], []]);
});
