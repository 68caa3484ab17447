/**
 * Firefox: an error a native raises inside one of the hook's wrappers (the page's bad call
 * passes through one) has the wrapper as its top frame. Its `stack` has an extra line
 * `name@<anonymous code>:L:C`, and its location (a JS error's own fileName/lineNumber/
 * columnNumber, a DOMException's filename/lineNumber/columnNumber) names the wrapper instead of
 * the page's call. SpiderMonkey errors have no own stack accessor to rewrite (unlike V8's, see
 * stack.ts), so each such error is remembered here with what the page would have seen; a JS
 * error's own location properties are corrected in place, and gecko-getters.ts makes the
 * prototype getters answer the remembered values.
 */
import { locationOf, MAX_FRAMES, withoutHookFrames, type Location } from './gecko-frames';
import { natives } from './natives';

const R = natives.Reflect;
const hasOwn = natives.uncurry(Object.prototype.hasOwnProperty as (key: PropertyKey) => boolean);
const indexOf = natives.uncurry(String.prototype.indexOf as (s: string, from?: number) => number);
const slice = natives.uncurry(String.prototype.slice as (a: number, b?: number) => string);
const captureStackTrace = (Error as { captureStackTrace?: (o: object, fn?: Function) => void }).captureStackTrace;
const nativeGetter = (proto: object, key: string) => natives.getOwnPropertyDescriptor(proto, key)?.get;
const errorStack = nativeGetter(Error.prototype, 'stack');
const domStack = typeof DOMException === 'function' ? nativeGetter(DOMException.prototype, 'stack') : undefined;

/** What the page sees of a remembered error: `stack` stands in for the native `raw` one. */
interface Fix { raw: string; stack: string; location: Location | 0 }
const fixes = new natives.WeakMap<object, Fix>();

/** The file the hook's own frames name (`<anonymous code>` in Firefox ESR 153). */
function ownFile(): string | null {
  if (!errorStack || typeof captureStackTrace !== 'function') return null;
  const stack: unknown = R.apply(errorStack, new Error(), []);
  if (typeof stack !== 'string') return null;
  const end = indexOf(stack, '\n');
  const location = locationOf(slice(stack, 0, end < 0 ? stack.length : end));
  return location && location[0];
}

const own = ownFile();

/** True in Firefox: errors read their stack through Error.prototype, and frames can be recognised. */
export const geckoErrors = own !== null;

function read(getter: Function | undefined, error: object): unknown {
  try { return getter ? R.apply(getter, error, []) : undefined; } catch { return undefined; }
}

/** The stack below `wrapper`'s frame, as the error's stack continues under the wrapper's line. */
function callersOf(wrapper: Function): string {
  const holder = {};
  R.apply(captureStackTrace!, Error, [holder, wrapper]);
  const stack: unknown = natives.getOwnPropertyDescriptor(holder, 'stack')?.value;
  return typeof stack === 'string' ? stack : '';
}

/**
 * Remembers `error` (caught in `wrapper`, rethrown to the page) with the stack and location
 * it would have without the hook's frames.
 */
export function scrubGeckoError(error: object, wrapper: Function): void {
  const domRaw = read(domStack, error);
  const dom = typeof domRaw === 'string';
  const raw = dom ? domRaw : read(errorStack, error);
  if (typeof raw !== 'string') return;
  const prior = natives.weakGet(fixes, error) as Fix | undefined;
  const result = withoutHookFrames(prior ? prior.stack : raw, callersOf(wrapper), own!, dom ? MAX_FRAMES.dom : MAX_FRAMES.js);
  if (!result) return;
  let location = prior ? prior.location : 0;
  if (result.top) {
    const end = indexOf(result.stack, '\n');
    location = locationOf(slice(result.stack, 0, end < 0 ? 0 : end)) ?? ['', 0, dom ? 0 : 1];
    if (!dom) fixOwnLocation(error, location);
  }
  natives.weakSet(fixes, error, { raw: prior ? prior.raw : raw, stack: result.stack, location });
}

/** A JS error's own data properties, rewritten with their descriptors kept. */
function fixOwnLocation(error: object, location: Location): void {
  const keys = ['fileName', 'lineNumber', 'columnNumber'];
  for (let i = 0; i < 3; i++) {
    const desc = natives.getOwnPropertyDescriptor(error, keys[i]);
    if (desc && hasOwn(desc, 'value')) natives.defineProperty(error, keys[i], { ...desc, value: location[i] });
  }
}

/** What a stack getter answers: the remembered stack if the native one is what we replaced. */
export function fixedStack(self: unknown, native: unknown): unknown {
  const fix = natives.weakGet(fixes, self as object) as Fix | undefined;
  return fix && native === fix.raw ? fix.stack : native;
}

/** What a DOMException location getter (0 filename, 1 lineNumber, 2 columnNumber) answers. */
export function fixedLocation(self: unknown, native: unknown, index: 0 | 1 | 2): unknown {
  const fix = natives.weakGet(fixes, self as object) as Fix | undefined;
  return fix && fix.location ? fix.location[index] : native;
}
