/**
 * Request latencies of a recording beside those of its replay (issue 15: pairing in session-replay
 * comparisons): each side's frames are decoded in order, paired, and summed up per method. Pure.
 */
import { decodeFrame, frameInput, type ConnectionInfo } from '../decode';
import type { Direction, Opcode } from '../protocol/capture';
import { compareStats, pairFrames, pairHintsOf, type StatsComparison } from './pairing';

export interface TimedFrame { time: number; dir: Direction; opcode: Opcode; /** text, or base64 for binary */ data: string }

/** Per-method counts and latencies of one connection's frames (in order), "now" being its last frame. */
export function methodStats(frames: readonly TimedFrame[], connection: ConnectionInfo, timeoutMs: number) {
  const session = new Map<string, unknown>();
  const pairing = pairFrames(frames.map((f, id) => ({
    id, conn: 'c', dir: f.dir, time: f.time,
    hints: pairHintsOf(decodeFrame({ ...frameInput(f, connection, session), reassemble: true }, undefined, { fallback: false })),
  })));
  return pairing.stats(frames.length ? frames[frames.length - 1].time : 0, timeoutMs);
}

/** The recording's and the replay's methods side by side (a: recorded, b: replayed). */
export function compareLatencies(recorded: readonly TimedFrame[], replayed: readonly TimedFrame[], connection: ConnectionInfo, timeoutMs: number): StatsComparison[] {
  return compareStats(methodStats(recorded, connection, timeoutMs), methodStats(replayed, connection, timeoutMs));
}
