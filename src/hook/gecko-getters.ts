/**
 * Firefox only: the getters through which a page reads an error's stack and a DOMException's
 * location are replaced by look-alikes (mask.ts: same toString, name, length; same descriptor)
 * that call the native getter (same checks, same errors, scrubbed), then answer what
 * gecko-errors.ts remembered for errors that passed through the hook's wrappers. Any other
 * error gets the native answer. Setters stay native.
 */
import { fixedLocation, fixedStack, geckoErrors } from './gecko-errors';
import { disguise, disguiseSource } from './mask';
import { natives } from './natives';
import { scrubStack } from './stack';

const R = natives.Reflect;

/**
 * `lazy`: the native getter's own `length` and `name` are resolved on first use (SpiderMonkey's
 * own functions), so the look-alike keeps its own, equal ones unresolved too. Otherwise (WebIDL
 * getters) they exist from the start, `length` first.
 */
function maskGetter(proto: object, key: string, answer: (self: unknown, native: unknown) => unknown, lazy = false): void {
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
  if (lazy) disguiseSource(fake, native);
  else disguise(fake, native);
  natives.defineProperty(proto, key, { ...desc, get: fake });
}

export function maskErrorGetters(win: Window & typeof globalThis): void {
  if (!geckoErrors) return;
  maskGetter(win.Error.prototype, 'stack', fixedStack, true);
  const dom = win.DOMException?.prototype;
  if (!dom) return;
  maskGetter(dom, 'stack', fixedStack);
  maskGetter(dom, 'filename', (self, value) => fixedLocation(self, value, 0));
  maskGetter(dom, 'lineNumber', (self, value) => fixedLocation(self, value, 1));
  maskGetter(dom, 'columnNumber', (self, value) => fixedLocation(self, value, 2));
}
