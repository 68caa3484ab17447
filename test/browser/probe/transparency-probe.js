// Runs in a page, with or without the extension, and records everything a page could use
// to notice the WebSocket hook. The two records must be identical. No timings recorded.
/* eslint-disable */
(function () {
  const windowMessages = [];
  window.addEventListener('message', (e) => windowMessages.push(String(e.data)), true);
  window.onmessage = (e) => windowMessages.push('onmessage:' + String(e.data));
  const globalsAtStart = Object.getOwnPropertyNames(window).sort();
  // Timer ids are shared by every world of a window: a timer the extension sets makes the page's skip.
  const firstTimer = setTimeout(() => {});
  const out = {};
  const fnToString = Function.prototype.toString;

  function describe(value) {
    if (typeof value === 'function') {
      return { type: 'function', name: value.name, length: value.length, src: fnToString.call(value),
        own: Object.getOwnPropertyNames(value), hasPrototype: Object.prototype.hasOwnProperty.call(value, 'prototype') };
    }
    return { type: typeof value, value: typeof value === 'object' ? String(value) : value };
  }
  function descriptors(obj) {
    const result = {};
    for (const key of Reflect.ownKeys(obj)) {
      const d = Object.getOwnPropertyDescriptor(obj, key);
      result[String(key)] = { enumerable: d.enumerable, configurable: d.configurable, writable: d.writable,
        value: 'value' in d ? describe(d.value) : undefined, get: d.get && describe(d.get), set: d.set && describe(d.set) };
    }
    return result;
  }
  // Every getter through which a page can read an error's stack or location (Firefox has them on
  // Error.prototype and DOMException.prototype; Chromium has none of them).
  const errorGetters = [[Error.prototype, 'stack'], [DOMException.prototype, 'stack'], [DOMException.prototype, 'filename'],
    [DOMException.prototype, 'lineNumber'], [DOMException.prototype, 'columnNumber']]
    .map(([proto, key]) => [key, (Object.getOwnPropertyDescriptor(proto, key) || {}).get]).filter(([, get]) => get);
  const withoutRunner = (stack) => String(stack).split('\n').filter((l) => !/node_modules/.test(l)).join('\n');
  function attempt(fn) {
    try { return { value: fn() }; } catch (e) { return { threw: String(e), stack: withoutRunner(e && e.stack), at: [e && e.fileName, e && e.lineNumber, e && e.columnNumber] }; }
  }
  /** Everything a page can read of an error, including its location and each stack/location getter's answer. */
  function errorInfo(e) {
    const sd = Object.getOwnPropertyDescriptor(e, 'stack');
    const own = {};
    for (const key of Reflect.ownKeys(e)) {
      const d = Object.getOwnPropertyDescriptor(e, key);
      own[String(key)] = [d.writable, d.enumerable, d.configurable, 'value' in d ? String(d.value) : 'accessor'];
    }
    return { ctor: e && e.constructor && e.constructor.name, name: e.name, message: e.message, code: e.code,
      stackDescriptor: sd ? Object.keys(sd).join() + (sd.get ? fnToString.call(sd.get) : '') : 'none', ownKeys: Reflect.ownKeys(e).map(String),
      stack: withoutRunner(e.stack), own,
      location: [e.fileName, e.lineNumber, e.columnNumber, e.filename],
      getters: errorGetters.map(([key, get]) => [key, attempt(() => withoutRunner(get.call(e)))]) };
  }
  function error(fn) {
    try { fn(); return 'no error'; } catch (e) { return errorInfo(e); }
  }
  /** The same error raised from a promise job: no script frame calls the function. */
  function errorInJob(fn) {
    return Promise.resolve().then(fn).then(() => 'no error', errorInfo);
  }
  // Errors raised deep in the stack, where the engine truncates it (Chromium: at Error.stackTraceLimit).
  function deep(n, fn) { return n ? deep(n - 1, fn) : fn(); }
  function withStackLimit(limit, fn) {
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = limit;
    try { return fn(); } finally { if (before === undefined) delete Error.stackTraceLimit; else Error.stackTraceLimit = before; }
  }
  /** The getters themselves: called on wrong receivers, and as constructors. */
  function gettersOnWrongReceivers() {
    return errorGetters.map(([key, get]) => [key, describe(get), [{}, 1, undefined, null, new Error('x'), Object.create(new TypeError('y'))]
      .map((self) => attempt(() => withoutRunner(get.call(self)))), error(() => new get())]);
  }

  /** What a page's Proxy, getters and replaced builtins see while the constructor reads its arguments. */
  function readsDuringConstruction() {
    const log = [];
    const list = ['a', 'b'];
    const proxy = new Proxy(list, { get(t, k, r) { log.push(['get', String(k), r === proxy]); return Reflect.get(t, k, r); },
      has(t, k) { log.push(['has', String(k)]); return Reflect.has(t, k); },
      getOwnPropertyDescriptor(t, k) { log.push(['gopd', String(k)]); return Reflect.getOwnPropertyDescriptor(t, k); } });
    const withGetter = ['x'];
    Object.defineProperty(withGetter, 1, { get() { log.push(['getter 1']); return 'y'; }, enumerable: true });
    const isArray = Array.isArray;
    let isArrayCalls = 0;
    Array.isArray = function (v) { isArrayCalls++; return isArray(v); };
    const sockets = [];
    try {
      sockets.push(new WebSocket('ws://127.0.0.1:1/', proxy), new WebSocket('ws://127.0.0.1:1/', withGetter),
        new WebSocket('ws://127.0.0.1:1/', new Set(['s'])), new WebSocket('ws://127.0.0.1:1/', ['p']));
    } finally {
      Array.isArray = isArray;
    }
    for (const ws of sockets) ws.close();
    return { log, isArrayCalls, badProtocolBehindProxy: error(() => new WebSocket('ws://127.0.0.1:1/', new Proxy(['a b'], {}))) };
  }

  /** `caller` and `arguments` of the constructor and methods: natives throw. */
  function callerAndArguments() {
    return [WebSocket, WebSocket.prototype.send, fnToString].flatMap((f) => ['caller', 'arguments'].map((k) => attempt(() => String(f[k]))));
  }

  out.static = {
    construction: readsDuringConstruction(),
    callerAndArguments: callerAndArguments(),
    ctor: describe(WebSocket),
    ctorString: String(WebSocket),
    toStringOfToString: fnToString.call(fnToString),
    toStringDescribed: describe(Function.prototype.toString),
    toStringDescriptor: descriptors(Function.prototype).toString,
    ctorDescriptors: descriptors(WebSocket),
    protoDescriptors: descriptors(WebSocket.prototype),
    globalDescriptor: descriptors({ WebSocket: 0 }) && (() => { const d = Object.getOwnPropertyDescriptor(window, 'WebSocket'); return { w: d.writable, e: d.enumerable, c: d.configurable, same: d.value === WebSocket }; })(),
    protoConstructor: WebSocket.prototype.constructor === WebSocket,
    ctorProto: Object.getPrototypeOf(WebSocket) === EventTarget,
    callWithoutNew: error(() => WebSocket('ws://127.0.0.1:1/')),
    newSend: error(() => new WebSocket.prototype.send()),
    badUrl: error(() => new WebSocket('not a url')),
    httpUrl: error(() => new WebSocket('ftp://127.0.0.1/')),
    fragmentUrl: error(() => new WebSocket('ws://127.0.0.1:1/#frag')),
    dupProtocols: error(() => new WebSocket('ws://127.0.0.1:1/', ['a', 'a'])),
    badProtocol: error(() => new WebSocket('ws://127.0.0.1:1/', 'bad protocol')),
    toStringOnObject: error(() => fnToString.call({})),
    illegalSend: error(() => WebSocket.prototype.send.call({}, 'x')),
    noArgs: error(() => new WebSocket()),
    toStringOnUndefined: error(() => fnToString.call(undefined)),
    toStringOnNumber: error(() => fnToString.call(1)),
    sendOnNumber: error(() => WebSocket.prototype.send.call(1, 'x')),
    callWithoutNewDeep: error(() => deep(200, () => WebSocket('ws://127.0.0.1:1/'))),
    illegalSendDeep: error(() => deep(126, () => WebSocket.prototype.send.call({}, 'x'))),
    stackLimitOne: withStackLimit(1, () => [error(() => WebSocket.prototype.send.call({}, 'x')), error(() => WebSocket('ws://127.0.0.1:1/')), error(() => deep(5, () => fnToString.call({})))]),
    stackLimitThree: withStackLimit(3, () => error(() => deep(5, () => new WebSocket('not a url')))),
    urlToStringThrows: error(() => new WebSocket({ toString() { throw new RangeError('from the page'); } })),
    errorProtoDescriptors: descriptors(Error.prototype),
    domExceptionProtoDescriptors: descriptors(DOMException.prototype),
    errorGetters: gettersOnWrongReceivers(),
  };

  function runSocketProbes(wsUrl) {
    return new Promise((resolve) => {
      const log = [];
      const ws = new WebSocket(wsUrl);
      const dyn = {
        classString: Object.prototype.toString.call(ws),
        instanceOf: ws instanceof WebSocket,
        ctor: ws.constructor === WebSocket,
        proto: Object.getPrototypeOf(ws) === WebSocket.prototype,
        ownKeys: Reflect.ownKeys(ws).map(String),
        sendConnecting: error(() => ws.send('too early')),
        sendConnectingDeep: error(() => deep(127, () => ws.send('too early'))),
        binaryTypeDefault: ws.binaryType,
      };
      ws.binaryType = 'nonsense';
      dyn.binaryTypeInvalid = ws.binaryType;
      ws.binaryType = 'arraybuffer';
      const handler = { handleEvent(e) { log.push(['handleEvent', e.type, this === handler, e.currentTarget === ws]); } };
      const removed = () => log.push(['removed']);
      ws.addEventListener('message', function (e) { log.push(['listener1', typeof e.data, this === ws, e.target === ws, e.isTrusted, e.eventPhase]); });
      ws.onmessage = function (e) { log.push(['onmessage', this === ws, e.isTrusted, e instanceof MessageEvent, Object.getPrototypeOf(e) === MessageEvent.prototype]); };
      ws.addEventListener('message', handler);
      ws.addEventListener('message', () => log.push(['once']), { once: true });
      ws.addEventListener('message', removed);
      ws.removeEventListener('message', removed);
      ws.addEventListener('open', (e) => log.push(['open', e.isTrusted, ws.readyState, ws.protocol, ws.extensions]));
      ws.onopen = () => {
        let calls = 0;
        const tricky = { toString() { calls++; return 'tricky'; } };
        ws.send('text é 😀');
        ws.send(new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 4));
        ws.send(new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2));
        ws.send(new Uint16Array([0x0102, 0x0304]).buffer);
        ws.send(new Blob(['blob', new Uint8Array([0, 255])]));
        ws.send(tricky);
        ws.send(42);
        dyn.toStringCalls = calls;
        dyn.sendReturn = ws.send('ret');
        dyn.bufferedAmountNumber = typeof ws.bufferedAmount;
        dyn.closeBadCode = error(() => ws.close(999));
        dyn.closeLongReason = error(() => ws.close(1000, 'x'.repeat(124)));
        dyn.sendToStringThrows = error(() => ws.send({ toString() { throw new TypeError('from the page'); } }));
      };
      const echoes = [];
      ws.addEventListener('message', (e) => {
        echoes.push(typeof e.data === 'string' ? e.data : Array.from(new Uint8Array(e.data)).join(','));
        if (echoes.length === 8) ws.close(1000, 'done');
      });
      ws.onclose = (e) => {
        dyn.close = [e.code, e.reason, e.wasClean, e.isTrusted, ws.readyState];
        dyn.echoes = echoes;
        dyn.sendAfterClose = error(() => ws.send('after close'));
        dyn.log = log;
        resolve(dyn);
      };
    });
  }

  function runSubclassProbe(wsUrl) {
    return new Promise((resolve) => {
      class Tagged extends WebSocket {
        constructor(url) { super(url); this.tag = 'mine'; }
        hello() { return 'hi'; }
      }
      const t = new Tagged(wsUrl);
      const r = { isTagged: t instanceof Tagged, isWs: t instanceof WebSocket, proto: Object.getPrototypeOf(t) === Tagged.prototype,
        tag: t.tag, hello: t.hello(), ctor: t.constructor === Tagged, staticOpen: Tagged.OPEN };
      t.onopen = () => t.send('sub');
      t.onmessage = (e) => { r.echo = e.data; t.close(); };
      t.onclose = (e) => { r.closeCode = e.code; resolve(r); };
    });
  }

  /** Another realm's toString on this realm's functions, and the other way round. */
  function crossRealm() {
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    const other = frame.contentWindow;
    const theirToString = other.Function.prototype.toString;
    const result = {
      theirsOnOurs: [WebSocket, WebSocket.prototype.send, fnToString].map((f) => theirToString.call(f)),
      oursOnTheirs: [other.WebSocket, other.WebSocket.prototype.send, theirToString].map((f) => fnToString.call(f)),
      theirWebSocket: String(other.WebSocket),
      secretArgument: fnToString.call(WebSocket, 'anything'),
      // An error raised through the other frame's hook, read through this frame's getters too.
      theirError: error(() => other.WebSocket.prototype.send.call({}, 'x')),
    };
    frame.remove();
    return result;
  }

  async function jobErrors(wsUrl) {
    const ws = new WebSocket(wsUrl);
    const result = {
      callWithoutNew: await errorInJob(WebSocket),
      illegalSend: await errorInJob(WebSocket.prototype.send),
      sendConnecting: await errorInJob(ws.send.bind(ws, 'too early')),
      toStringOnObject: await errorInJob(fnToString.bind({})),
    };
    ws.close();
    return result;
  }

  window.__probe = async (wsUrl) => {
    out.crossRealm = crossRealm();
    out.jobErrors = await jobErrors(wsUrl);
    out.socket = await runSocketProbes(wsUrl);
    out.subclass = await runSubclassProbe(wsUrl);
    await new Promise((r) => setTimeout(r, 100));
    out.timerIdsTaken = setTimeout(() => {}) - firstTimer; // the probe's own: the wait above, and this one
    out.windowMessages = windowMessages;
    const globalsNow = Object.getOwnPropertyNames(window).sort();
    out.globalsAdded = globalsNow.filter((g) => !globalsAtStart.includes(g) && g !== '__probe');
    out.globalsAtStart = globalsAtStart;
    out.dom = document.documentElement.outerHTML;
    return out;
  };
})();
