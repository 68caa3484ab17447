/**
 * Pairs requests with their responses across a session's frames, from the `pairs` hints the
 * decoders put on their results (JSON-RPC ids, GraphQL operation ids, socket.io acks, STOMP
 * receipts, MQTT packet ids, SignalR invocation ids, Phoenix refs, DDP ids, WAMP request ids…).
 *
 * Pure and incremental: feed frames in capture order as they arrive (`add`), or a whole imported
 * session at once (`pairFrames`). An exchange is keyed by connection, protocol family, the side
 * that sent the request, and the key; answers come from the other side unless the hint says
 * `by: 'requester'`. Latency is request → first answer; a stream's duration runs to its end.
 *
 * In the panel: one `Pairing` per session (live, imported, or a replay's responses).
 *   on each frame:   pairing.add({ id: f.seq, conn: f.conn, dir: f.dir, time: f.time,
 *                                  hints: pairHintsOf(decodeFrame(frameInput(f, conn, session))) })
 *                    → the exchanges to re-render (latency column, state badge)
 *   on close:        pairing.closeConnection(conn)
 *   on eviction:     pairing.forgetBefore(oldestKeptSeq)
 *   row links:       pairing.linksOf(seq) → request frame `exchange.request`, answers `exchange.answers`
 *   state / filter:  exchangeState(e, now, timeoutMs), pairing.unanswered(now, timeoutMs)
 *   stats view:      pairing.stats(now, timeoutMs); two sessions: compareStats(a, b)
 *   imported:        pairFrames(frames, closedConnIds), with now = pairing.lastTime
 */
import type { Direction } from '../protocol/capture';
import type { DecodeResult, PairHint } from '../decode/types';

export interface PairingFrame {
  /** The frame's id in the store (its `seq`): what "go to request / response" jumps to. */
  id: number;
  conn: string;
  dir: Direction;
  /** Milliseconds (the capture's `time`). */
  time: number;
  /** `pairHintsOf(decodeResult)`; frames without hints may be skipped or passed with `[]`. */
  hints: readonly PairHint[];
}

export interface Exchange {
  /** The request frame's id (also the exchange's id; a batch frame opens several, told apart by `key`). */
  request: number;
  conn: string;
  family: string;
  key: string;
  /** The request's method, or '' when the protocol names none. */
  method: string;
  /** Who sent the request. */
  dir: Direction;
  requestTime: number;
  /** Answer frame ids in order (responses, stream items, end), late ones included; the first MAX_ANSWER_IDS. */
  answers: number[];
  /** How many answers came, including those beyond the ids kept. */
  answerCount: number;
  /** request → first answer, ms. */
  latency?: number;
  /** request → the answer that closed it, ms. */
  duration?: number;
  /** The frame that closed it (a response or a stream's end). */
  closedBy?: number;
  /** The request failed (an error answer). */
  error: boolean;
  /** Answers come until an end (GraphQL operations, subscriptions). */
  stream: boolean;
  /** No answer will come: the connection closed, or the same key was asked again, first. */
  abandoned?: 'connection closed' | 'asked again';
}

export type ExchangeState = 'pending' | 'unanswered' | 'streaming' | 'answered' | 'failed';

/** How one frame takes part in an exchange, for the row's "go to" links. */
export interface FrameLink { exchange: Exchange; role: 'request' | 'answer' }

export interface MethodStats {
  family: string;
  method: string;
  count: number;
  answered: number;
  errors: number;
  unanswered: number;
  pending: number;
  /** Latencies of answered requests, ms (nearest rank); undefined when none were answered. */
  p50?: number;
  p95?: number;
  max?: number;
}

/** Every hint of a decode result, its nested payloads included (SockJS → STOMP, base64 → …). */
export function pairHintsOf(result: DecodeResult | undefined): PairHint[] {
  const hints: PairHint[] = [];
  for (let r = result, depth = 0; r && r.ok && depth < 8; r = r.nested, depth++) if (r.pairs) hints.push(...r.pairs);
  return hints;
}

/** Open: pending or streaming; closed: answered, failed, or abandoned without an answer. */
export function exchangeState(e: Exchange, now: number, timeoutMs: number): ExchangeState {
  if (e.closedBy !== undefined) return e.error ? 'failed' : 'answered';
  if (e.abandoned) return e.answerCount ? (e.error ? 'failed' : 'answered') : 'unanswered';
  if (e.answerCount) return 'streaming';
  return now - e.requestTime > timeoutMs ? 'unanswered' : 'pending';
}

/** A long subscription keeps only its first answers' ids (its end is in `closedBy`). */
export const MAX_ANSWER_IDS = 1000;

const opposite = (dir: Direction): Direction => (dir === 'sent' ? 'received' : 'sent');

export class Pairing {
  private readonly list: Exchange[] = [];
  /** Open exchanges by scope. */
  private readonly open = new Map<string, Exchange>();
  /** The latest exchange per scope, open or not, for answers that come after it closed. */
  private readonly latest = new Map<string, Exchange>();
  private readonly links = new Map<number, FrameLink[]>();
  private readonly orphanIds = new Set<number>();
  /** Time of the last frame added: "now" for an imported session. */
  lastTime = 0;

  constructor(private readonly maxExchanges = 100_000) {}

  /** Adds one frame (in capture order); returns the exchanges it opened or answered, for re-rendering. */
  add(frame: PairingFrame): Exchange[] {
    this.lastTime = Math.max(this.lastTime, frame.time);
    const touched: Exchange[] = [];
    for (const hint of frame.hints) {
      const exchange = hint.role === 'request' ? this.request(frame, hint) : this.answer(frame, hint);
      if (exchange && !touched.includes(exchange)) touched.push(exchange);
    }
    return touched;
  }

  /** Requests still open on a connection that closed will never be answered. */
  closeConnection(conn: string): Exchange[] {
    const closed: Exchange[] = [];
    for (const [scope, e] of this.open) {
      if (e.conn !== conn) continue;
      e.abandoned = 'connection closed';
      this.open.delete(scope);
      closed.push(e);
    }
    return closed;
  }

  /** The exchanges a frame belongs to (several for a batch); empty when none. */
  linksOf(frameId: number): readonly FrameLink[] {
    return this.links.get(frameId) ?? [];
  }

  /** All exchanges, in request order. */
  exchanges(): readonly Exchange[] {
    return this.list;
  }

  /** Answers whose request was not captured (the capture began later, or was evicted). */
  orphans(): number[] {
    return [...this.orphanIds];
  }

  /** Requests without an answer after `timeoutMs` (or whose connection closed first). */
  unanswered(now: number, timeoutMs: number): Exchange[] {
    return this.list.filter((e) => exchangeState(e, now, timeoutMs) === 'unanswered');
  }

  /** Per family and method: counts and latency percentiles, most used first. */
  stats(now: number, timeoutMs: number): MethodStats[] {
    const groups = new Map<string, { stats: MethodStats; latencies: number[] }>();
    for (const e of this.list) {
      const id = `${e.family}\u0000${e.method}`;
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { stats: { family: e.family, method: e.method, count: 0, answered: 0, errors: 0, unanswered: 0, pending: 0 }, latencies: [] }));
      const s = group.stats;
      s.count++;
      const state = exchangeState(e, now, timeoutMs);
      if (state === 'answered' || state === 'failed' || state === 'streaming') s.answered++;
      if (state === 'failed') s.errors++;
      if (state === 'unanswered') s.unanswered++;
      if (state === 'pending') s.pending++;
      if (e.latency !== undefined) group.latencies.push(e.latency);
    }
    return [...groups.values()].map(({ stats, latencies }) => ({ ...stats, ...percentiles(latencies) }))
      .sort((a, b) => b.count - a.count || a.family.localeCompare(b.family) || a.method.localeCompare(b.method));
  }

  /** Drops exchanges whose request frame is older than `frameId` (the store evicted it). */
  forgetBefore(frameId: number): void {
    const keep = this.list.filter((e) => e.request >= frameId);
    if (keep.length === this.list.length) return;
    const dropped = new Set(this.list.filter((e) => e.request < frameId));
    this.list.splice(0, this.list.length, ...keep);
    for (const map of [this.open, this.latest]) for (const [scope, e] of map) if (dropped.has(e)) map.delete(scope);
    for (const [id, links] of this.links) {
      const left = links.filter((l) => !dropped.has(l.exchange));
      if (left.length === 0) this.links.delete(id);
      else if (left.length !== links.length) this.links.set(id, left);
    }
    for (const id of this.orphanIds) if (id < frameId) this.orphanIds.delete(id);
  }

  private request(frame: PairingFrame, hint: PairHint): Exchange {
    const scope = scopeOf(frame.conn, hint.family, frame.dir, hint.key);
    const previous = this.open.get(scope);
    if (previous) previous.abandoned = 'asked again';
    const exchange: Exchange = {
      request: frame.id, conn: frame.conn, family: hint.family, key: hint.key, method: hint.method ?? '', dir: frame.dir,
      requestTime: frame.time, answers: [], answerCount: 0, error: false, stream: hint.stream === true,
    };
    this.list.push(exchange);
    this.open.set(scope, exchange);
    this.latest.set(scope, exchange);
    this.link(frame.id, { exchange, role: 'request' });
    if (this.list.length > this.maxExchanges) this.forgetBefore(this.list[Math.floor(this.maxExchanges / 10)].request);
    return exchange;
  }

  private answer(frame: PairingFrame, hint: PairHint): Exchange | null {
    const requester = hint.by === 'requester' ? frame.dir : opposite(frame.dir);
    const scope = scopeOf(frame.conn, hint.family, requester, hint.key);
    const exchange = this.open.get(scope) ?? this.latest.get(scope);
    if (!exchange) {
      this.orphanIds.add(frame.id);
      return null;
    }
    // One frame may carry several hints for the same exchange (never in practice; cheap to guard).
    if (exchange.answers[exchange.answers.length - 1] !== frame.id && exchange.closedBy !== frame.id) {
      exchange.answerCount++;
      if (exchange.answers.length < MAX_ANSWER_IDS) exchange.answers.push(frame.id);
    }
    this.link(frame.id, { exchange, role: 'answer' });
    if (this.open.get(scope) !== exchange) return exchange; // late: after it closed
    const elapsed = frame.time - exchange.requestTime;
    if (hint.by !== 'requester' && exchange.latency === undefined) exchange.latency = elapsed;
    if (hint.error) exchange.error = true;
    const closes = hint.role === 'response' || hint.role === 'end' || !exchange.stream;
    if (closes) {
      exchange.closedBy = frame.id;
      exchange.duration = elapsed;
      this.open.delete(scope);
    }
    return exchange;
  }

  private link(frameId: number, link: FrameLink): void {
    const links = this.links.get(frameId);
    if (!links) this.links.set(frameId, [link]);
    else if (!links.some((l) => l.exchange === link.exchange)) links.push(link);
  }
}

/** Pairs a whole session (imported, or a replay to compare). Frames are sorted by id first. */
export function pairFrames(frames: Iterable<PairingFrame>, closedConnections: Iterable<string> = []): Pairing {
  const pairing = new Pairing();
  for (const frame of [...frames].sort((a, b) => a.id - b.id)) pairing.add(frame);
  for (const conn of closedConnections) pairing.closeConnection(conn);
  return pairing;
}

export interface StatsComparison { family: string; method: string; a?: MethodStats; b?: MethodStats }

/** Lines up two sessions' per-method stats (a recording and its replay), methods of either. */
export function compareStats(a: readonly MethodStats[], b: readonly MethodStats[]): StatsComparison[] {
  const rows = new Map<string, StatsComparison>();
  const id = (s: MethodStats) => `${s.family}\u0000${s.method}`;
  for (const s of a) rows.set(id(s), { family: s.family, method: s.method, a: s });
  for (const s of b) {
    const row = rows.get(id(s));
    if (row) row.b = s;
    else rows.set(id(s), { family: s.family, method: s.method, b: s });
  }
  return [...rows.values()];
}

function scopeOf(conn: string, family: string, requester: Direction, key: string): string {
  return `${conn}\u0000${family}\u0000${requester}\u0000${key}`;
}

/** Nearest-rank percentiles. */
function percentiles(values: number[]): Pick<MethodStats, 'p50' | 'p95' | 'max'> {
  if (values.length === 0) return {};
  const sorted = [...values].sort((x, y) => x - y);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: rank(50), p95: rank(95), max: sorted[sorted.length - 1] };
}
