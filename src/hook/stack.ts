/**
 * Errors the page's own calls raise (bad URL, send while CONNECTING, …) pass through the
 * hook's wrappers, and their stacks would name the hook's script. `scrubStack` removes
 * exactly those lines, so the page sees the stack it would see without the extension.
 * Only V8-style own `stack` accessors are rewritten; anything else is left untouched.
 * String methods are captured: the page may have replaced them by the time this runs.
 */
import { natives } from './natives';

const indexOf = natives.uncurry(String.prototype.indexOf as (s: string, from?: number) => number);
const slice = natives.uncurry(String.prototype.slice as (a: number, b?: number) => string);

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

export function scrubStack(error: unknown): unknown {
  if (!origin || typeof error !== 'object' || error === null) return error;
  try {
    const desc = natives.getOwnPropertyDescriptor(error, 'stack');
    if (!desc || !desc.get || !desc.set) return error;
    const stack: unknown = natives.Reflect.apply(desc.get, error, []);
    if (typeof stack === 'string' && indexOf(stack, origin) >= 0) {
      natives.Reflect.apply(desc.set, error, [withoutOwnLines(stack, origin)]);
    }
  } catch { /* leave the error as it is */ }
  return error;
}
