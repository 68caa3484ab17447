/**
 * The hook's side of the private channel to the relay. A MessageChannel's second port is
 * handed to the relay once, through a window message that the relay swallows before any
 * page listener sees it. Frame reports are batched: the first after a quiet spell goes at the
 * end of its task (a microtask), later ones at most every 16 ms, so a page that sends one frame
 * per task (ping-pong) does not wake the relay once per frame. A socket's open, close or error,
 * and a batch holding over 1 MB of payload, go at once (with everything before them, in order).
 * Binary payloads are transferred, not copied again.
 */
import { HOOK_HANDSHAKE, type HookMessage } from '../protocol/hook';
import { after, natives } from './natives';

const channel = new natives.MessageChannel();
let batch = natives.list<HookMessage>();
let transfer = natives.list<Transferable>();
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
  batch = natives.list();
  transfer = natives.list();
  natives.portPost(channel.port1, messages, transferables);
}

/** Queues a message; `bytes` is a fresh buffer owned by the hook, moved to the relay. */
export function report(message: HookMessage, bytes?: ArrayBuffer): void {
  batch[batch.length] = message;
  if (bytes) transfer[transfer.length] = bytes;
  const data = (message as { data?: unknown }).data;
  pending += bytes ? bufferLength(bytes) : typeof data === 'string' ? data.length : 0;
  if (pending > BATCH_MAX || (message.k !== 'send' && message.k !== 'message')) return natives.queueMicrotask(flush);
  if (scheduled) return;
  scheduled = true;
  const wait = lastFlush + BATCH_MS - natives.now();
  if (wait <= 0) natives.queueMicrotask(flush);
  else after(wait, flush);
}

export function connectToRelay(): void {
  natives.postToWindow(window, HOOK_HANDSHAKE, '*', [channel.port2]);
}

/** Commands from the relay arrive on the same private port (the tools validate them). */
export function onCommand(handler: (command: unknown) => void): void {
  const data = natives.getter<unknown>(MessageEvent.prototype, 'data');
  natives.addListener(channel.port1, 'message', (event: MessageEvent) => {
    try { handler(data(event)); } catch { /* a failed command must not break the page */ }
  });
  natives.Reflect.apply(MessagePort.prototype.start, channel.port1, []);
}
