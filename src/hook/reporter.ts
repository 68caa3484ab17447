/**
 * The hook's side of the private channel to the relay. A MessageChannel's second port is
 * handed to the relay once, through a window message that the relay swallows before any
 * page listener sees it. Messages are batched per microtask and binary payloads are
 * transferred, not copied again.
 */
import { HOOK_HANDSHAKE, type HookMessage } from '../protocol/hook';
import { natives } from './natives';

const channel = new natives.MessageChannel();
let batch: HookMessage[] = [];
let transfer: Transferable[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const messages = batch, transferables = transfer;
  batch = [];
  transfer = [];
  natives.portPost(channel.port1, messages, transferables);
}

/** Appends without `push`, which the page may have replaced. */
function append<T>(list: T[], item: T): void {
  natives.defineProperty(list, list.length, { value: item, writable: true, enumerable: true, configurable: true });
}

/** Queues a message; `bytes` is a fresh buffer owned by the hook, moved to the relay. */
export function report(message: HookMessage, bytes?: ArrayBuffer): void {
  append(batch, message);
  if (bytes) append(transfer, bytes);
  if (!scheduled) {
    scheduled = true;
    natives.queueMicrotask(flush);
  }
}

export function connectToRelay(): void {
  natives.postToWindow(window, HOOK_HANDSHAKE, '*', [channel.port2]);
}
