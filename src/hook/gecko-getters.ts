/**
 * Firefox only: the getters through which a page reads an error's stack and a DOMException's
 * location are replaced by look-alikes (same toString, name, length, descriptor)
 * that call the native getter (same checks, same errors, scrubbed), then answer what
 * gecko-errors.ts remembered for errors that passed through the hook's wrappers. Any other
 * error gets the native answer. Setters stay native.
 */
import { fixedLocation, fixedStack, geckoErrors, raisedByHook } from './gecko-errors';
import { disguise, disguiseSource } from './mask';
import { natives } from './natives';
import { scrubStack } from './stack';

const R = natives.Reflect;
const NativeProxy = Proxy;
type Answer = (self: unknown, native: unknown) => unknown;

/**
 * SpiderMonkey resolves a function's own `length` and `name` on first use, so their order in
 * ownKeys depends on how the page first reached them (and even on its inline caches: warm code
 * reads a WebIDL getter's name without resolving it). The look-alikes follow what was observed
 * (Firefox ESR 153, probe/transparency-probe.js and direct checks):
 * - Error.prototype's getter (a SpiderMonkey builtin) resolves `name` whenever it is read: a Proxy
 *   of the native with only an `apply` trap, so its own properties are the native's own.
 * - DOMException's (WebIDL) getters, read from warm code, end up `length` first: a scripted
 *   getter with both defined up front (disguise), as the hook's other look-alikes.
 * A page that reads a DOMException getter's `name` from cold code, then lists its own keys,
 * would see `name`, `length` natively and `length`, `name` here.
 */
function maskGetter(proto: object, key: string, answer: Answer, proxy?: 1): void {
  const desc = natives.getOwnPropertyDescriptor(proto, key);
  const native = desc?.get;
  if (!desc || typeof native !== 'function') return;
  const call = (self: unknown, args: ArrayLike<unknown>, wrapper: Function) => {
    let value: unknown;
    try { value = R.apply(native, self, args); } catch (error) { throw scrubStack(error, wrapper); }
    const fixed = answer(self, value);
    return fixed === value ? foreign(self, value) : fixed;
  };
  /**
   * An error another same-origin frame's hook raised: the same getter of that frame's realm (the
   * prototype as far from the end of the error's chain as `proto` is from the end of its own)
   * answers what the page would see there. Errors of this realm are answered natively.
   */
  const depth = chainLength(proto);
  const foreign = (self: unknown, value: unknown) => {
    if (typeof self !== 'object' || self === null || !raisedByHook(self)) return value;
    const chain = natives.list<object>();
    for (let p = R.getPrototypeOf(self); p !== null; p = R.getPrototypeOf(p)) {
      if (p === proto) return value;
      chain[chain.length] = p as object;
    }
    const twin = chain[chain.length - depth];
    const get = twin ? natives.getOwnPropertyDescriptor(twin, key)?.get : undefined;
    return typeof get === 'function' ? R.apply(get, self, []) : value;
  };
  let fake: Function;
  if (proxy) {
    const trap = { apply: (_: Function, self: unknown, args: unknown[]) => call(self, args, trap) }.apply;
    // No prototype: a trap the page put on Object.prototype must not become one of ours.
    fake = new NativeProxy(native, { __proto__: null, apply: trap } as ProxyHandler<Function>);
    disguiseSource(fake, native);
  } else {
    fake = natives.getOwnPropertyDescriptor({
      get [key]() {
        'use strict'; // `this` unboxed, as the native getter receives it (the bundle is not strict)
        return call(this, arguments, fake);
      },
    }, key)!.get!;
    disguise(fake, native);
  }
  natives.defineProperty(proto, key, { ...desc, get: fake as () => unknown });
}

/** How many objects from `o` to the end of its prototype chain, `o` included. */
function chainLength(o: object): number {
  let n = 0;
  for (let p: object | null = o; p !== null; p = R.getPrototypeOf(p) as object | null) n++;
  return n;
}

export function maskErrorGetters(win: Window & typeof globalThis): void {
  if (!geckoErrors) return;
  maskGetter(win.Error.prototype, 'stack', fixedStack, 1);
  const dom = win.DOMException?.prototype;
  if (!dom) return;
  maskGetter(dom, 'stack', fixedStack);
  maskGetter(dom, 'filename', (self, value) => fixedLocation(self, value, 0));
  maskGetter(dom, 'lineNumber', (self, value) => fixedLocation(self, value, 1));
  maskGetter(dom, 'columnNumber', (self, value) => fixedLocation(self, value, 2));
}
