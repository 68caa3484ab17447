/**
 * The hook's side of the private channel to the relay. A MessageChannel's second port is
 * handed to the relay once, through a window message that the relay swallows before any
 * page listener sees it. Binary payloads are transferred, not copied again.
 *
 * Two modes, set by the relay (issue 14: the consumer pulls):
 * - quiet (no panel listening, the start): frames are only kept. The relay is told, with an empty
 *   batch as a doorbell, when PULL_AT bytes wait; it then pulls them. So a page in a ping-pong posts
 *   one message per ~256 KB of traffic instead of one per microtask, and schedules nothing (no timer).
 *   A socket's lifecycle (new, open, error, close) is still posted per microtask, with the frames
 *   before it: kept back too, Chromium stalled a page opening and closing ~10,000 sockets, 8 at a time
 *   (reproduced, see docs/investigations/issue-14.md), and a page that churns sockets is all lifecycle.
 * - live (a panel listens): everything is posted per microtask, as it happens, so that a page that
 *   navigates away (Preserve log) has posted everything before it goes.
 * A pull is a number from the relay (1: go live, 0: stay quiet); its reply is the waiting
 * reports with that number appended, so the relay can tell it from a live batch.
 */
import { HOOK_HANDSHAKE, type HookMessage } from '../protocol/hook';
import { natives } from './natives';
import { bufferLength } from './payload';

/** Waiting bytes (payloads, plus RECORD_BYTES per report) that ring the doorbell while quiet. */
const PULL_AT = 256 * 1024;
const RECORD_BYTES = 128;
/** A relay that does not pull (gone, or not there) gets reports posted as they come: never an unbounded pile. */
const UNPULLED_MAX = 16 * PULL_AT;

const channel = new natives.MessageChannel();
let batch = natives.list<HookMessage>();
let transfer = natives.list<Transferable>();
let scheduled = false;
let live = false;
let waiting = 0;
/** A doorbell was posted and not yet answered by a pull. */
let rung = false;

/** Posts what waits, then `extra` after it (no destructuring or spread here: the page may have replaced the iterator). */
function post(extra?: number): void {
  const messages = batch, transferables = transfer;
  batch = natives.list();
  transfer = natives.list();
  waiting = 0;
  if (extra !== undefined) messages[messages.length] = extra as unknown as HookMessage;
  natives.portPost(channel.port1, messages, transferables);
}

function flush(): void {
  scheduled = false;
  if (batch.length) post();
}

function ring(): void {
  rung = true;
  natives.portPost(channel.port1, natives.list(), natives.list());
}

/** Answers a pull: everything waiting, then the mode the relay asked for. */
function pulled(goLive: number): void {
  scheduled = false;
  rung = false;
  live = goLive === 1;
  post(goLive);
}

/** Queues a message; `bytes` is a fresh buffer owned by the hook, moved to the relay. */
export function report(message: HookMessage, bytes?: ArrayBuffer): void {
  batch[batch.length] = message;
  if (bytes) transfer[transfer.length] = bytes;
  const k = message.k;
  if (live || k === 'new' || k === 'open' || k === 'close' || k === 'error') {
    if (scheduled) return;
    scheduled = true;
    natives.queueMicrotask(flush);
    return;
  }
  const data = (message as { data?: unknown }).data;
  waiting += RECORD_BYTES + (bytes ? bufferLength(bytes) : typeof data === 'string' ? data.length : 0);
  if (!rung && waiting >= PULL_AT) ring();
  else if (waiting >= UNPULLED_MAX) { live = true; flush(); }
}

export function connectToRelay(): void {
  natives.postToWindow(window, HOOK_HANDSHAKE, '*', [channel.port2]);
}

/** Pulls and commands from the relay arrive on the same private port (the tools validate commands). */
export function onCommand(handler: (command: unknown) => void): void {
  const data = natives.getter<unknown>(MessageEvent.prototype, 'data');
  natives.addListener(channel.port1, 'message', (event: MessageEvent) => {
    try {
      const command = data(event);
      if (command === 0 || command === 1) pulled(command);
      else handler(command);
    } catch { /* a failed command must not break the page */ }
  });
  natives.Reflect.apply(MessagePort.prototype.start, channel.port1, []);
}
