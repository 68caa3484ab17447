/**
 * Request latencies of a recording beside those of its replay (issue 15: pairing in session-replay
 * comparisons): each side's frames are paired in order and summed up per method. Pure: the frames'
 * request ids come from `hintsOf` (the panel's decoding, with the user's decoder choice).
 */
import type { PairHint } from '../decode/types';
import type { Direction, Opcode } from '../protocol/capture';
import { compareStats, pairFrames, type StatsComparison } from './pairing';

export interface TimedFrame { time: number; dir: Direction; opcode: Opcode; /** text, or base64 for binary */ data: string }

/** A frame's request ids; `session` is its connection's (decoders keep what earlier frames told them there). */
export type TimedHintsOf = (frame: TimedFrame, session: Map<string, unknown>) => readonly PairHint[];

/** Per-method counts and latencies of one connection's frames (in order), "now" being its last frame. */
export function methodStats(frames: readonly TimedFrame[], hintsOf: TimedHintsOf, timeoutMs: number) {
  const session = new Map<string, unknown>();
  const pairing = pairFrames(frames.map((f, id) => ({ id, conn: 'c', dir: f.dir, time: f.time, hints: hintsOf(f, session) })));
  return pairing.stats(frames.length ? frames[frames.length - 1].time : 0, timeoutMs);
}

/** The recording's and the replay's methods side by side (a: recorded, b: replayed). */
export function compareLatencies(recorded: readonly TimedFrame[], replayed: readonly TimedFrame[], hintsOf: TimedHintsOf, timeoutMs: number): StatsComparison[] {
  return compareStats(methodStats(recorded, hintsOf, timeoutMs), methodStats(replayed, hintsOf, timeoutMs));
}
