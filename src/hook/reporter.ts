/**
 * The hook's side of the private channel to the relay. A MessageChannel's second port is
 * handed to the relay once, through a window message that the relay swallows before any
 * page listener sees it. Reports are batched: the first after a quiet spell
 * goes at the end of its task (a microtask), later ones at most every 16 ms, so a page that
 * sends one frame per task (ping-pong) does not wake the relay once per frame. A batch
 * holding over 1 MB of payload goes at once. Binary payloads are transferred, not copied again.
 */
import type { HookCommand } from '../protocol/commands';
import { HOOK_HANDSHAKE, type HookMessage } from '../protocol/hook';
import { after, natives } from './natives';

const channel = new natives.MessageChannel();
let batch = list<HookMessage>();
let transfer = list<Transferable>();
let scheduled = false;
let pending = 0; // payload characters or bytes in the batch
let lastFlush = -Infinity;
const BATCH_MS = 16;
const BATCH_MAX = 1 << 20;

const bufferLength = natives.getter<number>(ArrayBuffer.prototype, 'byteLength');

function flush(): void {
  scheduled = false;
  if (!batch.length) return; // already sent: a big batch goes early
  pending = 0;
  lastFlush = natives.now();
  const messages = batch, transferables = transfer;
  batch = list();
  transfer = list();
  natives.portPost(channel.port1, messages, transferables);
}

/**
 * An array without a prototype: appending to it cannot reach a setter or `push` the page put
 * on Array.prototype. Structured clone still sees an array.
 */
function list<T>(): T[] {
  const a: T[] = [];
  natives.setPrototypeOf(a, null);
  return a;
}

function append<T>(to: T[], item: T): void {
  to[to.length] = item;
}

/** Queues a message; `bytes` is a fresh buffer owned by the hook, moved to the relay. */
export function report(message: HookMessage, bytes?: ArrayBuffer): void {
  append(batch, message);
  if (bytes) append(transfer, bytes);
  const data = (message as { data?: unknown }).data;
  pending += bytes ? bufferLength(bytes) : typeof data === 'string' ? data.length : 0;
  if (pending > BATCH_MAX) return natives.queueMicrotask(flush);
  if (scheduled) return;
  scheduled = true;
  const wait = lastFlush + BATCH_MS - natives.now();
  if (wait <= 0) natives.queueMicrotask(flush);
  else after(wait, flush);
}

export function connectToRelay(): void {
  natives.postToWindow(window, HOOK_HANDSHAKE, '*', [channel.port2]);
}

/** Commands from the relay arrive on the same private port. */
export function onCommand(handler: (command: HookCommand) => void): void {
  natives.addListener(channel.port1, 'message', (event: MessageEvent) => {
    const command = natives.getter<unknown>(MessageEvent.prototype, 'data')(event);
    if (isHookCommand(command)) {
      try { handler(command); } catch { /* a failed command must not break the page */ }
    }
  });
  natives.Reflect.apply(MessagePort.prototype.start, channel.port1, []);
}

function isHookCommand(c: unknown): c is HookCommand {
  if (typeof c !== 'object' || c === null) return false;
  const o = c as Record<string, unknown>;
  if (typeof o.id !== 'number') return false;
  if (o.op === 'send' || o.op === 'simulate-message') return typeof o.data === 'string' || o.data instanceof natives.ArrayBuffer;
  if (o.op === 'close' || o.op === 'simulate-close') return typeof o.code === 'number' && typeof o.reason === 'string';
  if (o.op === 'verdict') return typeof o.pauseId === 'number' && typeof o.forward === 'boolean' && (o.data === null || typeof o.data === 'string');
  // configure: the relay validated the rules (isTabConfig); here only the envelope.
  if (o.op === 'configure') return natives.isArray(o.rules);
  return o.op === 'simulate-error' || o.op === 'release-all';
}
