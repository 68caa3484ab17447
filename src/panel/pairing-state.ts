/**
 * The panel's request/response pairing (issue 15): one PairIndex per store (the live capture,
 * the imported session), paired a few milliseconds at a time after each render tick, so that a
 * flood of frames is never decoded in one task. `version` says the exchanges changed; `clock`
 * ticks once a second while requests wait, so "waiting" turns into "no answer" on time.
 */
import { signal } from '@preact/signals';
import type { CaptureStore } from '../model/capture-store';
import type { Pairing } from '../model/pairing';
import { PairIndex } from '../model/pair-index';
import type { Decoding } from './decoding';

/**
 * Pairing time per slice; slices follow each other every SLICE_GAP_MS until caught up: at most
 * ~5% of a core, so that pairing never competes with the page for the CPU (a 1 KB ping-pong's
 * page lost 15% of its throughput with 6 ms every 16 ms).
 */
const SLICE_MS = 5;
const SLICE_GAP_MS = 100;

export class PanelPairing {
  readonly version = signal(0);
  readonly clock = signal(Date.now());
  private indexes = new WeakMap<CaptureStore, PairIndex>();
  private timer = 0;
  private ticking = 0;

  constructor(
    private readonly decoding: Decoding,
    private readonly shown: () => CaptureStore,
    private readonly live: CaptureStore,
    private readonly decodeAs: () => ReadonlyMap<string, string | undefined>,
  ) {}

  /** The index of a store (created on first use). */
  of(store: CaptureStore): PairIndex {
    let index = this.indexes.get(store);
    if (!index) {
      index = new PairIndex(store, (frame, connection, session) => this.decoding.pairHints(frame, connection, this.decodeAs().get(frame.conn), session));
      this.indexes.set(store, index);
    }
    return index;
  }

  /** Pairing of the shown store, as far as it got. */
  get current(): Pairing {
    this.version.value;
    return this.of(this.shown()).results;
  }

  /** "Now" for "no answer after": the clock for the live capture, a recording's last frame for an imported one. */
  now(): number {
    const store = this.shown();
    this.version.value;
    return store === this.live ? this.clock.value : this.of(store).lastTime;
  }

  /** New frames (or a new store, or a decoder choice): pair them soon. */
  schedule(): void {
    if (!this.timer) this.timer = window.setTimeout(() => this.slice(), 0);
  }

  /** A decoder choice changed what frames mean: pair the shown store again. */
  restart(): void {
    this.of(this.shown()).reset();
    this.schedule();
  }

  private slice(): void {
    this.timer = 0;
    const index = this.of(this.shown());
    const until = performance.now() + SLICE_MS;
    if (index.catchUp(() => performance.now() > until)) this.version.value++;
    if (index.behind) this.timer = window.setTimeout(() => this.slice(), SLICE_GAP_MS);
    this.keepTicking(index);
  }

  /** A once-a-second clock while some request has no answer yet (only then does time alone change a cell). */
  private keepTicking(index: PairIndex): void {
    const open = index.exchanges().some((e) => e.closedBy === undefined && !e.abandoned);
    if (open && !this.ticking) this.ticking = window.setInterval(() => { this.clock.value = Date.now(); }, 1000);
    if (!open && this.ticking) { window.clearInterval(this.ticking); this.ticking = 0; }
  }

  stop(): void {
    window.clearTimeout(this.timer);
    window.clearInterval(this.ticking);
    this.timer = this.ticking = 0;
  }
}
