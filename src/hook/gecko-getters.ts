/**
 * Firefox only: the getters through which a page reads an error's stack and a DOMException's
 * location are replaced by look-alikes (same toString via mask.ts, name, length; same descriptor)
 * that call the native getter (same checks, same errors, scrubbed), then answer what
 * gecko-errors.ts remembered for errors that passed through the hook's wrappers. Any other
 * error gets the native answer. Setters stay native.
 */
import { fixedLocation, fixedStack, geckoErrors } from './gecko-errors';
import { disguiseSource } from './mask';
import { natives } from './natives';
import { scrubStack } from './stack';

const R = natives.Reflect;

/**
 * Firefox resolves a function's own `length` and `name` on first use, so their order in ownKeys
 * follows the page's first access: the look-alike is a getter named `get <key>` with length 0,
 * like the native, and its own `length` and `name` are left untouched (unresolved) too.
 */
function maskGetter(proto: object, key: string, answer: (self: unknown, native: unknown) => unknown): void {
  const desc = natives.getOwnPropertyDescriptor(proto, key);
  const native = desc?.get;
  if (!desc || typeof native !== 'function') return;
  // A getter named `get <key>`, like the native: no `prototype`, cannot be `new`ed.
  const fake = natives.getOwnPropertyDescriptor({
    get [key]() {
      'use strict'; // `this` unboxed, as the native getter receives it (the bundle is not strict)
      let value: unknown;
      try { value = R.apply(native, this, []); } catch (error) { throw scrubStack(error, fake); }
      return answer(this, value);
    },
  }, key)!.get!;
  disguiseSource(fake, native);
  natives.defineProperty(proto, key, { ...desc, get: fake });
}

export function maskErrorGetters(win: Window & typeof globalThis): void {
  if (!geckoErrors) return;
  maskGetter(win.Error.prototype, 'stack', fixedStack);
  const dom = win.DOMException?.prototype;
  if (!dom) return;
  maskGetter(dom, 'stack', fixedStack);
  maskGetter(dom, 'filename', (self, value) => fixedLocation(self, value, 0));
  maskGetter(dom, 'lineNumber', (self, value) => fixedLocation(self, value, 1));
  maskGetter(dom, 'columnNumber', (self, value) => fixedLocation(self, value, 2));
}
