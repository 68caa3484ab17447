/**
 * Errors the page's own calls raise (bad URL, send while CONNECTING, …) pass through the
 * hook's wrappers, and their stacks would name the hook's script. `scrubStack` makes them read
 * as they would without the extension:
 * - V8 (Chromium): each error has its own `stack` accessor; the lines naming this extension's
 *   origin are removed through it.
 * - SpiderMonkey (Firefox): stacks are read through prototype getters; the error is remembered
 *   with the stack and location the page would see (gecko-errors.ts, gecko-getters.ts).
 * String methods are captured: the page may have replaced them by the time this runs.
 */
import { geckoErrors, scrubGeckoError } from './gecko-errors';
import { natives } from './natives';

const { indexOf, slice } = natives;

/** This extension's origin (e.g. chrome-extension://abc/), read from a stack captured now. */
function ownOrigin(): string | null {
  const stack = String(new Error().stack);
  for (const scheme of ['chrome-extension://', 'moz-extension://']) {
    const start = indexOf(stack, scheme);
    if (start < 0) continue;
    const end = indexOf(stack, '/', start + scheme.length);
    if (end > start) return slice(stack, start, end + 1);
  }
  return null;
}

const origin = ownOrigin();

function withoutOwnLines(stack: string, own: string): string {
  let result = '';
  let pos = 0;
  for (;;) {
    let next = indexOf(stack, '\n', pos);
    if (next < 0) next = stack.length;
    const line = slice(stack, pos, next);
    if (indexOf(line, own) < 0) result = pos === 0 ? line : `${result}\n${line}`;
    if (next >= stack.length) return result;
    pos = next + 1;
  }
}

/**
 * Call from the catch of a wrapper the page called, with the wrapper itself (Firefox needs it
 * to find where the page's frames start); returns `error` for rethrowing.
 */
export function scrubStack(error: unknown, wrapper?: Function): unknown {
  if (typeof error !== 'object' || error === null) return error;
  try {
    if (geckoErrors) { if (wrapper) scrubGeckoError(error, wrapper); }
    else if (origin) scrubV8Stack(error, origin, wrapper);
  } catch { /* leave the error as it is */ }
  return error;
}

const V8Error = Error as ErrorConstructor & { captureStackTrace?: (o: object, fn?: Function) => void };
const captureStackTrace = V8Error.captureStackTrace;
const FRAME = '\n    at ';

function scrubV8Stack(error: object, own: string, wrapper?: Function): void {
  const desc = natives.getOwnPropertyDescriptor(error, 'stack');
  if (!desc || !desc.get || !desc.set) return;
  const stack: unknown = natives.Reflect.apply(desc.get, error, []);
  if (typeof stack !== 'string' || indexOf(stack, own) < 0) return;
  const kept = withoutOwnLines(stack, own);
  const callers = wrapper ? callerFrames(wrapper) : null;
  natives.Reflect.apply(desc.set, error, [callers ? completed(stack, kept, own, callers) : kept]);
}

/** How many `\n    at ` frame lines a V8 stack has. */
function frameCount(stack: string): number {
  let n = 0;
  for (let at = indexOf(stack, FRAME); at >= 0; at = indexOf(stack, FRAME, at + 1)) n++;
  return n;
}

/**
 * The frames below `wrapper` (the page's callers), as V8 writes them, and the page's
 * `Error.stackTraceLimit`; null where taking them could be seen (a page's
 * `Error.prepareStackTrace`, or a limit that is not a plain number).
 */
function callerFrames(wrapper: Function): { frames: string; limit: number } | null {
  if (typeof captureStackTrace !== 'function') return null;
  const limit = natives.getOwnPropertyDescriptor(V8Error, 'stackTraceLimit');
  const prepare = natives.getOwnPropertyDescriptor(V8Error, 'prepareStackTrace');
  if (!limit || typeof limit.value !== 'number' || (prepare && (prepare.get || prepare.value !== undefined))) return null;
  const holder = natives.nullObject({}); // its header asks nothing of Object.prototype
  natives.Reflect.apply(captureStackTrace, V8Error, [holder, wrapper]);
  const stack: unknown = (holder as { stack?: unknown }).stack;
  if (typeof stack !== 'string') return null;
  const first = indexOf(stack, FRAME);
  return { frames: first < 0 ? '' : slice(stack, first), limit: limit.value };
}

/** Where the `n`th frame line (from 0) of `stack` starts, or -1. */
function frameAt(stack: string, n: number): number {
  let at = indexOf(stack, FRAME);
  for (let i = 0; i < n && at >= 0; i++) at = indexOf(stack, FRAME, at + 1);
  return at;
}

/**
 * A stack cut at the limit lost as many of the page's frames as it had of ours: they are taken
 * back from the callers' frames. Natively the stack is the frames above ours, then the callers,
 * cut at the limit; `kept` already ends with the first `below` callers.
 */
function completed(stack: string, kept: string, own: string, callers: { frames: string; limit: number }): string {
  const total = frameCount(stack);
  if (total < callers.limit) return kept; // not cut
  let below = 0; // frames after our last line
  for (let at = indexOf(stack, FRAME), n = 0; at >= 0; at = indexOf(stack, FRAME, at + 1), n++) {
    const end = indexOf(stack, '\n', at + 1);
    const line = end < 0 ? slice(stack, at) : slice(stack, at, end);
    if (indexOf(line, own) >= 0) below = total - n - 1;
  }
  const lost = total - frameCount(kept);
  const from = frameAt(callers.frames, below);
  if (from < 0) return kept;
  const to = frameAt(callers.frames, below + lost);
  return kept + (to < 0 ? slice(callers.frames, from) : slice(callers.frames, from, to));
}
