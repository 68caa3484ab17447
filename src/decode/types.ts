/**
 * The one interface every decoder implements. Decoders are pure: bytes and the connection's
 * handshake in, a JSON-safe result out. No browser APIs, no UI, no shared state.
 */
import type { Direction } from '../protocol/capture';

/** What the handshake told us about the connection. */
export interface ConnectionInfo {
  url: string;
  /** Subprotocol the server chose (`Sec-WebSocket-Protocol`), '' when none. */
  protocol: string;
  /** Subprotocols the page asked for. */
  protocols: string[];
}

export interface DecodeInput {
  /** The payload: UTF-8 of a text frame, or a binary frame's bytes. */
  bytes: Uint8Array;
  /** The text of a text frame; null for binary frames. */
  text: string | null;
  dir: Direction;
  connection: ConnectionInfo;
  /**
   * Facts learned from earlier frames of the same connection (e.g. the MQTT version from CONNECT).
   * Optional: a caller that decodes a connection's frames in order may keep one Map per connection.
   * Decoding is correct without it but some binary protocols become ambiguous.
   */
  session?: Map<string, unknown>;
}

export interface DecodeContext {
  /**
   * True when nothing but the payload chose this decoder (no negotiated protocol, url or user
   * choice): return null unless the payload is clearly this format.
   */
  guessing: boolean;
  /**
   * Decodes an embedded payload (a STOMP body, an MQTT payload, base64-wrapped bytes) by its
   * content, one level deeper. Returns null when nesting is too deep or nothing fits.
   */
  decodeInner(payload: Uint8Array | string): DecodeResult;
}

export interface DecodeOk {
  ok: true;
  /** Id of the decoder that produced this result. */
  format: string;
  /** One line, at most ~200 characters, for the frames table. */
  summary: string;
  /** The decoded value for a tree view; JSON-safe (no bigint, undefined, NaN, cycles, bytes). */
  tree: unknown;
  /** The decoded payload this frame carries, when it wraps exactly one (base64 → bytes → msgpack). */
  nested?: DecodeOk | DecodeFailure;
}

export interface DecodeFailure {
  ok: false;
  format: string;
  /** What is wrong and where (byte offset or position). */
  error: string;
}

/** null means "not this format". */
export type DecodeResult = DecodeOk | DecodeFailure | null;

export interface Decoder {
  id: string;
  label: string;
  /** 0..1: how likely this format is from the handshake alone (negotiated protocol, url). */
  affinity(connection: ConnectionInfo): number;
  /** Never throws: a broken payload is `{ ok: false }`, another format is null. */
  decode(input: DecodeInput, context: DecodeContext): DecodeResult;
}
