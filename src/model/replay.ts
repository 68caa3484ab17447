/**
 * Session replay, pure part: a recorded connection becomes steps (a sent frame, the delay
 * before it, and the responses recorded after it); responses are compared ignoring the
 * fields the user marks as volatile (timestamps, ids).
 */
import type { SessionFrame } from './session-io';

/** JSON fields that differ from run to run, relaxed by default when comparing (the user edits the list). */
export const DEFAULT_VOLATILE = 'ts, timestamp, time, id';

export interface ReplayStep { send: SessionFrame; delayMs: number; expected: SessionFrame[] }

export function replayPlan(frames: readonly SessionFrame[]): ReplayStep[] {
  const steps: ReplayStep[] = [];
  let lastTime: number | null = null;
  for (const f of frames) {
    if (f.dir === 'sent') {
      steps.push({ send: f, delayMs: lastTime === null ? 0 : Math.max(0, f.time - lastTime), expected: [] });
      lastTime = f.time;
    } else if (steps.length) {
      steps[steps.length - 1].expected.push(f);
    }
  }
  return steps;
}

/** Delay before a step for a timing mode: original, scaled by a speed factor, or none (step mode waits for the user). */
export function stepDelay(step: ReplayStep, mode: 'original' | 'scaled' | 'step', speed: number): number {
  if (mode === 'step') return 0;
  return mode === 'original' ? step.delayMs : step.delayMs / Math.max(0.01, speed);
}

/** JSON text with volatile keys (at any depth) removed, keys sorted; other text as is. */
export function normalize(data: string, volatile: readonly string[]): string {
  let value: unknown;
  try { value = JSON.parse(data); } catch { return data; }
  const drop = new Set(volatile);
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.keys(v).filter((k) => !drop.has(k)).sort().map((k) => [k, clean((v as Record<string, unknown>)[k])]));
  };
  return JSON.stringify(clean(value));
}

export interface ResponseRow { expected: string | null; actual: string | null; equal: boolean }

/** Pairs recorded and actual responses in order; a missing or extra response is a difference. */
export function compareResponses(expected: readonly string[], actual: readonly string[], volatile: readonly string[]): ResponseRow[] {
  const rows: ResponseRow[] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i] ?? null, a = actual[i] ?? null;
    rows.push({ expected: e, actual: a, equal: e !== null && a !== null && normalize(e, volatile) === normalize(a, volatile) });
  }
  return rows;
}

/**
 * Splits the responses received since the replay started among the steps, in order, by
 * how many each step had in the recording (extras go to the last step). Attributing by
 * arrival time would be wrong whenever an answer comes after the next send.
 */
export function splitResponses<T>(steps: readonly ReplayStep[], sent: number, responses: readonly T[]): T[][] {
  const out: T[][] = steps.map(() => []);
  let at = 0;
  for (let i = 0; i < steps.length && i < sent; i++) {
    const take = i === Math.min(sent, steps.length) - 1 ? responses.length - at : steps[i].expected.length;
    out[i] = responses.slice(at, at + take);
    at += take;
  }
  return out;
}
