/**
 * What the frames table and the context menu say about a frame's place in a request/response
 * exchange (see pairing.ts). Pure.
 */
import type { Frame } from './capture-store';
import { exchangeState, type ExchangeState, type FrameLink } from './pairing';

export interface PairCell { text: string; title: string; state: ExchangeState | 'answer' }

/** Short enough for the latency column: 2.3 ms, 43 ms, 3.01 s, 12.5 s. */
const ms = (v: number) => (v < 10 ? `${v.toFixed(1)} ms` : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(v < 10_000 ? 2 : 1)} s`);

/** The latency column: a request's latency or state, an answer's delay after its request. */
export function pairCell(frame: Frame, links: readonly FrameLink[], now: number, timeoutMs: number): PairCell | null {
  const link = links.find((l) => l.role === 'request') ?? links[0];
  if (!link) return null;
  const e = link.exchange;
  const what = `${e.family}${e.method ? ` ${e.method}` : ''}`;
  if (link.role === 'answer') {
    return { text: `↩ ${ms(frame.time - e.requestTime)}`, title: `Answer to the ${what} request sent ${ms(frame.time - e.requestTime)} earlier`, state: 'answer' };
  }
  const state = exchangeState(e, now, timeoutMs);
  const more = links.filter((l) => l.role === 'request').length > 1 ? ` (and ${links.filter((l) => l.role === 'request').length - 1} more in this batch)` : '';
  switch (state) {
    case 'answered': return { text: ms(e.latency ?? 0), title: `${what}: answered after ${ms(e.latency ?? 0)}${more}`, state };
    case 'failed': return { text: `err ${ms(e.latency ?? 0)}`, title: `${what}: answered with an error after ${ms(e.latency ?? 0)}${more}`, state };
    case 'streaming': return { text: `${e.answerCount} so far`, title: `${what}: ${e.answerCount} answers so far, first after ${ms(e.latency ?? 0)}${more}`, state };
    case 'pending': return { text: 'waiting', title: `${what}: no answer yet${more}`, state };
    default: return { text: 'no answer', title: `${what}: no answer ${e.abandoned ? `(${e.abandoned})` : `after ${ms(timeoutMs)}`}${more}`, state };
  }
}

/** "Go to response / request" targets for the context menu: frame ids, with what they are. */
export function pairTargets(links: readonly FrameLink[]): Array<{ label: string; frame: number }> {
  const targets: Array<{ label: string; frame: number }> = [];
  for (const { exchange: e, role } of links) {
    const what = `${e.family}${e.method ? ` ${e.method}` : ''}`;
    if (role === 'answer') targets.push({ label: `Go to the request (${what})`, frame: e.request });
    else if (e.answers.length) targets.push({ label: `Go to the ${e.stream ? 'first answer' : 'response'} (${what}, ${ms(e.latency ?? 0)})`, frame: e.answers[0] });
  }
  return targets.filter((t, i) => targets.findIndex((o) => o.frame === t.frame) === i).slice(0, 6);
}

/** A frame of the store by its `index` (frames are kept in index order). */
export function findFrame(frames: readonly Frame[], index: number): Frame | undefined {
  let lo = 0, hi = frames.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = frames[mid].index;
    if (at === index) return frames[mid];
    if (at < index) lo = mid + 1; else hi = mid - 1;
  }
  return undefined;
}
