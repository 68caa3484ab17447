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

declare const __WSINSPECT_FIREFOX__: boolean;

const R = natives.Reflect;

/** What the page sees of a remembered error: `stack` stands in for the native `raw` one. */
interface Fix { raw: string; stack: string; location: Location | 0 }

/** What this module needs from the page's world, captured at start (Firefox builds only). */
function capture() {
  const getter = (proto: object, key: string) => natives.getOwnPropertyDescriptor(proto, key)?.get;
  const errorStack = getter(Error.prototype, 'stack');
  const captureStackTrace = (Error as { captureStackTrace?: (o: object, fn?: Function) => void }).captureStackTrace;
  if (!errorStack || typeof captureStackTrace !== 'function') return null;
  const { indexOf, slice } = natives;
  const firstLine = (stack: string) => slice(stack, 0, indexOf(stack, '\n') >>> 0);
  // The file the hook's own frames name (`<anonymous code>` in Firefox ESR 153).
  const stack: unknown = R.apply(errorStack, new Error(), []);
  const first = typeof stack === 'string' ? locationOf(firstLine(stack)) : null;
  if (!first) return null;
  return {
    own: first[0],
    ErrorCtor: Error,
    errorStack,
    domStack: typeof DOMException === 'function' ? getter(DOMException.prototype, 'stack') : undefined,
    captureStackTrace,
    hasOwn: natives.uncurry(Object.prototype.hasOwnProperty as (key: PropertyKey) => boolean),
    firstLine,
  };
}

const gecko = typeof __WSINSPECT_FIREFOX__ !== 'undefined' && __WSINSPECT_FIREFOX__ ? capture() : null;

/** True in Firefox: errors read their stack through Error.prototype, and frames can be recognised. */
export const geckoErrors = gecko !== null;

/**
 * The records of errors raised through this frame's hook. Another frame's error is answered by
 * that frame's getters (gecko-getters.ts `foreign`): records are never shared.
 */
const fixes = new natives.WeakMap<object, Fix>();

function fixOf(error: unknown): Fix | undefined {
  const fix = typeof error === 'object' && error !== null ? natives.weakGet(fixes, error) : undefined;
  return typeof fix === 'object' ? fix as Fix : undefined;
}

function read(getter: Function | undefined, error: object): unknown {
  try { return getter ? R.apply(getter, error, []) : undefined; } catch { return undefined; }
}

/** The stack below `wrapper`'s frame, as the error's stack continues under the wrapper's line. */
function callersOf(wrapper: Function): string {
  const { ErrorCtor, captureStackTrace } = gecko!;
  // Firefox counts Error.stackTraceLimit before it drops the frames above `wrapper`: lifted while
  // capturing (a plain data property: no page code sees it), then the result is cut to it.
  const limit = natives.getOwnPropertyDescriptor(ErrorCtor, 'stackTraceLimit');
  const lift = !!limit && limit.writable === true && typeof limit.value === 'number';
  if (lift) natives.defineProperty(ErrorCtor, 'stackTraceLimit', { ...limit, value: 1 << 16 });
  const holder = {};
  try { R.apply(captureStackTrace, ErrorCtor, [holder, wrapper]); } finally { if (lift) natives.defineProperty(ErrorCtor, 'stackTraceLimit', limit); }
  const stack: unknown = natives.getOwnPropertyDescriptor(holder, 'stack')?.value;
  return typeof stack === 'string' ? stack : '';
}

/** How many frames a stack keeps: Error.stackTraceLimit (128 by default), at most 100 for a DOMException. */
function frameLimit(dom: boolean): number {
  const limit = natives.getOwnPropertyDescriptor(gecko!.ErrorCtor, 'stackTraceLimit');
  const value = limit && typeof limit.value === 'number' && limit.value >= 0 ? limit.value : MAX_FRAMES.js;
  return dom ? (value < MAX_FRAMES.dom ? value : MAX_FRAMES.dom) : value;
}

/**
 * Remembers `error` (caught in `wrapper`, rethrown to the page) with the stack and location
 * it would have without the hook's frames.
 */
export function scrubGeckoError(error: object, wrapper: Function): void {
  const { domStack, errorStack, own, firstLine } = gecko!;
  const domRaw = read(domStack, error);
  const dom = typeof domRaw === 'string';
  const raw = dom ? domRaw : read(errorStack, error);
  if (typeof raw !== 'string') return;
  const prior = fixOf(error);
  const result = withoutHookFrames(prior ? prior.stack : raw, callersOf(wrapper), own, frameLimit(dom));
  if (!result) return;
  let location = prior ? prior.location : 0;
  if (result.top) {
    location = locationOf(firstLine(result.stack)) ?? ['', 0, dom ? 0 : 1];
    if (!dom) fixOwnLocation(error, location);
  }
  natives.weakSet(fixes, error, { raw: prior ? prior.raw : raw, stack: result.stack, location });
}

/** A JS error's own data properties, rewritten with their descriptors kept. */
function fixOwnLocation(error: object, location: Location): void {
  const keys = ['fileName', 'lineNumber', 'columnNumber'];
  for (let i = 0; i < 3; i++) {
    const desc = natives.getOwnPropertyDescriptor(error, keys[i]);
    if (desc && gecko!.hasOwn(desc, 'value')) natives.defineProperty(error, keys[i], { ...desc, value: location[i] });
  }
}

/** Whether the error's native stack names the hook's code (this frame's or another's: one bundle). */
export function raisedByHook(error: object): boolean {
  const stack = read(gecko!.domStack, error) ?? read(gecko!.errorStack, error);
  return typeof stack === 'string' && natives.indexOf(stack, gecko!.own) >= 0;
}

/** What a stack getter answers: the remembered stack if the native one is what we replaced. */
export function fixedStack(self: unknown, native: unknown): unknown {
  const fix = fixOf(self);
  return fix && native === fix.raw ? fix.stack : native;
}

/** What a DOMException location getter (0 filename, 1 lineNumber, 2 columnNumber) answers. */
export function fixedLocation(self: unknown, native: unknown, index: 0 | 1 | 2): unknown {
  const fix = fixOf(self);
  return fix && fix.location ? fix.location[index] : native;
}
