/**
 * Windowing for a fixed-row-height list of any length. Browsers cap an element's height
 * (Firefox at ~17.9 million px, i.e. ~850,000 rows of 21 px), so past MAX_SCROLL_HEIGHT
 * the scrollbar is scaled: scrollTop maps proportionally onto the row range.
 */
export const ROW_HEIGHT = 21;
const MAX_SCROLL_HEIGHT = 8_000_000;

export interface Window { first: number; last: number; spacerHeight: number; topOf(row: number): number }

export function visibleWindow(rowCount: number, scrollTop: number, viewport: number, overscan = 8): Window {
  const total = rowCount * ROW_HEIGHT;
  const spacerHeight = Math.min(total, MAX_SCROLL_HEIGHT);
  const scrollRange = Math.max(1, spacerHeight - viewport);
  const rowRange = Math.max(0, rowCount - viewport / ROW_HEIGHT);
  const offsetRow = total <= MAX_SCROLL_HEIGHT ? scrollTop / ROW_HEIGHT : (Math.min(scrollTop, scrollRange) / scrollRange) * rowRange;
  const first = Math.max(0, Math.floor(offsetRow) - overscan);
  const last = Math.min(rowCount, Math.ceil(offsetRow + viewport / ROW_HEIGHT) + overscan);
  return { first, last, spacerHeight, topOf: (row) => scrollTop + (row - offsetRow) * ROW_HEIGHT };
}

/** The scrollTop that shows `row` (centred when it has to move), or null when it is already visible. */
export function scrollTopFor(row: number, rowCount: number, scrollTop: number, viewport: number): number | null {
  const w = visibleWindow(rowCount, scrollTop, viewport, 0);
  const top = w.topOf(row) - scrollTop; // relative to the viewport
  if (top >= 0 && top + ROW_HEIGHT <= viewport) return null;
  const total = rowCount * ROW_HEIGHT;
  const target = Math.max(0, row - Math.floor(viewport / ROW_HEIGHT / 2));
  if (total <= MAX_SCROLL_HEIGHT) return target * ROW_HEIGHT;
  const rowRange = Math.max(1, rowCount - viewport / ROW_HEIGHT);
  return (Math.min(target, rowRange) / rowRange) * (w.spacerHeight - viewport);
}
