/**
 * Messages on the extension's runtime ports: relay ⇄ background ⇄ panel.
 * Every message carries `v` (protocol version) and a literal `type`.
 */
import type { FrameOnTheWay, LifecycleEvent } from './capture';
import { isPackedEvents, type PackedEvents } from './packed';

export const PROTOCOL_VERSION = 1;
export const RELAY_PORT = 'wsinspect-relay';
export const PANEL_PORT = 'wsinspect-panel';

/** Per document: the highest frame sequence number the panel already has. */
export type SinceMap = Record<string, number>;

export interface DocumentInfo { docId: string; url: string; timeOrigin: number }

/**
 * A frame as it crosses the runtime ports: a binary payload is an ArrayBuffer where messages
 * are structured clones (Firefox; Chrome with `"message_serialization": "structured_clone"`),
 * else base64 like in `FrameEvent`.
 */
export type WireFrame = FrameOnTheWay;
export type WireEvent = LifecycleEvent | WireFrame;

/**
 * What a relay knows it could not capture or keep for its document, cumulative since the
 * document started (a receiver takes the latest, never adds them up). Attached to the last
 * message of each flush and of each backlog: every frame numbered up to `lastFseq` was sent
 * before it, or is gone.
 */
export interface RelayCounters {
  /** The last frame number the relay gave out (frames are numbered 1, 2, … per document). */
  lastFseq: number;
  /** Closed connections the page's backlog forgot (connection cap) before a panel received them. */
  forgottenConnections: number;
  /** Messages from the page world refused, by reason. */
  rejected: Record<string, number>;
  /** Events whose time was not finite or not within the document's lifetime: given the relay's clock instead. */
  clampedTimes: number;
  /** Frames whose payload (a Blob) could not be read: kept, shown empty. */
  unreadablePayloads: number;
}

export function isRelayCounters(c: unknown): c is RelayCounters {
  if (typeof c !== 'object' || c === null) return false;
  const o = c as Record<string, unknown>;
  const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  return count(o.lastFseq) && count(o.forgottenConnections) && count(o.clampedTimes) && count(o.unreadablePayloads)
    && typeof o.rejected === 'object' && o.rejected !== null && Object.values(o.rejected).every(count);
}

/**
 * relay → background; `events` hold whatever a relay flushed since its last message (batched
 * in time), packed where messages are structured clones (see packed.ts).
 */
export type RelayMessage =
  | ({ v: 1; type: 'hello' } & DocumentInfo)
  | ({ v: 1; type: 'backlog'; events: WireEvent[] | PackedEvents; counters?: RelayCounters; last: boolean } & DocumentInfo)
  | { v: 1; type: 'events'; docId: string; events: WireEvent[] | PackedEvents; counters?: RelayCounters };

/** background → relay (through tabs.sendMessage or the relay's port) */
export type RelayCommand = { v: 1; type: 'sync'; since: SinceMap } | { v: 1; type: 'unsync' };

/** panel → background */
export type PanelRequest = { v: 1; type: 'subscribe'; tabId: number; since: SinceMap };

/** background → panel: what a relay reported, tagged with the frame it came from. */
export type PanelMessage = (Exclude<RelayMessage, { type: 'hello' }> & { frameId: number }) | HandshakeMessage;

/**
 * background → panel: the browser saw a WebSocket handshake in the tab (webRequest). The
 * panel matches it with captured connections: one without a match was opened where the hook
 * cannot reach (a worker), and its frames are not captured.
 */
export interface HandshakeMessage { v: 1; type: 'handshake'; url: string; time: number; frameId: number }

export function isRelayCommand(m: unknown): m is RelayCommand {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.v !== PROTOCOL_VERSION) return false;
  if (o.type === 'unsync') return true;
  return o.type === 'sync' && typeof o.since === 'object' && o.since !== null;
}

export function isPanelRequest(m: unknown): m is PanelRequest {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  return o.v === PROTOCOL_VERSION && o.type === 'subscribe' && Number.isInteger(o.tabId)
    && typeof o.since === 'object' && o.since !== null;
}

export function isRelayMessage(m: unknown): m is RelayMessage {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.v !== PROTOCOL_VERSION || typeof o.docId !== 'string') return false;
  if (o.type === 'hello') return typeof o.url === 'string';
  // `counters` is checked where it is read (capture-store): a bad one must not cost the events.
  return (o.type === 'backlog' || o.type === 'events') && (Array.isArray(o.events) || isPackedEvents(o.events));
}

/** panel → background → relay: act on one connection (`conn` = docId:id). */
export type CommandRequest = { v: 1; type: 'command'; tabId: number; frameId: number; conn: string; command: import('./commands').SocketCommand };

export function isCommandRequest(m: unknown): m is CommandRequest {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  return o.v === PROTOCOL_VERSION && o.type === 'command' && Number.isInteger(o.tabId) && Number.isInteger(o.frameId)
    && typeof o.conn === 'string' && /^[0-9a-f-]{36}:\d+$/.test(o.conn) && typeof o.command === 'object' && o.command !== null;
}

/** panel → background → every frame of the tab: rules and breakpoint for the whole tab, or release all held frames. */
export type TabConfigRequest =
  | { v: 1; type: 'configure'; tabId: number; rules: import('./rules').Rule[]; intercept: import('./rules').InterceptConfig | null }
  | { v: 1; type: 'release-all'; tabId: number };

export function isTabConfigRequest(m: unknown): m is TabConfigRequest {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  return o.v === PROTOCOL_VERSION && (o.type === 'configure' || o.type === 'release-all') && Number.isInteger(o.tabId);
}
