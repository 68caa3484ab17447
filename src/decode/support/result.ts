/** Small constructors for decode results, and the handshake-based affinity most decoders share. */
import type { ConnectionInfo, DecodeFailure, DecodeOk, PairHint } from '../types';
import { ReadError } from './byte-reader';
import { clip } from './preview';

export function ok(format: string, summary: string, tree: unknown, nested?: DecodeOk | DecodeFailure | null): DecodeOk {
  const result: DecodeOk = { ok: true, format, summary: clip(summary), tree };
  if (nested) result.nested = nested;
  return result;
}

/** The result with pairing hints attached (none when the list is empty). */
export function withPairs(result: DecodeOk, pairs: (PairHint | null | undefined)[]): DecodeOk {
  const present = pairs.filter((p): p is PairHint => !!p);
  if (present.length) result.pairs = present;
  return result;
}

export function fail(format: string, error: string): DecodeFailure {
  return { ok: false, format, error };
}

/** A failure from an exception: reader errors already say where; anything else says what. */
export function failFrom(format: string, error: unknown): DecodeFailure {
  if (error instanceof ReadError) return fail(format, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return fail(format, clip(message, 300));
}

export interface AffinityRule {
  /** Subprotocols that name this format. */
  protocols?: readonly string[];
  /** A url pattern typical for this format's servers. */
  url?: RegExp;
}

/**
 * 1 when the server negotiated one of the format's subprotocols, 0.6 when the page asked for one
 * but the server answered without one, 0.5 when the url looks like the format's endpoint.
 */
export function affinityFrom(rule: AffinityRule, connection: ConnectionInfo): number {
  const protocols = rule.protocols ?? [];
  if (connection.protocol && protocols.includes(connection.protocol.toLowerCase())) return 1;
  if (!connection.protocol && connection.protocols.some((p) => protocols.includes(p.toLowerCase()))) return 0.6;
  if (rule.url && rule.url.test(urlPath(connection.url))) return 0.5;
  return 0;
}

/** Path and query of a url, without scheme and host (so a host name cannot match a path rule). */
export function urlPath(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  return match ? url.slice(match[0].length) : url;
}
