/**
 * A capture as plain data, for export and import: connections with their frames. Both the
 * HAR and NDJSON formats convert to and from this; the panel loads it into a read-only store.
 */
import type { Direction, Opcode } from '../protocol/capture';
import type { CaptureStore, Connection, Frame } from './capture-store';

export interface SessionFrame {
  time: number; dir: Direction; opcode: Opcode; /** text, or base64 for binary */ data: string; size: number;
  /** `data` is only the start of the payload: why (exports say so next to the data). */
  truncated?: string;
  /** A big frame the panel has a preview of: where the page keeps the whole payload (never exported). */
  ref?: { conn: string; fseq: number; frameId: number };
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
    const frame: SessionFrame = { time: f.time, dir: f.dir, opcode: f.opcode, data: f.data, size: f.size };
    if (f.truncated) {
      frame.truncated = 'only a preview reached the panel';
      if (f.fseq !== undefined) frame.ref = { conn: f.conn, fseq: f.fseq, frameId: c.frameId };
    }
    connectionOf(c).frames.push(frame);
  }
  return { connections: [...byConn.values()].filter((c) => c.frames.length || frames === store.frames) };
}

/** Loads a session into an empty store, as one read-only document. */
export function loadSession(store: CaptureStore, session: Session, name: string): void {
  store.clear();
  const docId = `import-${name}`;
  let seq = 0;
  const opening: import('../protocol/capture').CaptureEvent[] = [];
  const closing: import('../protocol/capture').CaptureEvent[] = [];
  const frames: Array<{ conn: string; f: SessionFrame }> = [];
  session.connections.forEach((c, i) => {
    const conn = `${docId}:${i + 1}`;
    opening.push({ kind: 'connection', seq: ++seq, conn, time: c.createdAt, url: c.url, protocols: c.protocol ? [c.protocol] : [], api: 'imported' });
    if (c.openedAt !== undefined || c.protocol) opening.push({ kind: 'open', seq: ++seq, conn, time: c.openedAt ?? c.createdAt, protocol: c.protocol, extensions: c.extensions });
    for (const f of c.frames) frames.push({ conn, f });
    if (c.close) closing.push({ kind: 'close', seq: ++seq, conn, time: c.closedAt ?? c.createdAt, ...c.close });
  });
  // Numbered after sorting: the store takes frame numbers in order (a lower number is a duplicate).
  frames.sort((a, b) => a.f.time - b.f.time);
  const frameEvents = frames.map(({ conn, f }, i) => ({ kind: 'frame' as const, seq: ++seq, fseq: i + 1, conn, time: f.time, dir: f.dir, opcode: f.opcode, data: f.data, size: f.size }));
  store.apply({ v: 1, type: 'backlog', docId, url: name, timeOrigin: 0, events: [...opening, ...frameEvents, ...closing], last: true, frameId: 0 });
}
