/**
 * Search across the payloads of the frames in view: matches are kept as store positions
 * and extended incrementally as frames arrive, so live capture never rescans everything.
 */
import { compileQuery, searchableText, type Matcher } from './filters';
import { lowerBound, type FrameView } from './frame-view';

const num = (n: number) => n;

export class SearchIndex {
  /** Store positions of matching frames, ascending. */
  positions: number[] = [];
  error: string | null = null;
  private query = '';
  private generation = -1;
  private scannedPos = -1;
  private matcher: Matcher | null = null;

  update(view: FrameView, query: string): void {
    if (query !== this.query || view.generation !== this.generation) {
      this.query = query;
      this.generation = view.generation;
      this.positions = [];
      this.scannedPos = -1;
      this.error = null;
      try { this.matcher = compileQuery(query); } catch (e) { this.matcher = null; this.error = (e as Error).message; }
    }
    const frames = view.frames;
    if (!this.matcher || !frames.length) return;
    // Frames the cap dropped leave the view; forget their matches.
    const first = frames[0].pos;
    if (this.positions.length && this.positions[0] < first) this.positions.splice(0, lowerBound(this.positions, first, num));
    for (let i = lowerBound(frames, this.scannedPos + 1); i < frames.length; i++) {
      if (this.matcher(searchableText(frames[i]))) this.positions.push(frames[i].pos);
    }
    this.scannedPos = frames[frames.length - 1].pos;
  }

  /** The match after (or before) the frame at `fromPos`, wrapping around; null when none. */
  step(fromPos: number | null, backwards: boolean): number | null {
    const p = this.positions;
    if (!p.length) return null;
    if (fromPos === null) return backwards ? p[p.length - 1] : p[0];
    if (backwards) {
      const i = lowerBound(p, fromPos, num) - 1;
      return i >= 0 ? p[i] : p[p.length - 1];
    }
    const i = lowerBound(p, fromPos + 1, num);
    return i < p.length ? p[i] : p[0];
  }

  /** 1-based rank of the match at `pos`, or 0. */
  rank(pos: number | null): number {
    if (pos === null) return 0;
    const i = this.positions.indexOf(pos);
    return i + 1;
  }
}

export function framePosition(view: FrameView, pos: number): number | null {
  const i = lowerBound(view.frames, pos);
  return i < view.frames.length && view.frames[i].pos === pos ? i : null;
}
