/**
 * Full payloads of big frames, fetched from the page on demand (details views that need more
 * than the preview, copy, export, replay) and kept in a small cache, so the panel's memory
 * holds previews, not every 32 MB frame it ever showed. `Payloads` belongs to the panel's state
 * (see state.ts), with the link to the capture it fetches through.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Connection, Frame } from '../model/capture-store';
import { fetchFullPayload, PayloadUnavailable } from '../model/payload-fetch';
import type { Opcode } from '../protocol/capture';
import { utf8Length } from '../model/bytes';
import type { Session, SessionConnection, SessionFrame } from '../model/session-io';
import type { CaptureLink } from './capture-link';

/** The most payload text the cache keeps (the latest fetched payloads stay). */
const CACHE_CHARS = 96 * 1024 * 1024;

/** Where a truncated frame's payload lives: its document's relay, in a frame of the inspected tab. */
export interface PayloadRef { conn: string; fseq: number; frameId: number; opcode: Opcode; preview: string }

const keyOf = (ref: PayloadRef) => `${ref.conn}#${ref.fseq}`;

/** The reference to fetch a frame's full payload with, or null when the panel has it all. */
export function refOf(frame: Frame, connection: Connection | undefined): PayloadRef | null {
  if (!frame.truncated || frame.fseq === undefined || !connection) return null;
  return { conn: frame.conn, fseq: frame.fseq, frameId: connection.frameId, opcode: frame.opcode, preview: frame.data };
}

export class Payloads {
  private link: Pick<CaptureLink, 'fetchRange'> | null = null;
  private cache = new Map<string, string>();
  private inFlight = new Map<string, Promise<string>>();

  setLink(link: Pick<CaptureLink, 'fetchRange'> | null): void { this.link = link; }

  cached(ref: PayloadRef): string | undefined {
    return this.cache.get(keyOf(ref));
  }

  private remember(key: string, data: string): void {
    const cache = this.cache;
    cache.delete(key);
    cache.set(key, data);
    let chars = 0;
    for (const v of cache.values()) chars += v.length;
    for (const [k, v] of cache) {
      if (chars <= CACHE_CHARS || k === key) break;
      cache.delete(k);
      chars -= v.length;
    }
  }

  /** Fetches (once, however many ask) a frame's full payload: text, or base64 for binary. Throws PayloadUnavailable. */
  load(ref: PayloadRef, onProgress?: (done: number, total: number) => void): Promise<string> {
    const key = keyOf(ref);
    const hit = this.cache.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    let running = this.inFlight.get(key);
    if (!running) {
      const docId = ref.conn.slice(0, ref.conn.lastIndexOf(':'));
      const from = this.link;
      running = from
        ? fetchFullPayload(ref.opcode, ref.preview, (offset, length) => from.fetchRange({ frameId: ref.frameId, docId, fseq: ref.fseq, offset, length }), onProgress)
        : Promise.reject(new PayloadUnavailable('not connected to the inspected page'));
      running = running.then((data) => { this.remember(key, data); return data; }).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    return running;
  }

  /** The frame with its whole payload (itself when the panel already has it all). */
  async completeFrame(frame: Frame, connection: Connection | undefined): Promise<Frame> {
    const ref = refOf(frame, connection);
    if (!ref) return frame;
    const data = await this.load(ref);
    const { truncated: _t, fseq: _f, ...rest } = frame;
    return { ...rest, data };
  }

  /**
   * A session with every big frame's whole payload fetched from the page, one after the other.
   * A payload the page no longer holds stays a preview, and its `truncated` says so in words.
   */
  async completeSession(session: Session, onProgress?: (done: number, total: number) => void): Promise<{ session: Session; missing: number }> {
    const total = session.connections.reduce((n, c) => n + c.frames.filter((f) => f.ref).length, 0);
    let done = 0, missing = 0;
    const connections: SessionConnection[] = [];
    for (const c of session.connections) {
      const frames: SessionFrame[] = [];
      for (const f of c.frames) {
        if (!f.ref) { frames.push(f); if (f.truncated) missing++; continue; }
        const { ref, truncated: _t, ...rest } = f;
        try {
          frames.push({ ...rest, data: await this.load({ ...ref, opcode: f.opcode, preview: f.data }) });
        } catch (e) {
          missing++;
          const have = f.opcode === 'text' ? utf8Length(f.data) : Math.floor((f.data.length * 3) / 4);
          frames.push({ ...rest, truncated: `the whole ${f.size}-byte payload could not be fetched from the page (${(e as Error).message}): data holds only its first ${have} bytes` });
        }
        onProgress?.(++done, total);
      }
      connections.push({ ...c, frames });
    }
    return { session: { connections }, missing };
  }
}

export interface FullPayload {
  /** The frame as the views should show it: with the full payload once loaded. */
  frame: Frame;
  /** Only a preview is at hand (not loaded yet, loading, or unavailable). */
  partial: boolean;
  progress: { done: number; total: number } | null;
  error: string | null;
  load(): void;
}

/** The details pane's handle on one frame's full payload. */
export function useFullPayload(payloads: Payloads, frame: Frame, connection: Connection | undefined): FullPayload {
  const ref = refOf(frame, connection);
  const [data, setData] = useState<string | null>(() => (ref ? payloads.cached(ref) ?? null : null));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => () => { alive.current = false; }, []);
  const full = useMemo(() => {
    if (data === null) return frame;
    const { truncated: _t, fseq: _f, ...rest } = frame;
    return { ...rest, data };
  }, [frame, data]);
  const load = () => {
    if (!ref || data !== null || progress) return;
    setError(null);
    setProgress({ done: 0, total: 0 });
    payloads.load(ref, (done, total) => { if (alive.current) setProgress({ done, total }); }).then(
      (d) => { if (alive.current) { setData(d); setProgress(null); } },
      (e) => { if (alive.current) { setError((e as Error).message); setProgress(null); } },
    );
  };
  return { frame: full, partial: !!frame.truncated && data === null, progress, error, load };
}

