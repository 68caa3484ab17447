/**
 * One document's captured events, kept in the page's own content script so that they
 * outlive service-worker restarts and are there when DevTools opens. Lifecycle events
 * (connection, open, error, close) are kept per connection; frames in a ring bounded by
 * count and bytes. Evicted frames are counted, never silently forgotten.
 */
import type { FrameOnTheWay, LifecycleEvent } from '../protocol/capture';

/** A frame as stored: binary stays an ArrayBuffer until it has to cross runtime messaging. */
export type StoredFrame = FrameOnTheWay;

export interface BacklogLimits {
  maxFrames: number;
  /** Payload bytes plus `recordBytes` per frame. */
  maxBytes: number;
  maxConnections: number;
  /** What a frame's record costs beside its payload (measured ≈100 B in Chromium). */
  recordBytes?: number;
}

/**
 * 56 MiB for a live document, and 1 MiB for each page the browser keeps in its back/forward
 * cache (Chromium keeps at most 6 per tab): a tab's backlogs stay under 64 MiB.
 */
export const DEFAULT_LIMITS: BacklogLimits = { maxFrames: 100_000, maxBytes: 56 * 1024 * 1024, maxConnections: 2_000, recordBytes: 128 };
export const BFCACHE_BYTES = 1024 * 1024;

export class Backlog {
  private frames: StoredFrame[] = [];
  private head = 0;
  private bytes = 0;
  private lifecycle = new Map<string, LifecycleEvent[]>();
  /** Frames kept per connection: a connection is forgotten only when none of its frames is left. */
  private kept = new Map<string, number>();
  /** Frames evicted so far; frame sequence numbers below `firstFseq` are gone. */
  evicted = 0;
  /** Closed connections forgotten (connection cap) before a panel received them. */
  forgottenConnections = 0;
  /** Connections whose lifecycle a listening panel received (see markForwarded). */
  private forwarded = new Set<string>();

  constructor(private limits: BacklogLimits = DEFAULT_LIMITS) {}

  get frameCount(): number { return this.frames.length - this.head; }
  get byteCount(): number { return this.bytes; }
  get isEmpty(): boolean { return this.frameCount === 0 && this.lifecycle.size === 0 && this.evicted === 0 && this.forgottenConnections === 0; }
  get firstFseq(): number { return this.frameCount ? this.frames[this.head].fseq : Infinity; }

  addLifecycle(event: LifecycleEvent): void {
    let list = this.lifecycle.get(event.conn);
    if (!list) {
      list = [];
      this.lifecycle.set(event.conn, list);
      if (this.lifecycle.size > this.limits.maxConnections) this.forgetOldestClosed();
    }
    list.push(event);
  }

  addFrame(frame: StoredFrame): void {
    this.frames.push(frame);
    this.bytes += this.cost(frame);
    this.kept.set(frame.conn, (this.kept.get(frame.conn) ?? 0) + 1);
    this.evictOver(this.limits.maxFrames, this.limits.maxBytes);
  }

  /** Keeps at most `maxBytes` (the newest frames): for a page going into the back/forward cache. */
  shrinkTo(maxBytes: number): void {
    this.evictOver(this.limits.maxFrames, maxBytes);
  }

  private cost(frame: StoredFrame): number {
    return frame.size + (this.limits.recordBytes ?? 0);
  }

  private evictOver(maxFrames: number, maxBytes: number): void {
    while (this.frameCount > maxFrames || (this.bytes > maxBytes && this.frameCount > 1)) {
      const old = this.frames[this.head];
      this.frames[this.head++] = undefined as unknown as StoredFrame;
      this.bytes -= this.cost(old);
      this.evicted++;
      const left = (this.kept.get(old.conn) ?? 1) - 1;
      if (left) this.kept.set(old.conn, left); else this.kept.delete(old.conn);
    }
    if (this.head > 4096 && this.head * 2 > this.frames.length) {
      this.frames = this.frames.slice(this.head);
      this.head = 0;
    }
  }

  /** The frame numbered `fseq`, while it is kept (numbers are contiguous in the ring). */
  frame(fseq: number): StoredFrame | undefined {
    if (!this.frameCount) return undefined;
    const frame = this.frames[this.head + fseq - this.firstFseq];
    return frame?.fseq === fseq ? frame : undefined;
  }

  /** Everything with a frame number above `sinceFseq`, in capture order, and how many such frames were evicted. */
  snapshot(sinceFseq: number): { events: Array<LifecycleEvent | StoredFrame>; lost: number } {
    const events: Array<LifecycleEvent | StoredFrame> = [];
    for (const list of this.lifecycle.values()) events.push(...list);
    for (let i = this.head; i < this.frames.length; i++) if (this.frames[i].fseq > sinceFseq) events.push(this.frames[i]);
    events.sort((a, b) => a.seq - b.seq);
    const lost = this.frameCount ? Math.max(0, this.firstFseq - sinceFseq - 1) : Math.max(0, this.evicted - sinceFseq);
    return { events, lost };
  }

  /**
   * A panel listening now received `conn`'s lifecycle (live, or in a snapshot; all connections
   * when `conn` is omitted): forgetting it later loses nothing that panel has.
   */
  markForwarded(conn?: string): void {
    if (conn === undefined) for (const c of this.lifecycle.keys()) this.forwarded.add(c);
    else if (this.lifecycle.has(conn)) this.forwarded.add(conn);
  }

  /** No panel listens any more: what the next one gets starts from the snapshot. */
  clearForwarded(): void {
    this.forwarded.clear();
  }

  /** Forgets the oldest closed connection with no frame kept (else the oldest closed one). */
  private forgetOldestClosed(): void {
    let fallback: string | null = null;
    for (const [conn, list] of this.lifecycle) {
      if (!list.some((e) => e.kind === 'close')) continue;
      if (!this.kept.has(conn)) {
        this.forget(conn);
        return;
      }
      fallback ??= conn;
    }
    if (fallback !== null) this.forget(fallback);
  }

  private forget(conn: string): void {
    this.lifecycle.delete(conn);
    if (!this.forwarded.delete(conn)) this.forgottenConnections++;
  }
}
