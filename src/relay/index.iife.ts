/**
 * Isolated-world entry, run synchronously at document_start in every frame. Takes the
 * hook's private port from the one handshake message (hidden from page listeners),
 * validates everything the page world sends, and keeps this document's backlog.
 */
import { HOOK_HANDSHAKE, validateHookMessage, type HookClock } from '../protocol/hook';
import type { RelayCounters } from '../protocol/ports';
import { BFCACHE_BYTES, Backlog } from './backlog';
import { CaptureSequencer } from './capture';
import { RelayLink } from './link';
import { toHookCommand } from './commands';
import { HookPuller } from './hook-pull';

/**
 * A random id in UUID form. Not crypto.randomUUID(): it exists only in secure contexts, and the
 * relay also runs in insecure documents (an http page, a new tab's initial about:blank in Firefox).
 */
function randomId(): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const docId = randomId();
const backlog = new Backlog();
let hookPort: MessagePort | null = null;
/** What the page world sent that was refused (by reason), or whose time was replaced. */
const rejected: Record<string, number> = {};
let clampedTimes = 0;
const counters = (): RelayCounters => ({
  lastFseq: sequencer.lastFseq, forgottenConnections: backlog.forgottenConnections, rejected: { ...rejected }, clampedTimes,
  unreadablePayloads: sequencer.unreadable,
});
const hook = new HookPuller();
const link = new RelayLink(docId, backlog, hook, (request) => {
  const command = toHookCommand(request);
  if (command && hookPort) hookPort.postMessage(command, typeof command === 'object' && 'data' in command && command.data instanceof ArrayBuffer ? [command.data] : []);
}, counters);
const sequencer = new CaptureSequencer(docId, (event) => {
  if (event.kind === 'frame') backlog.addFrame(event);
  else backlog.addLifecycle(event);
  link.onEvent(event);
});

/**
 * Firefox hands the content script the page's objects behind Xray wrappers; a structured
 * clone gives plain objects of this realm. Chrome's isolated world already gets its own.
 */
function ownRealm(data: unknown): unknown {
  if (Array.isArray(data) && data instanceof Array) return data;
  try { return structuredClone(data); } catch { return null; }
}

function onHandshake(event: MessageEvent): void {
  if (event.source !== window || event.data !== HOOK_HANDSHAKE || event.ports.length !== 1) return;
  event.stopImmediatePropagation();
  window.removeEventListener('message', onHandshake, true);
  const port = event.ports[0];
  hookPort = port;
  hook.attach(port);
  port.onmessage = (e: MessageEvent) => {
    const batch = ownRealm(e.data);
    if (!Array.isArray(batch)) { rejected['not a batch'] = (rejected['not a batch'] ?? 0) + 1; return; }
    if (batch.length === 0) { hook.doorbell(); return; }
    // A pull's reply ends with the mode asked for (see hook/reporter.ts).
    const reply = batch[batch.length - 1] === 0 || batch[batch.length - 1] === 1;
    if (reply) batch.pop();
    // This document's own clock: a hook's time is timeOrigin + performance.now(), so it lies in between.
    const clock: HookClock = { timeOrigin: performance.timeOrigin, now: performance.timeOrigin + performance.now() };
    for (const raw of batch) {
      const verdict = validateHookMessage(raw, clock);
      if (!verdict.ok) { rejected[verdict.reason] = (rejected[verdict.reason] ?? 0) + 1; continue; }
      if (verdict.clamped) clampedTimes++;
      sequencer.push(verdict.message);
    }
    if (reply) hook.replied(sequencer.settled());
  };
}

window.addEventListener('message', onHandshake, true);

// What waits for the next flush goes now: once the document is gone, nothing would send it.
// A page kept in the back/forward cache keeps only its newest frames (the rest count as evicted).
window.addEventListener('pagehide', (event) => {
  link.flush();
  if (event.persisted) backlog.shrinkTo(BFCACHE_BYTES);
}, true);
window.addEventListener('pageshow', (event) => {
  if (event.persisted) link.resume();
}, true);
