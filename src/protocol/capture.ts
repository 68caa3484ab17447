/**
 * What the relay reports about one document's WebSockets, in the form that crosses
 * runtime messaging (JSON-safe: binary payloads travel as base64).
 */
export type Direction = 'sent' | 'received';
export type Opcode = 'text' | 'binary';

export interface ConnectionEvent {
  kind: 'connection'; seq: number; conn: string; time: number; url: string; protocols: string[]; api: string;
  /** Set when the page's url was too long to keep: `url` is its start (ending in '…'), this its full length. */
  urlLength?: number;
}
export interface OpenEvent { kind: 'open'; seq: number; conn: string; time: number; protocol: string; extensions: string }
export interface ErrorEvent { kind: 'error'; seq: number; conn: string; time: number; simulated?: true }
export interface CloseEvent { kind: 'close'; seq: number; conn: string; time: number; code: number; reason: string; wasClean: boolean; simulated?: true }
/** A panel command that could not be carried out. */
export interface NoticeEvent { kind: 'notice'; seq: number; conn: string; time: number; text: string }
export interface FrameEvent {
  kind: 'frame';
  seq: number;
  /** Frame sequence number: contiguous per document, so a gap means frames were evicted. */
  fseq: number;
  conn: string;
  time: number;
  dir: Direction;
  opcode: Opcode;
  /** Text as is; binary as base64. */
  data: string;
  /** Bytes on the wire (UTF-8 length for text). */
  size: number;
  /** Set when send() was called on a socket that was not OPEN: the browser discards the data. */
  discarded?: boolean;
  /** Only the start of the payload reached the panel (a frame larger than the runtime message limit allows); `size` is exact. */
  truncated?: true;
  /** Not the page's own traffic: sent from the panel, or an incoming message the panel simulated. */
  origin?: 'panel' | 'simulated';
  /** Not delivered: blocked by this rule (or dropped in the panel). */
  blocked?: string;
  /** Rewritten by `rule` (or edited in the panel) from this original text. */
  original?: string;
  rule?: string;
}

/**
 * The optional marks a frame carries from the hook to the panel. Every hop copies exactly these
 * (the panel's store builds its frames field by field): a new mark is added to FrameEvent and here.
 */
export const FRAME_MARKS = ['discarded', 'truncated', 'origin', 'blocked', 'original', 'rule'] as const satisfies ReadonlyArray<keyof FrameEvent>;
export type FrameMarks = Pick<FrameEvent, (typeof FRAME_MARKS)[number]>;

/** A frame on its way, before the panel: binary may still be an ArrayBuffer (relay backlog, structured-clone messaging). */
export type FrameOnTheWay = Omit<FrameEvent, 'data'> & { data: string | ArrayBuffer };

/** A frame held by a breakpoint until the panel forwards or drops it. */
export interface PausedEvent { kind: 'paused'; seq: number; conn: string; time: number; pauseId: number; dir: Direction; opcode: Opcode; data: string; size: number }
export interface ResolvedEvent { kind: 'resolved'; seq: number; conn: string; time: number; pauseId: number; action: 'forward' | 'drop' | 'timeout' }

export type LifecycleEvent = ConnectionEvent | OpenEvent | ErrorEvent | CloseEvent | NoticeEvent | PausedEvent | ResolvedEvent;
export type CaptureEvent = LifecycleEvent | FrameEvent;
