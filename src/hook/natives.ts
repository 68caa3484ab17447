/**
 * Everything the hook uses from the page's world, captured before any page script runs,
 * so that later tampering by the page (patched prototypes, replaced globals) cannot
 * break or observe the hook.
 */
// Copied, not referenced: the page can replace Reflect's methods on the global Reflect object.
const { apply, construct, ownKeys, getPrototypeOf, deleteProperty, setPrototypeOf, get } = Reflect;
const R = { apply, construct, ownKeys, getPrototypeOf, deleteProperty, setPrototypeOf, get };
const call = Function.prototype.call;
const bind = Function.prototype.bind;
/** `fn` as a function of (this, ...args): a bound `call`, with no allocation per call. */
const uncurry = <T extends (...a: any[]) => any>(fn: T) =>
  R.apply(bind, call, [fn]) as (self: unknown, ...args: Parameters<T>) => ReturnType<T>;

export type Natives = typeof natives;

export const natives = {
  Reflect: R,
  uncurry,
  defineProperty: Object.defineProperty,
  getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
  setPrototypeOf: Object.setPrototypeOf,
  WeakMap,
  Map,
  Proxy,
  mapGet: uncurry(Map.prototype.get as (key: unknown) => unknown),
  mapSet: uncurry(Map.prototype.set as (key: unknown, value: unknown) => Map<unknown, unknown>),
  mapDelete: uncurry(Map.prototype.delete as (key: unknown) => boolean),
  mapForEach: uncurry(Map.prototype.forEach as (fn: (value: any, key: any) => void) => void),
  Blob,
  weakGet: uncurry(WeakMap.prototype.get as (key: object) => unknown),
  weakSet: uncurry(WeakMap.prototype.set as (key: object, value: unknown) => WeakMap<object, unknown>),
  MessageChannel,
  ArrayBuffer,
  Uint8Array,
  isView: ArrayBuffer.isView,
  isArray: Array.isArray,
  now: performance.now.bind(performance),
  timeOrigin: performance.timeOrigin,
  queueMicrotask: queueMicrotask.bind(globalThis),
  postToWindow: uncurry(window.postMessage as (msg: unknown, origin: string, transfer?: Transferable[]) => void),
  portPost: uncurry(MessagePort.prototype.postMessage as (msg: unknown, transfer: Transferable[]) => void),
  addListener: uncurry(EventTarget.prototype.addEventListener as (type: string, fn: (e: any) => void) => void),
  arraySlice: uncurry(ArrayBuffer.prototype.slice as (begin?: number, end?: number) => ArrayBuffer),
  u8Slice: uncurry(Uint8Array.prototype.slice as (begin?: number, end?: number) => Uint8Array),
  indexOf: uncurry(String.prototype.indexOf as (s: string, from?: number) => number),
  slice: uncurry(String.prototype.slice as (a: number, b?: number) => string),
  dispatch: uncurry(EventTarget.prototype.dispatchEvent as (e: Event) => boolean),
  Event,
  MessageEvent,
  CloseEvent,
  // For the tools (injected later, when the page may have changed these):
  RegExp,
  exec: uncurry(RegExp.prototype.exec as (s: string) => RegExpExecArray | null),
  hasOwn: uncurry(Object.prototype.hasOwnProperty as (key: PropertyKey) => boolean),
  shift: uncurry(Array.prototype.shift as () => unknown),
  parse: JSON.parse,
  /**
   * An array without a prototype: appending (`a[a.length] = x`) cannot reach a setter the
   * page put on Array.prototype. Structured clone still sees an array.
   */
  list<T>(): T[] {
    const a: T[] = [];
    setPrototypeOf(a, null);
    return a;
  },
  /** An object without a prototype: a Proxy handler the page cannot add traps to through Object.prototype. */
  nullObject<T extends object>(o: T): T {
    setPrototypeOf(o, null);
    return o;
  },
  /**
   * An event of ours for the page (simulated, held or rewritten): its init dictionary has no
   * prototype, so its conversion asks nothing of getters the page put on Object.prototype.
   */
  event(Ctor: new (type: string, init?: any) => Event, type: string, init?: object): Event {
    const dict = init ? { ...init } : undefined;
    if (dict) setPrototypeOf(dict, null);
    return construct(Ctor, [type, dict]) as Event;
  },
  getter<T>(proto: object, name: string): (self: unknown) => T {
    return uncurry(Object.getOwnPropertyDescriptor(proto, name)!.get!) as (self: unknown) => T;
  },
};

const timeoutSignal = AbortSignal.timeout as (ms: number) => AbortSignal;

/**
 * Runs `fn` once after `ms`. Not setTimeout: timer ids are shared by all worlds of a window,
 * so the page would see its own ids skip. AbortSignal.timeout takes no id.
 */
export function after(ms: number, fn: () => void): void {
  natives.addListener(R.apply(timeoutSignal, AbortSignal, [ms]), 'abort', fn);
}

/** Epoch milliseconds with sub-millisecond precision. */
export function timestamp(): number {
  return natives.timeOrigin + natives.now();
}
