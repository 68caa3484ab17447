/**
 * Heartbeat/noise detection: short text payloads that repeat identically (Engine.IO `2`/`3`,
 * `ping`/`pong`, `{"type":"ping"}`) are learned from the frames themselves.
 */
import type { Frame } from './capture-store';

const MAX_NOISE_LENGTH = 48;
const MIN_REPEATS = 3;
const SAMPLE = 20_000;

/** Payloads repeated at least MIN_REPEATS times among the latest frames, most frequent first. */
export function learnNoise(frames: readonly Frame[]): string[] {
  const counts = new Map<string, number>();
  for (let i = Math.max(0, frames.length - SAMPLE); i < frames.length; i++) {
    const f = frames[i];
    if (f.opcode !== 'text' || f.data.length > MAX_NOISE_LENGTH) continue;
    counts.set(f.data, (counts.get(f.data) ?? 0) + 1);
  }
  return [...counts].filter(([payload, n]) => n >= MIN_REPEATS && looksLikeHeartbeat(payload)).sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

/** Short control-like payloads; excludes ordinary chat-like repeated text such as "hello". */
function looksLikeHeartbeat(payload: string): boolean {
  if (/^\d{1,2}$/.test(payload)) return true; // Engine.IO ping/pong packets
  if (/\b(ping|pong|heartbeat|hb|keep-?alive|ka)\b/i.test(payload)) return true;
  return payload === '' || payload === '\n' || payload === 'h'; // STOMP heart-beat, SockJS heartbeat
}
