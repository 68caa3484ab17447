/**
 * The filtered list of frames the table shows. Kept incrementally: new frames are tested
 * as they arrive, frames the store's cap dropped leave from the head, and only a filter
 * change, a clear or a reorder costs a full pass.
 */
import type { CaptureStore, Frame } from './capture-store';
import type { CompiledFilter } from './filters';

export class FrameView {
  frames: Frame[] = [];
  /** Bumped on every full rebuild. */
  generation = 0;
  private filter: CompiledFilter | null = null;
  private store: CaptureStore | null = null;
  private layoutVersion = -1;
  /** Store position up to which frames have been tested. */
  private testedUpTo = 0;

  /** Brings the view up to date; returns true when it changed. */
  update(store: CaptureStore, filter: CompiledFilter): boolean {
    if (filter !== this.filter || store !== this.store || store.layoutVersion !== this.layoutVersion) {
      this.filter = filter;
      this.store = store;
      this.layoutVersion = store.layoutVersion;
      this.frames = store.frames.filter(filter.test);
      this.generation++;
      this.testedUpTo = store.firstPos + store.frames.length;
      return true;
    }
    let changed = false;
    let head = 0;
    while (head < this.frames.length && this.frames[head].pos < store.firstPos) head++;
    if (head) { this.frames.splice(0, head); changed = true; }
    const end = store.firstPos + store.frames.length;
    for (let pos = Math.max(this.testedUpTo, store.firstPos); pos < end; pos++) {
      const frame = store.frames[pos - store.firstPos];
      if (filter.test(frame)) { this.frames.push(frame); changed = true; }
    }
    this.testedUpTo = end;
    return changed;
  }
}

const byPos = (f: { pos: number }) => f.pos;

/** Index in `items` (ascending by `key`) of the first item whose key is ≥ `value`. */
export function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number = byPos as never): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}
