/**
 * The panel's model of one inspected tab: connections and frames, built from what the
 * background forwards. Pure logic (no DOM, no extension APIs) so it is unit-tested.
 *
 * - Frames are deduplicated per document by their contiguous frame number (`fseq`):
 *   after a service-worker restart the relays resend their backlog and nothing doubles.
 * - Frames are numbered 1, 2, … per document, so every frame the panel never got shows as a
 *   gap (or, at the end, as a number below the relay's `lastFseq`): each is counted once in
 *   `lost`, by why (see losses.ts); frames over the panel's own cap are `dropped`, oldest first.
 * - What the relays refused or forgot comes as cumulative counters per document (`relayCounts`).
 * - A new top-level document starts a new session unless the log is preserved.
 */
import { FRAME_MARKS, type CaptureEvent, type CloseEvent, type Direction, type FrameEvent, type Opcode } from '../protocol/capture';
import { isRelayCounters, type PanelMessage, type RelayCounters, type SinceMap, type WireEvent, type WireFrame } from '../protocol/ports';
import { unpackEvents } from '../protocol/packed';
import { bytesToBase64 } from './bytes';
import { latestCounters, sumCounters, type RelayCounts } from './relay-counts';

export type ConnectionState = 'connecting' | 'open' | 'closing' | 'closed';

export interface Connection {
  id: string;
  docId: string;
  frameId: number;
  url: string;
  protocols: string[];
  api: string;
  createdAt: number;
  state: ConnectionState;
  protocol: string;
  extensions: string;
  openedAt?: number;
  closedAt?: number;
  /** The page's url was cut to `url` (ending in '…'): its full length. */
  urlLength?: number;
  close?: Pick<CloseEvent, 'code' | 'reason' | 'wasClean' | 'simulated'>;
  errored: boolean;
  framesSent: number;
  framesReceived: number;
  bytesSent: number;
  bytesReceived: number;
  /** Imported: when the recording of this connection ends (its last frame), if it holds no close. */
  endedAt?: number;
}

/** A frame as the panel keeps it: the captured event without its relay sequence numbers. */
export interface Frame extends Omit<FrameEvent, 'kind' | 'seq' | 'fseq'> {
  /** Identity: order of arrival in this panel, never reused. */
  index: number;
  /** Absolute position in the store: `frames[i].pos === firstPos + i`. */
  pos: number;
  /** Only on a `truncated` frame: its number in its document, to fetch the rest of the payload. */
  fseq?: number;
  /**
   * A binary payload as it arrived (structured-clone messaging): off the JS heap, and `data` is
   * its base64, made only when something reads it (hot paths read these bytes instead).
   */
  bytes?: ArrayBuffer;
}

/** A frame a breakpoint holds in the page, waiting for forward/drop. */
export interface PausedFrame { key: string; conn: string; pauseId: number; time: number; dir: Direction; opcode: Opcode; data: string; size: number }

export interface Notice { conn: string; time: number; text: string }

interface DocState {
  frameId: number; url: string; timeOrigin: number;
  /** The highest frame number received or known gone: a frame at or below it is a duplicate. */
  maxFseq: number;
  /** Whether any message of this document was applied yet (a gap in the first one predates the panel). */
  seen: boolean;
  /** The relay's latest counters, and their values when the panel was last cleared. */
  counters: RelayCounters | null;
  base: RelayCounters | null;
}

/** Why frames never reached the panel. */
export interface LostFrames {
  /** Evicted from the page's bounded backlog before the panel (DevTools) first received the document. */
  beforeOpen: number;
  /** Missing after the panel had the document: sent while the panel was reconnecting (extension restart) and evicted meanwhile. */
  whileDisconnected: number;
}

export type { RelayCounts } from './relay-counts';

export interface StoreOptions { maxFrames: number; preserveLog: boolean }

export class CaptureStore {
  connections = new Map<string, Connection>();
  frames: Frame[] = [];
  /** Latest notices about panel commands that could not be carried out. */
  notices: Notice[] = [];
  /** WebSocket handshakes the browser reported for the tab (see uncapturedSockets). */
  handshakes: Array<{ url: string; time: number }> = [];
  /** Frames held by breakpoints, in arrival order. */
  held = new Map<string, PausedFrame>();
  /** Frames that never reached the panel (all reasons: `lostBy`). */
  lost = 0;
  lostBy: LostFrames = { beforeOpen: 0, whileDisconnected: 0 };
  /** Frames removed from this panel because `maxFrames` was reached. */
  dropped = 0;
  /** Bumped on every change, for views to re-render cheaply. */
  version = 0;
  /** Bumped when frames were reordered or cleared: views must rebuild, not append. */
  layoutVersion = 0;
  /** `pos` of frames[0]; frames before it were dropped by the cap. */
  firstPos = 0;
  /** Capture paused: frames are counted, not kept. */
  paused = false;
  /** Frames that arrived while paused. */
  skipped = 0;
  totals = { sent: 0, received: 0, bytesSent: 0, bytesReceived: 0 };
  /** Per-second buckets for the timeline, keyed by epoch second. */
  timeline = new Map<number, { sent: number; received: number; bytesSent: number; bytesReceived: number }>();
  private docs = new Map<string, DocState>();

  /** The address of the top frame's latest document (where exports say the recording came from). */
  get pageUrl(): string {
    let url = '';
    for (const doc of this.docs.values()) if (doc.frameId === 0) url = doc.url;
    return url;
  }
  /** Breakpoint holds already resolved (a resent backlog must not bring them back). */
  private resolved = new Set<string>();
  private topTimeOrigin = 0;
  private nextIndex = 0;

  constructor(public options: StoreOptions = { maxFrames: 1_000_000, preserveLog: false }) {}

  /** What the panel already has, per document, so relays resend only the rest. */
  since(): SinceMap {
    const since: SinceMap = {};
    for (const [docId, doc] of this.docs) since[docId] = doc.maxFseq;
    return since;
  }

  apply(message: PanelMessage): void {
    if (message.type === 'handshake') {
      // The background resends the handshakes it kept when a panel (re)subscribes: once is enough.
      if (this.handshakes.some((h) => h.url === message.url && h.time === message.time)) return;
      this.handshakes = [...this.handshakes.slice(-999), { url: message.url, time: message.time }];
      this.version++;
      return;
    }
    if (message.type === 'backlog') this.noteDocument(message.docId, message.frameId, message.url, message.timeOrigin);
    const doc = this.docs.get(message.docId);
    if (!doc || this.isStale(doc)) return;
    const lastTime = this.frames.length ? this.frames[this.frames.length - 1].time : -Infinity;
    const before = this.frames.length;
    for (const event of unpackEvents(message.events)) this.applyEvent(doc, event);
    if (isRelayCounters(message.counters)) this.noteCounters(doc, message.counters);
    doc.seen = true;
    // A backlog from another frame may hold older frames: keep the table in time order.
    if (this.frames.length > before && this.frames[before].time < lastTime) this.reorder();
    this.enforceCap();
    this.version++;
  }

  /** The relays' counters summed over documents, since the last Clear. */
  relayCounts(): RelayCounts {
    return sumCounters([...this.docs.values()].filter((doc) => !this.isStale(doc)));
  }

  /** Frames numbered up to `lastFseq` were all sent before these counters: any not received are gone. */
  private noteCounters(doc: DocState, c: RelayCounters): void {
    doc.counters = latestCounters(doc.counters, c);
    if (c.lastFseq > doc.maxFseq) {
      this.countLost(doc, c.lastFseq - doc.maxFseq);
      doc.maxFseq = c.lastFseq;
    }
  }

  private countLost(doc: DocState, n: number): void {
    this.lost += n;
    if (doc.seen) this.lostBy.whileDisconnected += n; else this.lostBy.beforeOpen += n;
  }

  clear(): void {
    for (const doc of this.docs.values()) doc.base = doc.counters;
    this.connections = new Map();
    this.frames = [];
    this.lost = 0;
    this.lostBy = { beforeOpen: 0, whileDisconnected: 0 };
    this.dropped = 0;
    this.skipped = 0;
    this.notices = [];
    this.handshakes = [];
    this.held = new Map();
    this.firstPos = 0;
    this.totals = { sent: 0, received: 0, bytesSent: 0, bytesReceived: 0 };
    this.timeline = new Map();
    this.version++;
    this.layoutVersion++;
  }

  private reorder(): void {
    this.frames.sort(byTime);
    for (let i = 0; i < this.frames.length; i++) this.frames[i].pos = this.firstPos + i;
    this.layoutVersion++;
  }

  private noteDocument(docId: string, frameId: number, url: string, timeOrigin: number): void {
    if (!this.docs.has(docId)) this.docs.set(docId, { frameId, url, timeOrigin, maxFseq: 0, seen: false, counters: null, base: null });
    if (frameId !== 0 || timeOrigin <= this.topTimeOrigin) return;
    const navigated = this.topTimeOrigin !== 0;
    this.topTimeOrigin = timeOrigin;
    if (navigated && !this.options.preserveLog) this.clear();
  }

  /** A document older than the current top-level page: left over from before a navigation. */
  private isStale(doc: DocState): boolean {
    return !this.options.preserveLog && doc.timeOrigin < this.topTimeOrigin;
  }

  private applyEvent(doc: DocState, e: WireEvent): void {
    if (e.kind === 'frame') return this.addFrame(doc, e);
    let c = this.connections.get(e.conn);
    if (e.kind === 'connection') {
      if (!c) this.connections.set(e.conn, newConnection(e, doc));
      return;
    }
    if (!c) return;
    if (e.kind === 'open') {
      if (c.state === 'connecting') c.state = 'open';
      c.openedAt = e.time;
      c.protocol = e.protocol;
      c.extensions = e.extensions;
    } else if (e.kind === 'error') {
      c.errored = true;
    } else if (e.kind === 'close') {
      c.state = 'closed';
      c.closedAt = e.time;
      c.close = { code: e.code, reason: e.reason, wasClean: e.wasClean, simulated: e.simulated };
    } else if (e.kind === 'paused') {
      const key = `${e.conn}#${e.pauseId}`;
      if (!this.resolved.has(key)) this.held.set(key, { key, conn: e.conn, pauseId: e.pauseId, time: e.time, dir: e.dir, opcode: e.opcode, data: e.data, size: e.size });
    } else if (e.kind === 'resolved') {
      const key = `${e.conn}#${e.pauseId}`;
      this.resolved.add(key);
      this.held.delete(key);
    } else if (e.kind === 'notice') {
      if (!this.notices.some((n) => n.time === e.time && n.conn === e.conn)) this.notices = [...this.notices.slice(-9), { conn: e.conn, time: e.time, text: e.text }];
    }
  }

  private addFrame(doc: DocState, e: WireFrame): void {
    if (e.fseq <= doc.maxFseq) return;
    // A relay sends its frames in order: the numbers skipped are frames that will never come.
    if (e.fseq > doc.maxFseq + 1) this.countLost(doc, e.fseq - doc.maxFseq - 1);
    doc.maxFseq = e.fseq;
    if (this.paused) { this.skipped++; return; }
    this.frames.push(toFrame(e, this.nextIndex++, this.firstPos + this.frames.length));
    const sent = e.dir === 'sent';
    const t = this.totals;
    if (sent) { t.sent++; t.bytesSent += e.size; } else { t.received++; t.bytesReceived += e.size; }
    const second = Math.floor(e.time / 1000);
    if (!Number.isSafeInteger(second)) return this.countOnConnection(e, sent);
    let bucket = this.timeline.get(second);
    if (!bucket) this.timeline.set(second, (bucket = { sent: 0, received: 0, bytesSent: 0, bytesReceived: 0 }));
    if (sent) { bucket.sent++; bucket.bytesSent += e.size; } else { bucket.received++; bucket.bytesReceived += e.size; }
    this.countOnConnection(e, sent);
  }

  private countOnConnection(e: WireFrame, sent: boolean): void {
    const c = this.connections.get(e.conn);
    if (!c) return;
    if (sent) { c.framesSent++; c.bytesSent += e.size; } else { c.framesReceived++; c.bytesReceived += e.size; }
  }

  private enforceCap(): void {
    const over = this.frames.length - this.options.maxFrames;
    if (over <= 0) return;
    this.frames.splice(0, over);
    this.firstPos += over;
    this.dropped += over;
  }
}

/**
 * The panel's frame from a wire frame: built field by field (one allocation, one object shape
 * for every frame) rather than with rest/spread copies, which cost more at 20,000 frames/s.
 * Its marks are FRAME_MARKS (protocol/capture.ts).
 */
function toFrame(e: WireFrame, index: number, pos: number): Frame {
  const f: Frame = typeof e.data === 'string'
    ? { index, pos, conn: e.conn, time: e.time, dir: e.dir, opcode: e.opcode, data: e.data, size: e.size }
    : binaryFrame(e.data, { index, pos, conn: e.conn, time: e.time, dir: e.dir, opcode: e.opcode, size: e.size });
  for (const mark of FRAME_MARKS) if (e[mark] !== undefined) (f as unknown as Record<string, unknown>)[mark] = e[mark];
  if (e.truncated) f.fseq = e.fseq; // to fetch the rest of the payload
  return f;
}

/**
 * A frame whose binary payload arrived as an ArrayBuffer. Its base64 `data` (what exports,
 * copies and commands use) is an own enumerable getter, made on first read and kept: 64 KB
 * frames streaming in would otherwise each cost a conversion and 87 KB of JS heap to copy in GC.
 */
function binaryFrame(bytes: ArrayBuffer, fields: Omit<Frame, 'data' | 'bytes'>): Frame {
  let base64: string | null = null;
  return {
    ...fields,
    bytes,
    get data() { return (base64 ??= bytesToBase64(new Uint8Array(bytes))); },
  };
}

function byTime(a: Frame, b: Frame): number {
  return a.time - b.time || a.index - b.index;
}

function newConnection(e: Extract<CaptureEvent, { kind: 'connection' }>, doc: DocState): Connection {
  return {
    id: e.conn, docId: e.conn.slice(0, e.conn.lastIndexOf(':')), frameId: doc.frameId, url: e.url, protocols: e.protocols,
    api: e.api, createdAt: e.time, ...(e.urlLength ? { urlLength: e.urlLength } : {}), state: 'connecting', protocol: '', extensions: '', errored: false,
    framesSent: 0, framesReceived: 0, bytesSent: 0, bytesReceived: 0,
  };
}

/**
 * Handshakes with no captured connection to the same url opened around the same time: those
 * sockets were opened where the page hook cannot reach (workers), so their frames are missing.
 */
export function uncapturedSockets(store: CaptureStore, now: number, slackMs = 3000): Array<{ url: string; time: number }> {
  const captured = [...store.connections.values()];
  const used = new Set<Connection>();
  return store.handshakes.filter((h) => {
    if (now - h.time < 1500) return false; // the hook's report may still be on its way
    const match = captured.find((c) => !used.has(c) && c.url === h.url && Math.abs(c.createdAt - h.time) <= slackMs);
    if (match) used.add(match);
    return !match;
  });
}
