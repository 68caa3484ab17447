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
    else if (origin) scrubV8Stack(error, origin);
  } catch { /* leave the error as it is */ }
  return error;
}

function scrubV8Stack(error: object, own: string): void {
  const desc = natives.getOwnPropertyDescriptor(error, 'stack');
  if (!desc || !desc.get || !desc.set) return;
  const stack: unknown = natives.Reflect.apply(desc.get, error, []);
  if (typeof stack === 'string' && indexOf(stack, own) >= 0) {
    natives.Reflect.apply(desc.set, error, [withoutOwnLines(stack, own)]);
  }
}
