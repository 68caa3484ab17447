/**
 * Plays one recorded connection (mock-script.ts) against a live page's socket: the server's
 * frames at their recorded delays, each one after the page frames recorded before it; the page's
 * frames checked against the recording with volatile JSON fields relaxed (as session replay
 * compares). Self-contained on purpose: the exports embed its source text (`String(playRecording)`)
 * in a file that runs without wsinspect, so it may use nothing outside its own body.
 */
import type { MockConnection, MockFrame } from './mock-script';

export interface MockIo {
  send(frame: MockFrame): void;
  /** Closes the socket; `code` is left out where a server may not send it (1005, 1006, 1015). */
  close(code?: number, reason?: string): void;
  /** Every frame the page sends, in order. */
  onMessage(handler: (frame: MockFrame) => void): void;
}
export interface Mismatch { step: number; expected: string | null; actual: string }
export interface Playback { done(): boolean; mismatches(): Mismatch[]; waitingFor(): string }

export function playRecording(conn: MockConnection, io: MockIo, volatile: readonly string[], speed = 1): Playback {
  const drop = new Set(volatile);
  const normalize = (f: MockFrame): string => {
    if (f.binary) return `binary:${f.data}`;
    let value: unknown;
    try { value = JSON.parse(f.data); } catch { return f.data; }
    const clean = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(clean);
      if (typeof v !== 'object' || v === null) return v;
      return Object.fromEntries(Object.keys(v).filter((k) => !drop.has(k)).sort().map((k) => [k, clean((v as Record<string, unknown>)[k])]));
    };
    return JSON.stringify(clean(value));
  };
  const show = (f: MockFrame) => (f.binary ? `binary ${f.data}` : f.data);
  const mismatches: Mismatch[] = [];
  const received: MockFrame[] = [];
  let at = 0;
  let finished = false;
  let waiting = false;

  const step = (): void => {
    waiting = false;
    while (at < conn.steps.length) {
      const s = conn.steps[at];
      if ('expect' in s) {
        const got = received.shift();
        if (!got) { waiting = true; return; }
        if (normalize(got) !== normalize(s.expect)) mismatches.push({ step: at, expected: show(s.expect), actual: show(got) });
        at++;
        continue;
      }
      at++;
      setTimeout(() => { io.send(s.send); step(); }, s.delayMs / speed);
      return;
    }
    const close = conn.close;
    if (!close) { finished = true; return; }
    setTimeout(() => {
      const sendable = close.code === 1000 || (close.code >= 3000 && close.code <= 4999) || (close.code > 1000 && close.code < 1015 && close.code !== 1004 && close.code !== 1005 && close.code !== 1006);
      if (sendable) io.close(close.code, close.reason); else io.close();
      finished = true;
    }, close.delayMs / speed);
  };

  io.onMessage((frame) => {
    if (at >= conn.steps.length) { mismatches.push({ step: at, expected: null, actual: show(frame) }); return; }
    received.push(frame);
    if (waiting) step();
  });
  step();

  return {
    done: () => finished && received.length === 0,
    mismatches: () => mismatches.slice(),
    waitingFor: () => {
      const s = conn.steps[at];
      if (finished) return 'nothing';
      return s && 'expect' in s ? `the page to send step ${at + 1}: ${show(s.expect)}` : `step ${at + 1} of ${conn.steps.length}`;
    },
  };
}
