/**
 * A recording as a script a stand-in server can play: per connection, in recorded order, what
 * the page is expected to send and what the server sent, with the delays between them. The
 * Playwright test and the mock server exports (mock-exports.ts) embed it with mock-runtime.ts.
 */
import type { Session } from './session-io';

export interface MockFrame { binary: boolean; /** text, or base64 for binary */ data: string }
export type MockStep =
  /** The page sends this frame (compared with volatile fields relaxed). */
  | { expect: MockFrame }
  /** The server sends this frame, `delayMs` after the previous step happened. */
  | { send: MockFrame; delayMs: number };
export interface MockConnection {
  url: string;
  /** pathname + search of the url: what a stand-in server on another host matches on. */
  path: string;
  protocol: string;
  steps: MockStep[];
  /** The server closed (or the page saw a close) this long after the last step. */
  close?: { code: number; reason: string; delayMs: number };
}
export interface MockScript {
  /** JSON keys whose values differ from run to run (ids, timestamps): ignored when comparing. */
  volatile: string[];
  connections: MockConnection[];
}

/** Frames the page had only a preview of cannot be played back whole: the script says which. */
export class TruncatedFramesError extends Error {}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

export function mockScript(session: Session, volatile: readonly string[]): MockScript {
  const connections = session.connections.map((c): MockConnection => {
    const steps: MockStep[] = [];
    let last = c.openedAt ?? c.createdAt;
    for (const f of c.frames) {
      if (f.truncated) throw new TruncatedFramesError(`a frame of ${c.url} is only a preview (${f.truncated}): load it whole before exporting`);
      const frame = { binary: f.opcode === 'binary', data: f.data };
      if (f.dir === 'sent') steps.push({ expect: frame });
      else steps.push({ send: frame, delayMs: Math.max(0, Math.round(f.time - last)) });
      last = f.time;
    }
    const close = c.close ? { code: c.close.code, reason: c.close.reason, delayMs: Math.max(0, Math.round((c.closedAt ?? last) - last)) } : undefined;
    return { url: c.url, path: pathOf(c.url), protocol: c.protocol, steps, ...(close ? { close } : {}) };
  });
  return { volatile: [...volatile], connections };
}
