/**
 * Makes replacement functions print like the natives they stand for.
 * `Function.prototype.toString` is wrapped once; the wrapper itself prints as native too.
 *
 * Same-origin frames: a page can call one frame's `Function.prototype.toString` on another
 * frame's `WebSocket`. Each frame's hook keeps its own registry and hands it to nobody: when
 * asked about a function that is not in it but whose real source is one of the hook's own
 * look-alikes, the wrapper finds that function's realm (its prototype chain ends at that realm's
 * `Function.prototype`) and asks that realm's wrapper, recognised by its real source text, in a
 * plain toString call. No key, no secret, nothing the page can call to reach the hook's objects.
 */
import { natives } from './natives';
import { scrubStack } from './stack';

declare const __WSINSPECT_FIREFOX__: boolean;

const R = natives.Reflect;
const disguised = new natives.WeakMap<Function, string>();
const ownFunctionProto = Function.prototype;
const nativeToString = ownFunctionProto.toString;
/** Real sources of this hook's look-alikes (the same in every frame: one bundle). */
const ownSources = new natives.Map<string, true>();
const has = natives.uncurry(Map.prototype.has as (key: unknown) => boolean);
const sourceOf = (f: unknown) => R.apply(nativeToString, f, []) as string;

/**
 * The wrapper of the realm `fn` comes from, if it is another frame's hook: the last function
 * on `fn`'s prototype chain is its realm's Function.prototype.
 */
function foreignToString(fn: Function): Function | null {
  let realmProto: unknown = fn;
  for (let next = R.getPrototypeOf(fn); typeof next === 'function'; next = R.getPrototypeOf(next)) realmProto = next;
  if (realmProto === ownFunctionProto || typeof realmProto !== 'function') return null;
  const candidate = natives.getOwnPropertyDescriptor(realmProto, 'toString')?.value;
  if (typeof candidate !== 'function' || candidate === replacement) return null;
  try { return sourceOf(candidate) === sourceOf(replacement) ? candidate : null; } catch { return null; }
}

// A method, not a function declaration: like natives it has no `prototype` and cannot be `new`ed.
const replacement = {
  toString(this: unknown): string {
    'use strict'; // `this` unboxed, as the native receives it
    const fake = typeof this === 'function' ? natives.weakGet(disguised, this) : undefined;
    if (typeof fake === 'string') return fake;
    let source: string;
    try {
      source = sourceOf(this);
    } catch (error) {
      throw scrubStack(error, replacement);
    }
    if (has(ownSources, source)) {
      const other = foreignToString(this as Function);
      if (other) return R.apply(other, this, []) as string;
    }
    return source;
  },
}.toString;

let installed = false;

function install(): void {
  installed = true;
  register(replacement, sourceOf(nativeToString));
  const desc = natives.getOwnPropertyDescriptor(ownFunctionProto, 'toString')!;
  natives.defineProperty(ownFunctionProto, 'toString', { ...desc, value: replacement });
}

/** `fake` prints as `source`; `byText`: its real source is one of ours (a Proxy's is any anonymous native's). */
function register(fake: Function, source: string, byText = true): void {
  natives.weakSet(disguised, fake, source);
  if (byText) natives.mapSet(ownSources, sourceOf(fake), true);
}

/**
 * Makes `fake` print as `original`, and nothing else: for a fake whose own properties already
 * are the original's (a Proxy of it, see gecko-getters.ts).
 */
export function disguiseSource(fake: Function, original: Function, byText = false): void {
  if (!installed) install();
  register(fake, sourceOf(original), byText);
}

/** Makes `fake` print as `original` and copies its name and length. */
export function disguise(fake: Function, original: Function): void {
  disguiseSource(fake, original, true);
  natives.defineProperty(fake, 'length', natives.getOwnPropertyDescriptor(original, 'length')!);
  natives.defineProperty(fake, 'name', natives.getOwnPropertyDescriptor(original, 'name')!);
}

/** Defines `fn` in place of a method (same descriptor) and disguises it as the original. */
export function replaceMethod(target: object, key: string, make: (original: Function) => Function): void {
  const desc = natives.getOwnPropertyDescriptor(target, key);
  if (!desc || typeof desc.value !== 'function') return;
  const fake = make(desc.value);
  disguise(fake, desc.value);
  natives.defineProperty(target, key, { ...desc, value: fake });
}

/** What the look-alike constructor passes to the native one, and what it does with the result. */
export interface Construction { args: ArrayLike<unknown>; constructed(instance: object): void }

/**
 * Replaces the global constructor `name` with a look-alike (name, length, prototype, static
 * properties, `prototype.constructor`, subclassing) that builds the native object with the
 * arguments `prepare` gives (the page's own, or stand-ins that see the native's reads pass by)
 * and hands it over. Errors keep their native type, message and stack.
 */
export function replaceConstructor(win: object, name: string, prepare: (args: IArguments) => Construction): void {
  const Native = (win as Record<string, unknown>)[name];
  if (typeof Native !== 'function') return;
  // Strict in Firefox, sloppy in Chromium: `WebSocket.caller` and `.arguments` throw in the one
  // and answer null in the other, as the native constructor's do. The same body twice (a shared
  // helper would put one more of our frames on the page's error stacks).
  const Wrapper = __WSINSPECT_FIREFOX__
    ? function (this: unknown) {
      'use strict';
      let instance: object;
      let construction: Construction | null = null;
      try {
        if (new.target === undefined) return R.apply(Native, this, arguments); // the native's own error
        try { construction = prepare(arguments); } catch { /* capture nothing, break nothing */ }
        instance = R.construct(Native, construction ? construction.args : arguments, new.target) as object;
      } catch (error) {
        throw scrubStack(error, Wrapper);
      }
      try { construction?.constructed(instance); } catch { /* never break the page */ }
      return instance;
    }
    : function (this: unknown) {
      let instance: object;
      let construction: Construction | null = null;
      try {
        if (new.target === undefined) return R.apply(Native, this, arguments); // the native's own error
        try { construction = prepare(arguments); } catch { /* capture nothing, break nothing */ }
        instance = R.construct(Native, construction ? construction.args : arguments, new.target) as object;
      } catch (error) {
        throw scrubStack(error, Wrapper);
      }
      try { construction?.constructed(instance); } catch { /* never break the page */ }
      return instance;
    };
  disguise(Wrapper, Native);
  const keys = R.ownKeys(Native);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== 'length' && key !== 'name') natives.defineProperty(Wrapper, key, natives.getOwnPropertyDescriptor(Native, key)!);
  }
  natives.setPrototypeOf(Wrapper, R.getPrototypeOf(Native));
  const proto = Native.prototype as object;
  natives.defineProperty(proto, 'constructor', { ...natives.getOwnPropertyDescriptor(proto, 'constructor')!, value: Wrapper });
  const globalDesc = natives.getOwnPropertyDescriptor(win, name);
  if (globalDesc) natives.defineProperty(win, name, { ...globalDesc, value: Wrapper });
}
