/**
 * Chooses a decoder for a frame and runs it:
 *
 * 1. a decoder the user picked for the connection (`override`), whatever it says;
 * 2. decoders the handshake points to (negotiated subprotocol, then url), by affinity — when the
 *    server negotiated the format's subprotocol its answer stands even if it is an error;
 * 3. the payload itself: each decoder in `guessOrder` is asked in guessing mode (claim only what is
 *    clearly yours); the first success wins;
 * 4. plain text for text frames, a hex dump for binary ones.
 *
 * Stateless by design (frames may be decoded in any order): a socket.io binary attachment
 * arrives as its own frame after the packet that announces it, and is described as a binary
 * attachment without being joined to its packet.
 */
import type { Decoder, DecodeContext, DecodeInput, DecodeResult } from './types';
import { allDecoders, guessOrder } from './registry';
import { fail } from './support/result';
import { encodeUtf8 } from './support/utf8';
import { hexDecoder } from './decoders/hex';
import { textDecoder } from './decoders/text';

/** Frames inside frames (base64 → msgpack, SockJS → STOMP → JSON) stop after this many levels. */
const MAX_NESTING = 4;

export interface DecoderInfo { id: string; label: string }

/** Every registered decoder, for the per-connection "decode as" menu. */
export function listDecoders(): DecoderInfo[] {
  return allDecoders.map(({ id, label }) => ({ id, label }));
}

export function findDecoder(id: string): Decoder | undefined {
  return allDecoders.find((d) => d.id === id);
}

export interface DecodeOptions {
  /**
   * false: null instead of the plain-text / hex-dump fallback (step 4) when nothing else fits —
   * for a one-line summary, where the fallback (a hex dump of the whole payload) is wasted work.
   */
  fallback?: boolean;
}

/** Decodes one frame; `override` is a decoder id (or a decoder, e.g. a protobuf schema) the user chose. */
export function decodeFrame(input: DecodeInput, override?: string | Decoder, options: DecodeOptions = {}): DecodeResult {
  return decodeAt(input, override, 0, options.fallback ?? true);
}

function decodeAt(input: DecodeInput, override: string | Decoder | undefined, depth: number, fallback = true): DecodeResult {
  if (override !== undefined) return decodeWith(input, override, depth);
  const byHandshake = allDecoders
    .map((decoder) => ({ decoder, affinity: decoder.affinity(input.connection) }))
    .filter((c) => c.affinity > 0)
    .sort((a, b) => b.affinity - a.affinity);
  for (const { decoder, affinity } of byHandshake) {
    const result = run(decoder, input, context(input, false, depth));
    if (result?.ok || (result && affinity >= 1)) return result;
  }
  return decodeByContent(input, depth, fallback);
}

function decodeWith(input: DecodeInput, override: string | Decoder, depth: number): DecodeResult {
  const decoder = typeof override === 'string' ? findDecoder(override) : override;
  if (!decoder) return fail(String(override), `no decoder named ${JSON.stringify(override)}`);
  return run(decoder, input, context(input, false, depth)) ?? fail(decoder.id, `this frame is not ${decoder.label}`);
}

function decodeByContent(input: DecodeInput, depth: number, fallback = true): DecodeResult {
  const guessing = context(input, true, depth);
  for (const decoder of guessOrder) {
    const result = run(decoder, input, guessing);
    if (result?.ok) return result;
  }
  if (!fallback) return null;
  return run(input.text !== null ? textDecoder : hexDecoder, input, context(input, false, depth));
}

function context(input: DecodeInput, guessing: boolean, depth: number): DecodeContext {
  return {
    guessing,
    decodeInner: (payload) => (depth + 1 >= MAX_NESTING ? null : decodeByContent(innerInput(input, payload), depth + 1)),
  };
}

/** A payload found inside a frame, decoded like a frame of the same connection (minus its session). */
function innerInput(outer: DecodeInput, payload: Uint8Array | string): DecodeInput {
  const text = typeof payload === 'string' ? payload : null;
  return { bytes: text === null ? (payload as Uint8Array) : encodeUtf8(text), text, dir: outer.dir, connection: outer.connection };
}

/** Decoders promise not to throw; this keeps one bug from breaking the whole table if one does. */
function run(decoder: Decoder, input: DecodeInput, ctx: DecodeContext): DecodeResult {
  try {
    return decoder.decode(input, ctx);
  } catch (e) {
    return fail(decoder.id, `decoder failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
