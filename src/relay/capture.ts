/**
 * Turns validated hook messages into capture events for one document, in order.
 * Blob payloads are read asynchronously; events queue behind a pending Blob so that
 * order is kept.
 */
import type { LifecycleEvent } from '../protocol/capture';
import type { HookMessage } from '../protocol/hook';
import { bytesToBase64, utf8Length, utf8LengthPaced } from '../model/bytes';
import type { StoredFrame } from './backlog';

function isArrayBuffer(v: unknown): v is ArrayBuffer {
  return Object.prototype.toString.call(v) === '[object ArrayBuffer]';
}

export type Captured = LifecycleEvent | StoredFrame;

/** Text longer than this has its UTF-8 length counted a slice per task. */
const PACED_ABOVE = 2 * 1024 * 1024;

/**
 * Yields the thread until a next task. Not setTimeout: a background tab's timers are throttled
 * to one a second (Firefox), which would hold up capture for a minute. A private channel's
 * messages are not throttled, and the page cannot see them.
 */
let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];
function nextTask(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise<void>((resolve) => { waiting.push(resolve); port.postMessage(0); });
}

export class CaptureSequencer {
  private seq = 0;
  private fseq = 0;
  /** Frames whose Blob payload could not be read: kept, empty (size 0), and counted. */
  unreadable = 0;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private docId: string, private emit: (event: Captured) => void) {}

  /** Resolves once every event pushed so far was emitted (Blob payloads read). */
  settled(): Promise<void> { return this.queue; }

  /** The last frame number given out (0: none yet). */
  get lastFseq(): number { return this.fseq; }

  push(m: HookMessage): void {
    const data = m.k === 'send' || m.k === 'message' || m.k === 'paused' ? m.data : undefined;
    const isBlob = typeof data === 'object' && !isArrayBuffer(data);
    const isLongText = typeof data === 'string' && data.length > PACED_ABOVE && m.k !== 'paused';
    if (this.pending === 0 && !isBlob && !isLongText) {
      this.emit(this.convert(m, data as string | ArrayBuffer | undefined));
      return;
    }
    this.pending++;
    const bytes = isBlob ? (data as Blob).arrayBuffer() : Promise.resolve(data as string | ArrayBuffer | undefined);
    // The UTF-8 length of long text is counted over several tasks (later events wait their turn).
    const textSize = isLongText ? utf8LengthPaced(data as string, nextTask) : undefined;
    this.queue = this.queue.then(async () => {
      let resolved: string | ArrayBuffer | undefined;
      try { resolved = await bytes; } catch { resolved = new ArrayBuffer(0); this.unreadable++; }
      const size = await textSize;
      this.pending--;
      this.emit(this.convert(m, resolved, size));
    });
  }

  private convert(m: HookMessage, data: string | ArrayBuffer | undefined, textSize?: number): Captured {
    const conn = `${this.docId}:${m.id}`;
    const base = { seq: ++this.seq, conn, time: m.t };
    switch (m.k) {
      case 'new': return { kind: 'connection', ...base, url: m.url, protocols: m.protocols, api: m.api, ...(m.urlLength ? { urlLength: m.urlLength } : {}) };
      case 'open': return { kind: 'open', ...base, protocol: m.protocol, extensions: m.extensions };
      case 'error': return { kind: 'error', ...base, ...(m.simulated ? { simulated: true as const } : {}) };
      case 'close': return { kind: 'close', ...base, code: m.code, reason: m.reason, wasClean: m.wasClean, ...(m.simulated ? { simulated: true as const } : {}) };
      case 'notice': return { kind: 'notice', ...base, text: m.text };
      case 'resolved': return { kind: 'resolved', ...base, pauseId: m.pauseId, action: m.action };
      case 'paused': {
        const payload = data ?? '';
        const text = typeof payload === 'string';
        return { kind: 'paused', ...base, pauseId: m.pauseId, dir: m.dir, opcode: text ? 'text' : 'binary', data: text ? payload : bytesToBase64(new Uint8Array(payload)), size: text ? utf8Length(payload) : payload.byteLength };
      }
      case 'send':
      case 'message': {
        const payload = data ?? '';
        const text = typeof payload === 'string';
        const frame: StoredFrame = {
          kind: 'frame', ...base, fseq: ++this.fseq,
          dir: m.k === 'send' ? 'sent' : 'received',
          opcode: text ? 'text' : 'binary',
          data: payload,
          size: text ? textSize ?? utf8Length(payload) : payload.byteLength,
        };
        if (m.k === 'send' && m.state !== 1) frame.discarded = true;
        if (m.k === 'send' && m.via === 'panel') frame.origin = 'panel';
        if (m.k === 'message' && m.simulated) frame.origin = 'simulated';
        if (m.blocked) frame.blocked = m.blocked;
        if (m.original !== undefined) { frame.original = m.original; frame.rule = m.rule; }
        return frame;
      }
    }
  }
}
