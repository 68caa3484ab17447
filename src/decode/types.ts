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
  /**
   * The caller feeds every frame of the connection, in order, with its session (request pairing
   * does): a message split across frames may be put back together and read whole from the frame
   * that completes it (MQTT). Without it every frame is described on its own.
   */
  reassemble?: boolean;
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
  /**
   * What this frame is in a request/response exchange, for `src/model/pairing.ts`: one hint per
   * message that has a request id (a batch or a frame of several records may have several).
   */
  pairs?: PairHint[];
}

/**
 * A message's place in an exchange. Keys are scoped per connection, per `family` and per side:
 * a request opens an exchange under its key for the side that sent it; the other messages name
 * the same key and are matched to an exchange opened by the other side (`by: 'responder'`, the
 * default) or by the same side (`by: 'requester'`: a GraphQL client's `complete`, MQTT PUBREL).
 */
export interface PairHint {
  /** Protocol family: 'jsonrpc', 'graphql', 'socketio', 'stomp', 'mqtt', 'signalr', 'phoenix', 'ddp', 'wamp', … */
  family: string;
  /** The id request and answers share (`${namespace}#${ackId}`, a JSON-RPC id as JSON, …). */
  key: string;
  /**
   * request: opens an exchange; response: the one answer, closes it; stream: one of several
   * answers (GraphQL `next`, a SignalR StreamItem), keeps it open; end: closes a stream.
   */
  role: 'request' | 'response' | 'stream' | 'end';
  /** Who sends this message, when not the default for its role (requester for request, else responder). */
  by?: 'requester' | 'responder';
  /** On requests: what is asked for, for per-method counts (`eth_getBalance`, `query Hello`, `SUBSCRIBE`). */
  method?: string;
  /**
   * On requests: answers come as a stream until an `end` (a GraphQL operation, a tRPC
   * subscription). Otherwise the first answer, `response` or `stream`, closes the exchange.
   */
  stream?: boolean;
  /** On answers: the request failed (JSON-RPC error, GraphQL errors, STOMP ERROR, MQTT reason ≥ 0x80). */
  error?: boolean;
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
