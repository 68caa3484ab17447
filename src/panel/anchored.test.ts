import { expect, test } from 'vitest';
import { placeDialog } from './anchored';

const rect = (left: number, top: number, width = 60, height = 20) => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON() {} }) as DOMRect;

test('a dialog opens below its button', () => {
  expect(placeDialog(rect(100, 0), { width: 300, height: 200 }, { width: 1280, height: 800 })).toEqual({ left: 100, top: 22, maxHeight: 788 });
});

test('kept inside a narrow or short viewport', () => {
  // Button near the right edge of a 555 px panel: shifted left so the whole dialog shows.
  expect(placeDialog(rect(480, 0), { width: 420, height: 200 }, { width: 555, height: 900 }).left).toBe(555 - 420 - 6);
  // A 250 px tall panel: the dialog is no taller than the viewport and starts inside it.
  const p = placeDialog(rect(100, 0), { width: 420, height: 400 }, { width: 1280, height: 250 });
  expect(p.top).toBe(6);
  expect(p.maxHeight).toBe(238);
});
