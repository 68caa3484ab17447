/**
 * A page that attacks the hook from its own world (the adversarial review of 2026-12-04): before
 * any socket exists it replaces every builtin the hook or its tools could call after page
 * scripts ran (Reflect, Function.prototype.call/apply/bind/toString, JSON, RegExp and String
 * methods, array iteration, Map/WeakMap, Object statics, postMessage, event methods,
 * ArrayBuffer[Symbol.hasInstance], getters on Object.prototype) with spies that record any call
 * carrying the user's data (MARK) or an argument to toString, and tries to take over anything
 * toString hands out. It also tries every string literal of the shipped hook file as a key.
 */
import type { TestServer } from '../../helpers/servers';

/** In the rules and composer payloads the test sets in the panel: the page must never see it in a call. */
export const MARK = 'S3CR3T';

export function serveHostileHookPage(server: TestServer): string {
  server.page('/hostile-hook', `<!doctype html><title>hostile hook</title><script>
(() => {
  const MARK = '${MARK}';
  const apply = Reflect.apply, construct = Reflect.construct, indexOf = String.prototype.indexOf, getOwn = Object.getOwnPropertyDescriptor, keysOf = Object.keys;
  const define = Object.defineProperty;
  const log = window.attackLog = [];
  window.hijacked = [];
  let busy = false; // the spies' own calls are not logged
  const marked = (v, depth) => {
    if (typeof v === 'string') return apply(indexOf, v, [MARK]) >= 0;
    if (!v || typeof v !== 'object' || depth > 2) return false;
    let ks;
    try { ks = keysOf(v); } catch { return false; }
    for (let i = 0; i < ks.length && i < 50; i++) {
      let d; try { d = getOwn(v, ks[i]); } catch { continue; }
      if (d && 'value' in d && marked(d.value, depth + 1)) return true;
    }
    return false;
  };
  const note = (what) => { log[log.length] = what; };
  const take = (value, via) => {
    // Anything but a string out of toString is the hook's: try to own it.
    if (value && (typeof value === 'object' || typeof value === 'function')) {
      note('got an object from ' + via);
      try { if (typeof value.install === 'function') { value.install({ active: () => true, outgoing: (id, ws) => apply(nativeSend, ws, ['HIJACKED']), incoming: () => false, holdClose: () => false, run: (c) => { window.hijacked[window.hijacked.length] = c; } }); note('installed tools'); } } catch {}
      try { if (typeof value.report === 'function') { value.report({ k: 'new', id: 999, t: 1, url: 'ws://forged/', protocols: [], api: 'WebSocket' }); note('forged a report'); } } catch {}
    }
  };
  const nativeSend = WebSocket.prototype.send;
  function spy(owner, key, name) {
    const d = getOwn(owner, key);
    if (!d || typeof d.value !== 'function') return;
    const original = d.value;
    const wrapped = function (...args) {
      if (!busy) {
        busy = true;
        try {
          if (marked(this, 0)) note(name + ' on marked this');
          for (let i = 0; i < args.length; i++) if (marked(args[i], 0)) note(name + ' with marked argument');
          if (name === 'Function.prototype.toString' && args.length) note('toString called with an argument');
          if ((name === 'Reflect.apply' || name === 'Function.prototype.call') && (args[0] === Function.prototype.toString || this === Function.prototype.toString) && args.length > 2) note(name + ' of toString with arguments');
        } finally { busy = false; }
      }
      const result = new.target ? construct(original, args, new.target) : apply(original, this, args);
      if (!busy && name === 'Function.prototype.toString') take(result, name);
      return result;
    };
    define(owner, key, { ...d, value: wrapped });
  }
  const targets = [
    [Reflect, ['apply', 'construct', 'get', 'set', 'ownKeys', 'getPrototypeOf', 'setPrototypeOf', 'deleteProperty', 'defineProperty', 'has'], 'Reflect.'],
    [Function.prototype, ['toString', 'call', 'apply', 'bind'], 'Function.prototype.'],
    [JSON, ['parse', 'stringify'], 'JSON.'],
    [RegExp.prototype, ['exec', 'test', Symbol.replace, Symbol.match, Symbol.split], 'RegExp.prototype.'],
    [String.prototype, ['indexOf', 'slice', 'includes', 'replace', 'split', 'startsWith', 'substring', 'charCodeAt'], 'String.prototype.'],
    [Array.prototype, ['push', 'shift', 'map', 'forEach', 'join', 'slice', 'indexOf', Symbol.iterator], 'Array.prototype.'],
    [Array, ['isArray', 'from'], 'Array.'],
    [Object, ['defineProperty', 'getOwnPropertyDescriptor', 'keys', 'assign', 'setPrototypeOf', 'getPrototypeOf'], 'Object.'],
    [Map.prototype, ['get', 'set', 'has', 'delete', 'forEach'], 'Map.prototype.'],
    [WeakMap.prototype, ['get', 'set', 'has'], 'WeakMap.prototype.'],
    [MessagePort.prototype, ['postMessage'], 'MessagePort.prototype.'],
    [EventTarget.prototype, ['dispatchEvent', 'addEventListener'], 'EventTarget.prototype.'],
    [window, ['postMessage', 'queueMicrotask', 'setTimeout'], 'window.'],
  ];
  for (const [owner, keys, prefix] of targets) for (const key of keys) spy(owner, key, prefix + String(key));
  define(ArrayBuffer, Symbol.hasInstance, { configurable: true, value(v) { if (!busy && marked(v, 0)) note('ArrayBuffer[Symbol.hasInstance]'); return Object.prototype.toString.call(v) === '[object ArrayBuffer]'; } });
  // Members a dictionary conversion or a missing property would look up on Object.prototype.
  for (const key of ['toJSON', 'lastEventId', 'ports', 'source', 'bubbles', 'cancelable', 'composed', 'origin', 'verdict', 'pauseId']) {
    define(Object.prototype, key, { configurable: true, get() { if (!busy && marked(this, 0)) note('Object.prototype.' + key + ' read on marked data'); return undefined; },
      set(v) { define(this, key, { value: v, writable: true, enumerable: true, configurable: true }); } });
  }

  /** Every string literal of the shipped hook, tried as the argument that unlocks the hook. */
  window.tryKeys = (candidates) => {
    const toString = Function.prototype.toString;
    const unlocked = [];
    busy = true; // the attacker's own calls
    for (const key of candidates) {
      for (const k of [key, key + ':tools']) {
        for (const f of [toString, WebSocket, WebSocket.prototype.send]) {
          const plain = apply(toString, f, []);
          const answer = apply(toString, f, [k]);
          if (answer !== plain) { unlocked[unlocked.length] = k; busy = false; take(answer, 'a key'); busy = true; }
        }
      }
    }
    busy = false;
    return unlocked;
  };

  window.seen = [];
  const ws = window.ws = new WebSocket('${server.wsUrl}/echo');
  ws.onmessage = (e) => { window.seen[window.seen.length] = typeof e.data === 'string' ? e.data : 'binary'; };
  window.say = (text) => ws.send(text);
  // The test reads what the page saw through this loop: handing the array itself to the test
  // harness would iterate marked data through the spies.
  // (The text is built here: a marked argument would pass through the harness's own calls.)
  window.sawMarked = (before, after) => {
    const text = before + MARK + after;
    for (let i = 0; i < window.seen.length; i++) if (window.seen[i] === text) return true;
    return false;
  };
})();
</script>`);
  return `${server.url}/hostile-hook`;
}

/** The quoted string literals of a built script (what a page can read from the extension's package). */
export function stringLiterals(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/"((?:[^"\\\n]|\\.){4,200})"|'((?:[^'\\\n]|\\.){4,200})'|`([^`$\\\n]{4,200})`/g)) found.add(m[1] ?? m[2] ?? m[3]);
  return [...found];
}
