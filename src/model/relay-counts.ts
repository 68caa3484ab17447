/**
 * The relays' counters (protocol/ports RelayCounters) as the panel keeps them: cumulative per
 * document, so the latest wins and none ever goes down; summed over documents since a Clear.
 */
import type { RelayCounters } from '../protocol/ports';

/** The relays' counters summed over documents, since the last Clear. */
export interface RelayCounts { forgottenConnections: number; clampedTimes: number; unreadablePayloads: number; rejected: Record<string, number> }

/** Per document: the relay's latest counters, and their values when the panel was last cleared. */
export interface CountedDocument { counters: RelayCounters | null; base: RelayCounters | null }

/** A late or resent message cannot undo a count. */
export function latestCounters(prev: RelayCounters | null, c: RelayCounters): RelayCounters {
  if (!prev) return { ...c, rejected: { ...c.rejected } };
  const rejected = { ...prev.rejected };
  for (const [reason, n] of Object.entries(c.rejected)) rejected[reason] = Math.max(rejected[reason] ?? 0, n);
  return {
    lastFseq: Math.max(prev.lastFseq, c.lastFseq),
    forgottenConnections: Math.max(prev.forgottenConnections, c.forgottenConnections),
    clampedTimes: Math.max(prev.clampedTimes, c.clampedTimes),
    unreadablePayloads: Math.max(prev.unreadablePayloads, c.unreadablePayloads),
    rejected,
  };
}

export function sumCounters(docs: Iterable<CountedDocument>): RelayCounts {
  const sum: RelayCounts = { forgottenConnections: 0, clampedTimes: 0, unreadablePayloads: 0, rejected: {} };
  for (const { counters: c, base: b } of docs) {
    if (!c) continue;
    sum.forgottenConnections += c.forgottenConnections - (b?.forgottenConnections ?? 0);
    sum.clampedTimes += c.clampedTimes - (b?.clampedTimes ?? 0);
    sum.unreadablePayloads += c.unreadablePayloads - (b?.unreadablePayloads ?? 0);
    for (const [reason, n] of Object.entries(c.rejected)) {
      const more = n - (b?.rejected[reason] ?? 0);
      if (more > 0) sum.rejected[reason] = (sum.rejected[reason] ?? 0) + more;
    }
  }
  return sum;
}
