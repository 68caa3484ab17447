// Runs in a page, with or without the extension, and records everything a page could use
// to notice the WebSocket hook. The two records must be identical. No timings recorded.
/* eslint-disable */
(function () {
  const windowMessages = [];
  window.addEventListener('message', (e) => windowMessages.push(String(e.data)), true);
  window.onmessage = (e) => windowMessages.push('onmessage:' + String(e.data));
  const globalsAtStart = Object.getOwnPropertyNames(window).sort();
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
  function error(fn) {
    try { fn(); return 'no error'; } catch (e) {
      const sd = Object.getOwnPropertyDescriptor(e, 'stack');
      return { ctor: e && e.constructor && e.constructor.name, name: e.name, message: e.message, code: e.code,
        stackDescriptor: sd ? Object.keys(sd).join() + (sd.get ? fnToString.call(sd.get) : '') : 'none', ownKeys: Reflect.ownKeys(e).map(String),
        stack: String(e.stack).split('\n').filter((l) => !/node_modules/.test(l)).join('\n') };
    }
  }

  out.static = {
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
    };
    frame.remove();
    return result;
  }

  window.__probe = async (wsUrl) => {
    out.crossRealm = crossRealm();
    out.socket = await runSocketProbes(wsUrl);
    out.subclass = await runSubclassProbe(wsUrl);
    await new Promise((r) => setTimeout(r, 100));
    out.windowMessages = windowMessages;
    const globalsNow = Object.getOwnPropertyNames(window).sort();
    out.globalsAdded = globalsNow.filter((g) => !globalsAtStart.includes(g) && g !== '__probe');
    out.globalsAtStart = globalsAtStart;
    out.dom = document.documentElement.outerHTML;
    return out;
  };
})();
