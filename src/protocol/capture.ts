/**
 * What the relay reports about one document's WebSockets, in the form that crosses
 * runtime messaging (JSON-safe: binary payloads travel as base64).
 */
export type Direction = 'sent' | 'received';
export type Opcode = 'text' | 'binary';

export interface ConnectionEvent { kind: 'connection'; seq: number; conn: string; time: number; url: string; protocols: string[]; api: string }
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
  /** Not the page's own traffic: sent from the panel, or an incoming message the panel simulated. */
  origin?: 'panel' | 'simulated';
}

export type LifecycleEvent = ConnectionEvent | OpenEvent | ErrorEvent | CloseEvent | NoticeEvent;
export type CaptureEvent = LifecycleEvent | FrameEvent;
