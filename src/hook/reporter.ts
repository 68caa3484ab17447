/**
 * The hook's side of the private channel to the relay. A MessageChannel's second port is
 * handed to the relay once, through a window message that the relay swallows before any
 * page listener sees it. Reports are batched per microtask (a 16 ms delay halved the page's
 * cost in a ping-pong, but made Chromium stall, intermittently, a page opening and closing
 * ~10,000 sockets: not kept). Binary payloads are transferred, not copied again.
 */
import { HOOK_HANDSHAKE, type HookMessage } from '../protocol/hook';
import { natives } from './natives';

const channel = new natives.MessageChannel();
let batch = natives.list<HookMessage>();
let transfer = natives.list<Transferable>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  const messages = batch, transferables = transfer;
  batch = natives.list();
  transfer = natives.list();
  natives.portPost(channel.port1, messages, transferables);
}

/** Queues a message; `bytes` is a fresh buffer owned by the hook, moved to the relay. */
export function report(message: HookMessage, bytes?: ArrayBuffer): void {
  batch[batch.length] = message;
  if (bytes) transfer[transfer.length] = bytes;
  if (scheduled) return;
  scheduled = true;
  natives.queueMicrotask(flush);
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
