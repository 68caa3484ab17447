/**
 * A capture as plain data, for export and import: connections with their frames. Both the
 * HAR and NDJSON formats convert to and from this; the panel loads it into a read-only store.
 */
import type { CaptureEvent, Direction, Opcode } from '../protocol/capture';
import type { CaptureStore, Connection, Frame } from './capture-store';

export interface SessionFrame {
  time: number; dir: Direction; opcode: Opcode; /** text, or base64 for binary */ data: string; size: number;
  /** `data` is only the start of the payload: why (exports say so next to the data). */
  truncated?: string;
  /** A big frame the panel has a preview of: where the page keeps the whole payload (never exported). */
  ref?: { conn: string; fseq: number; frameId: number };
  /**
   * Position in the recording across all connections (the table's order). Exports write it so
   * that frames of different connections at the same instant come back in the same order;
   * files without it (Chrome's HAR) are ordered by time.
   */
  order?: number;
}
export interface SessionConnection {
  url: string;
  protocol: string;
  extensions: string;
  createdAt: number;
  openedAt?: number;
  closedAt?: number;
  close?: { code: number; reason: string; wasClean: boolean };
  frames: SessionFrame[];
}
export interface Session { connections: SessionConnection[] }

/** A frame's position in the recording, when the file gives one. */
export function withOrder(frame: SessionFrame, o: unknown): SessionFrame {
  const order = (o as Record<string, unknown> | null)?.order ?? (o as Record<string, unknown> | null)?._order;
  if (typeof order === 'number' && Number.isFinite(order)) frame.order = order;
  return frame;
}

/** The frames (all, or only `frames` when given) of a store, grouped by connection. */
export function sessionFromStore(store: CaptureStore, frames: readonly Frame[] = store.frames): Session {
  const byConn = new Map<string, SessionConnection>();
  const connectionOf = (c: Connection): SessionConnection => {
    let s = byConn.get(c.id);
    if (!s) {
      s = { url: c.url, protocol: c.protocol, extensions: c.extensions, createdAt: c.createdAt, openedAt: c.openedAt, closedAt: c.closedAt, close: c.close && { code: c.close.code, reason: c.close.reason, wasClean: c.close.wasClean }, frames: [] };
      byConn.set(c.id, s);
    }
    return s;
  };
  for (const c of store.connections.values()) connectionOf(c);
  for (const f of frames) {
    const c = store.connections.get(f.conn);
    if (!c) continue;
    const frame: SessionFrame = { time: f.time, dir: f.dir, opcode: f.opcode, data: f.data, size: f.size, order: f.pos };
    if (f.truncated) {
      frame.truncated = 'only a preview reached the panel';
      if (f.fseq !== undefined) frame.ref = { conn: f.conn, fseq: f.fseq, frameId: c.frameId };
    }
    connectionOf(c).frames.push(frame);
  }
  return { connections: [...byConn.values()].filter((c) => c.frames.length || frames === store.frames) };
}

/**
 * Loads a session into an empty store, as one read-only document. Frames are put in recording
 * order first and numbered after: the store keeps a document's frames only in increasing `fseq`
 * (its guard against resent backlogs), so numbering them per connection before sorting them by
 * time dropped every frame that followed a later-numbered one (issue 13, finding 1).
 */
export function loadSession(store: CaptureStore, session: Session, name: string): void {
  store.clear();
  const docId = `import-${name}`;
  let seq = 0;
  const opens: CaptureEvent[] = [];
  const closes: CaptureEvent[] = [];
  const frames: Array<{ f: SessionFrame; conn: string; c: number; i: number }> = [];
  session.connections.forEach((c, ci) => {
    const conn = `${docId}:${ci + 1}`;
    opens.push({ kind: 'connection', seq: 0, conn, time: c.createdAt, url: c.url, protocols: c.protocol ? [c.protocol] : [], api: 'imported' });
    if (c.openedAt !== undefined || c.protocol) opens.push({ kind: 'open', seq: 0, conn, time: c.openedAt ?? c.createdAt, protocol: c.protocol, extensions: c.extensions });
    c.frames.forEach((f, i) => frames.push({ f, conn, c: ci, i }));
    if (c.close) closes.push({ kind: 'close', seq: 0, conn, time: c.closedAt ?? c.createdAt, ...c.close });
  });
  const ordered = frames.every((x) => x.f.order !== undefined);
  frames.sort((a, b) => (ordered ? a.f.order! - b.f.order! : 0) || a.f.time - b.f.time || a.c - b.c || a.i - b.i);
  let fseq = 0;
  const frameEvents = frames.map(({ f, conn }): CaptureEvent => ({ kind: 'frame', seq: 0, fseq: ++fseq, conn, time: f.time, dir: f.dir, opcode: f.opcode, data: f.data, size: f.size }));
  const events = [...opens, ...frameEvents, ...closes].map((e) => ({ ...e, seq: ++seq }));
  store.apply({ v: 1, type: 'backlog', docId, url: name, timeOrigin: 0, events, last: true, frameId: 0 });
  // A recording is over: a connection it holds no close for ends with its last frame, not now.
  const last = new Map<string, number>();
  for (const e of frameEvents) last.set(e.conn, e.time);
  for (const c of store.connections.values()) if (c.state !== 'closed') c.endedAt = last.get(c.id) ?? c.openedAt ?? c.createdAt;
}
