/**
 * Makes replacement functions print like the natives they stand for.
 * `Function.prototype.toString` is wrapped once; the wrapper itself prints as native too.
 *
 * Same-origin frames share one registry: a page can call one frame's
 * `Function.prototype.toString` on another frame's `WebSocket`. A child frame's hook asks
 * its parent's wrapper for the registry by calling it with a per-build secret (native
 * toString ignores arguments; the page does not know the secret). The hook's tools find
 * its core the same way (`answer`).
 */
import { natives } from './natives';
import { scrubStack } from './stack';

declare const __WSINSPECT_SECRET__: string;

let disguised = new natives.WeakMap<Function, string>();
const nativeToString = Function.prototype.toString;
/** What the replacement returns when called with one of these keys as its only argument. */
const answers = new natives.Map<unknown, unknown>();
const has = natives.uncurry(Map.prototype.has as (key: unknown) => boolean);

// A method, not a function declaration: like natives it has no `prototype` and cannot be `new`ed.
const replacement = {
  toString(this: unknown): string {
    'use strict'; // `this` unboxed, as the native receives it (the bundle is not strict)
    if (arguments.length === 1 && has(answers, arguments[0])) return natives.mapGet(answers, arguments[0]) as string;
    const fake = typeof this === 'function' ? natives.weakGet(disguised, this) : undefined;
    if (typeof fake === 'string') return fake;
    try {
      return natives.Reflect.apply(nativeToString, this, []);
    } catch (error) {
      throw scrubStack(error, replacement);
    }
  },
}.toString;

/** The registry of the nearest same-origin ancestor frame's hook, if any. */
function inheritedRegistry(): WeakMap<Function, string> | null {
  try {
    if (window.parent === window) return null;
    const parentToString = (window.parent as typeof window).Function.prototype.toString;
    const registry: unknown = natives.Reflect.apply(parentToString, parentToString, [__WSINSPECT_SECRET__]);
    if (typeof registry !== 'object' || registry === null) return null;
    natives.weakGet(registry as WeakMap<Function, string>, parentToString); // throws unless a real WeakMap
    return registry as WeakMap<Function, string>;
  } catch {
    return null; // cross-origin parent, or no hook there
  }
}

let installed = false;

function install(): void {
  installed = true;
  disguised = inheritedRegistry() ?? disguised;
  answer(__WSINSPECT_SECRET__, disguised);
  natives.weakSet(disguised, replacement, natives.Reflect.apply(nativeToString, nativeToString, []));
  const desc = natives.getOwnPropertyDescriptor(Function.prototype, 'toString')!;
  natives.defineProperty(Function.prototype, 'toString', { ...desc, value: replacement });
}

/**
 * Makes `Function.prototype.toString` return `value` when called with `key` alone (the
 * per-build secret: other parts of the hook find this one's objects); undefined forgets it.
 */
export function answer(key: string, value: unknown): void {
  if (!installed) install();
  if (value === undefined) natives.mapDelete(answers, key);
  else natives.mapSet(answers, key, value);
}

/**
 * The registry same-origin frames share: functions map to the source they print; other hook
 * modules may keep their own records under other keys (gecko-errors.ts: errors).
 */
export function sharedRegistry(): WeakMap<object, unknown> {
  if (!installed) install();
  return disguised as WeakMap<object, unknown>;
}

/**
 * Makes `fake` print as `original`, and nothing else: for a fake whose own properties already
 * are the original's (a Proxy of it, see gecko-getters.ts).
 */
export function disguiseSource(fake: Function, original: Function): void {
  if (!installed) install();
  natives.weakSet(disguised, fake, natives.Reflect.apply(nativeToString, original, []));
}

/** Makes `fake` print as `original` and copies its name and length. */
export function disguise(fake: Function, original: Function): void {
  disguiseSource(fake, original);
  for (const key of ['length', 'name'] as const) {
    natives.defineProperty(fake, key, natives.getOwnPropertyDescriptor(original, key)!);
  }
}

/** Defines `fn` in place of a method (same descriptor) and disguises it as the original. */
export function replaceMethod(target: object, key: string, make: (original: Function) => Function): void {
  const desc = natives.getOwnPropertyDescriptor(target, key);
  if (!desc || typeof desc.value !== 'function') return;
  const fake = make(desc.value);
  disguise(fake, desc.value);
  natives.defineProperty(target, key, { ...desc, value: fake });
}

/**
 * Replaces the global constructor `name` with a look-alike (name, length, prototype, static
 * properties, `prototype.constructor`, subclassing) that builds the native object and hands it
 * to `onConstruct`. Errors keep their native type, message and stack.
 */
export function replaceConstructor(win: object, name: string, onConstruct: (instance: object, args: IArguments) => void): void {
  const R = natives.Reflect;
  const Native = (win as Record<string, unknown>)[name];
  if (typeof Native !== 'function') return;
  const Wrapper = function (this: unknown) {
    let instance: object;
    try {
      // Called without `new`: the native constructor throws its own error.
      if (new.target === undefined) return R.apply(Native, this, arguments);
      instance = R.construct(Native, arguments, new.target) as object;
    } catch (error) {
      throw scrubStack(error, Wrapper);
    }
    try { onConstruct(instance, arguments); } catch { /* never break the page */ }
    return instance;
  };
  disguise(Wrapper, Native);
  for (const key of R.ownKeys(Native)) {
    if (key !== 'length' && key !== 'name') natives.defineProperty(Wrapper, key, natives.getOwnPropertyDescriptor(Native, key)!);
  }
  natives.setPrototypeOf(Wrapper, R.getPrototypeOf(Native));
  const proto = Native.prototype as object;
  natives.defineProperty(proto, 'constructor', { ...natives.getOwnPropertyDescriptor(proto, 'constructor')!, value: Wrapper });
  const globalDesc = natives.getOwnPropertyDescriptor(win, name);
  if (globalDesc) natives.defineProperty(win, name, { ...globalDesc, value: Wrapper });
}
