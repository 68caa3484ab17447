/**
 * Frame filters: what the table shows. Pure; compiled once per change into one predicate
 * so that filtering a million frames is a single tight loop.
 */
import { regexError } from './wording';
import { base64ToBytes, hexPreview } from './bytes';
import type { Frame } from './capture-store';

export interface FilterState {
  sent: boolean;
  received: boolean;
  text: boolean;
  binary: boolean;
  /** Plain substring (case-insensitive) or `/regex/flags`. */
  query: string;
  invert: boolean;
  hideNoise: boolean;
  /** Exact payloads treated as noise (heartbeats). */
  noise: string[];
  /** Connection ids to show; empty = all. */
  connections: string[];
  minSize: number | null;
  maxSize: number | null;
  /** Epoch ms range from the timeline brush. */
  timeRange: [number, number] | null;
  /** Only requests that got no answer (the ids come with `compileFilter`'s `unanswered`). */
  unanswered: boolean;
}

export const NO_FILTER: FilterState = {
  sent: true, received: true, text: true, binary: true, query: '', invert: false, hideNoise: false,
  noise: [], connections: [], minSize: null, maxSize: null, timeRange: null, unanswered: false,
};

export type Matcher = (text: string) => boolean;

/** `/re/flags` → RegExp matcher; otherwise case-insensitive substring. Throws on a bad regex. */
export function compileQuery(query: string): Matcher | null {
  if (!query) return null;
  const re = /^\/(.*)\/([dgimsuvy]*)$/s.exec(query);
  if (re) {
    const regex = new RegExp(re[1], re[2].replace(/[gy]/g, ''));
    return (text) => regex.test(text);
  }
  const needle = query.toLowerCase();
  return (text) => text.toLowerCase().includes(needle);
}

/** The text a query is matched against: the payload, or hex for binary frames. */
export function searchableText(frame: Frame): string {
  return frame.opcode === 'text' ? frame.data : hexPreview(base64ToBytes(frame.data), Infinity);
}

export interface CompiledFilter { test(frame: Frame): boolean; error: string | null; active: boolean }

/** `unanswered`: the frame indexes of the requests without an answer, when `f.unanswered` asks for them. */
export function compileFilter(f: FilterState, unanswered: ReadonlySet<number> = new Set()): CompiledFilter {
  let matcher: Matcher | null = null;
  let error: string | null = null;
  try {
    matcher = compileQuery(f.query);
  } catch (e) {
    error = regexError(e);
  }
  const conns = f.connections.length ? new Set(f.connections) : null;
  const noise = f.hideNoise && f.noise.length ? new Set(f.noise) : null;
  const { minSize, maxSize, timeRange } = f;
  const test = (fr: Frame): boolean => {
    if (fr.dir === 'sent' ? !f.sent : !f.received) return false;
    if (fr.opcode === 'text' ? !f.text : !f.binary) return false;
    if (conns && !conns.has(fr.conn)) return false;
    if (minSize !== null && fr.size < minSize) return false;
    if (maxSize !== null && fr.size > maxSize) return false;
    if (timeRange && (fr.time < timeRange[0] || fr.time > timeRange[1])) return false;
    if (noise && fr.opcode === 'text' && noise.has(fr.data)) return false;
    if (f.unanswered && !unanswered.has(fr.index)) return false;
    if (matcher && matcher(searchableText(fr)) === f.invert) return false;
    return true;
  };
  const active = !!(f.unanswered || matcher || conns || noise || minSize !== null || maxSize !== null || timeRange || !f.sent || !f.received || !f.text || !f.binary);
  return { test, error, active };
}

/** Chips describing the active filters, for the filter bar. */
export function describeFilter(f: FilterState, connectionLabel: (id: string) => string): Array<{ key: keyof FilterState; label: string }> {
  const chips: Array<{ key: keyof FilterState; label: string }> = [];
  if (!f.sent || !f.received) chips.push({ key: 'sent', label: f.sent ? 'sent only' : f.received ? 'received only' : 'no direction' });
  if (!f.text || !f.binary) chips.push({ key: 'text', label: f.text ? 'text only' : f.binary ? 'binary only' : 'no type' });
  if (f.query) chips.push({ key: 'query', label: `${f.invert ? 'not ' : ''}${f.query}` });
  if (f.hideNoise && f.noise.length) chips.push({ key: 'hideNoise', label: `hide ${f.noise.length} heartbeat pattern${f.noise.length > 1 ? 's' : ''}` });
  if (f.connections.length) chips.push({ key: 'connections', label: f.connections.length === 1 ? connectionLabel(f.connections[0]) : `${f.connections.length} connections` });
  if (f.minSize !== null || f.maxSize !== null) chips.push({ key: 'minSize', label: `size ${f.minSize ?? 0}–${f.maxSize ?? '∞'} B` });
  if (f.timeRange) chips.push({ key: 'timeRange', label: 'time range' });
  if (f.unanswered) chips.push({ key: 'unanswered', label: 'unanswered requests' });
  return chips;
}

/** Removes the filter behind a chip. */
export function clearChip(f: FilterState, key: keyof FilterState): FilterState {
  switch (key) {
    case 'sent': return { ...f, sent: true, received: true };
    case 'text': return { ...f, text: true, binary: true };
    case 'query': return { ...f, query: '', invert: false };
    case 'hideNoise': return { ...f, hideNoise: false };
    case 'connections': return { ...f, connections: [] };
    case 'minSize': return { ...f, minSize: null, maxSize: null };
    case 'timeRange': return { ...f, timeRange: null };
    case 'unanswered': return { ...f, unanswered: false };
    default: return f;
  }
}

/** [start, end) ranges of `query` in `text`, for highlighting; empty for a bad regex. */
export function matchRanges(text: string, query: string, limit = 50): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!query) return ranges;
  const re = /^\/(.*)\/([dgimsuvy]*)$/s.exec(query);
  let regex: RegExp;
  try {
    regex = re ? new RegExp(re[1], re[2].replace(/[gy]/g, '') + 'g') : new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  } catch {
    return ranges;
  }
  for (let m = regex.exec(text); m && ranges.length < limit; m = regex.exec(text)) {
    if (m[0].length === 0) { regex.lastIndex++; continue; }
    ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
