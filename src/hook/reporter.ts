/**
 * The hook's side of the private channel to the relay. A MessageChannel's second port is
 * handed to the relay once, through a window message that the relay swallows before any
 * page listener sees it. Messages are batched per microtask and binary payloads are
 * transferred, not copied again.
 */
import type { HookCommand } from '../protocol/commands';
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
