/**
 * Makes replacement functions print like the natives they stand for.
 * `Function.prototype.toString` is wrapped once; the wrapper itself prints as native too.
 */
import { natives } from './natives';
import { scrubStack } from './stack';

const disguised = new natives.WeakMap<Function, string>();
const nativeToString = Function.prototype.toString;

// A method, not a function declaration: like natives it has no `prototype` and cannot be `new`ed.
const replacement = {
  toString(this: unknown): string {
    const fake = typeof this === 'function' ? natives.weakGet(disguised, this) : undefined;
    if (typeof fake === 'string') return fake;
    try {
      return natives.Reflect.apply(nativeToString, this, []);
    } catch (error) {
      throw scrubStack(error);
    }
  },
}.toString;

let installed = false;

function install(): void {
  installed = true;
  natives.weakSet(disguised, replacement, natives.Reflect.apply(nativeToString, nativeToString, []));
  const desc = natives.getOwnPropertyDescriptor(Function.prototype, 'toString')!;
  natives.defineProperty(Function.prototype, 'toString', { ...desc, value: replacement });
}

/** Makes `fake` print as `original` and copies its name and length. */
export function disguise(fake: Function, original: Function): void {
  if (!installed) install();
  natives.weakSet(disguised, fake, natives.Reflect.apply(nativeToString, original, []));
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
