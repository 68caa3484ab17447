/** Numbers for the stats bar and the timeline chart, from the store's per-second buckets. Pure. */
import type { CaptureStore } from './capture-store';

export interface TimelineSeries { seconds: number[]; sent: number[]; received: number[]; bytesSent: number[]; bytesReceived: number[] }

/**
 * Dense per-second series (empty seconds filled with zeros), at most `maxPoints` of the latest and
 * at least `minPoints`: a capture shorter than a second is one point, which draws no line and
 * gives the chart a degenerate time scale ("Feb Apr Jun…" as its labels).
 */
export function timelineSeries(store: CaptureStore, maxPoints = 3600, minPoints = 10): TimelineSeries {
  const keys = [...store.timeline.keys()];
  const s: TimelineSeries = { seconds: [], sent: [], received: [], bytesSent: [], bytesReceived: [] };
  if (!keys.length) return s;
  let min = Infinity, max = -Infinity;
  // Only seconds where `sec++` moves: past 2^53 it would not, and the loop would never end.
  for (const k of keys) { if (!Number.isSafeInteger(k)) continue; if (k < min) min = k; if (k > max) max = k; }
  if (min > max) return s;
  for (let sec = Math.min(Math.max(min, max - maxPoints + 1), max - minPoints + 1); sec <= max; sec++) {
    const b = store.timeline.get(sec);
    s.seconds.push(sec);
    s.sent.push(b?.sent ?? 0);
    s.received.push(b?.received ?? 0);
    s.bytesSent.push(b?.bytesSent ?? 0);
    s.bytesReceived.push(b?.bytesReceived ?? 0);
  }
  return s;
}

/** Frames per second over the last full seconds of capture. */
export function recentRate(store: CaptureStore, now: number, window = 3): number {
  const current = Math.floor(now / 1000);
  let n = 0;
  for (let sec = current - window; sec < current; sec++) {
    const b = store.timeline.get(sec);
    if (b) n += b.sent + b.received;
  }
  return n / window;
}
