import { expect, test } from 'vitest';
import { ROW_HEIGHT, scrollTopFor, visibleWindow } from './virtual-rows';

test('small lists map scrollTop to rows directly', () => {
  const w = visibleWindow(1000, 210, 420, 0);
  expect([w.first, w.last]).toEqual([10, 30]);
  expect(w.topOf(10)).toBe(210);
  expect(w.spacerHeight).toBe(1000 * ROW_HEIGHT);
});

test('a million rows: the spacer stays under browser limits and the ends are reachable', () => {
  const n = 1_000_000, viewport = 420;
  const top = visibleWindow(n, 0, viewport, 0);
  expect(top.first).toBe(0);
  expect(top.spacerHeight).toBeLessThan(10_000_000);
  const bottom = visibleWindow(n, top.spacerHeight - viewport, viewport, 0);
  expect(bottom.last).toBe(n);
  expect(bottom.topOf(n - 1) + ROW_HEIGHT).toBeCloseTo(top.spacerHeight, 0);
});

test('scrollTopFor brings a row into view, or leaves scrolling alone', () => {
  expect(scrollTopFor(5, 1000, 0, 420)).toBeNull();
  expect(scrollTopFor(100, 1000, 100 * 21, 420)).toBeNull();
  expect(scrollTopFor(0, 124, 1884, 424)).toBe(0);
  const st = scrollTopFor(500, 1000, 0, 420)!;
  const w = visibleWindow(1000, st, 420, 0);
  expect(500).toBeGreaterThanOrEqual(w.first);
  expect(500).toBeLessThan(w.last);
  const big = scrollTopFor(700_000, 1_000_000, 0, 420)!;
  const wb = visibleWindow(1_000_000, big, 420, 0);
  expect(700_000).toBeGreaterThanOrEqual(wb.first);
  expect(700_000).toBeLessThan(wb.last);
});
