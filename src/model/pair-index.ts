/**
 * Request/response pairing of one capture store, kept up to date in time-bounded steps: each
 * frame must be decoded to find its request id, which costs far more than storing it, so the
 * panel pairs a slice of new frames per tick (`catchUp`) instead of decoding every frame as it
 * arrives. Pure: the decoding and the clock are passed in.
 *
 * A connection that shows no request id in its first UNPAIRED_AFTER frames (a ticker, a chat of
 * plain JSON) is not decoded for pairing any more: at 20,000 frames/s, that is what keeps the
 * cost of pairing near zero for traffic that has none. Decoding a frame by its content can take
 * milliseconds (1 KB of letters is valid base64, and the bytes are then tried as every binary
 * format), so the deadline is asked after every frame decoded.
 */
import type { PairHint } from '../decode/types';
import type { CaptureStore, Connection, Frame } from './capture-store';
import { Pairing, type Exchange, type FrameLink } from './pairing';

export const UNPAIRED_AFTER = 50;
/** Frames larger than this carry data, not a request: not decoded for pairing (they count toward UNPAIRED_AFTER). */
export const PAIR_MAX_BYTES = 16 * 1024;

/** A frame's pairing hints; `session` is its connection's (decoders keep what earlier frames told them there). */
export type HintsOf = (frame: Frame, connection: Connection | undefined, session: Map<string, unknown>) => readonly PairHint[];

export class PairIndex {
  private pairing = new Pairing();
  /** The next store position to pair. */
  private next = 0;
  /** The store's `firstPos` when last seen. */
  private firstKept = 0;
  private layout = -1;
  /** Per connection: frames decoded, and whether any had a hint. */
  private seen = new Map<string, { frames: number; paired: boolean; session: Map<string, unknown> }>();
  private closed = new Set<string>();
  /** Bumped whenever an exchange changed: views re-render on it. */
  version = 0;
  /** The latest frame time paired so far: "now" for a recording (its end), where the clock means nothing. */
  lastTime = 0;

  constructor(private readonly store: CaptureStore, private readonly hintsOf: HintsOf) {}

  /** True while frames wait to be paired. */
  get behind(): boolean {
    return this.layout !== this.store.layoutVersion || this.next < this.store.firstPos + this.store.frames.length || this.closesPending();
  }

  /** Starts over (the store was cleared or reordered, or a decoder choice changed). */
  reset(): void {
    this.pairing = new Pairing();
    this.next = 0;
    this.firstKept = 0;
    this.seen.clear();
    this.closed.clear();
    this.lastTime = 0;
    this.layout = this.store.layoutVersion;
    this.version++;
  }

  /** Pairs frames until `deadline()` says stop; true when it changed anything. */
  catchUp(deadline: () => boolean): boolean {
    const before = this.version;
    if (this.layout !== this.store.layoutVersion) this.reset();
    const { frames, firstPos } = this.store;
    if (firstPos > this.firstKept) {
      // The store's cap dropped frames (paired or not yet reached): forget their exchanges.
      if (frames.length) this.pairing.forgetBefore(frames[0].index);
      this.firstKept = firstPos;
      this.next = Math.max(this.next, firstPos);
      this.version++;
    }
    const end = firstPos + frames.length;
    while (this.next < end) {
      const frame = frames[this.next - firstPos];
      this.next++;
      if (frame.time > this.lastTime) this.lastTime = frame.time;
      const decoded = this.pairFrame(frame);
      if (decoded === 'changed') this.version++;
      if (decoded !== 'skipped' && deadline()) break;
    }
    if (this.next >= end) this.closeConnections();
    return this.version !== before;
  }

  /** 'skipped': not decoded (its connection has no request ids); 'changed': an exchange changed. */
  private pairFrame(frame: Frame): 'skipped' | 'decoded' | 'changed' {
    let seen = this.seen.get(frame.conn);
    if (!seen) this.seen.set(frame.conn, (seen = { frames: 0, paired: false, session: new Map() }));
    if (!seen.paired && seen.frames >= UNPAIRED_AFTER) return 'skipped';
    seen.frames++;
    if (frame.size > PAIR_MAX_BYTES) return 'decoded';
    const hints = this.hintsOf(frame, this.store.connections.get(frame.conn), seen.session);
    if (!hints.length) return 'decoded';
    seen.paired = true;
    return this.pairing.add({ id: frame.index, conn: frame.conn, dir: frame.dir, time: frame.time, hints }).length > 0 ? 'changed' : 'decoded';
  }

  private closesPending(): boolean {
    for (const c of this.store.connections.values()) if (c.state === 'closed' && !this.closed.has(c.id)) return true;
    return false;
  }

  /** Requests still open on a connection that closed (once every frame before the close was paired). */
  private closeConnections(): void {
    for (const c of this.store.connections.values()) {
      if (c.state !== 'closed' || this.closed.has(c.id)) continue;
      this.closed.add(c.id);
      if (this.pairing.closeConnection(c.id).length) this.version++;
    }
  }

  linksOf(frame: Frame): readonly FrameLink[] {
    return this.pairing.linksOf(frame.index);
  }

  exchanges(): readonly Exchange[] {
    return this.pairing.exchanges();
  }

  get results(): Pairing {
    return this.pairing;
  }
}
