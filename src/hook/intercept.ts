/**
 * Rules and breakpoints in the page: frames matching a rule are rewritten or blocked;
 * frames matching the intercept config are held until the panel forwards (maybe edited)
 * or drops them. Per socket and direction, later frames queue behind a held one, so order
 * is kept. A held frame is forwarded as is after its timeout. Part of the tools (core.ts):
 * inactive (no rules, no intercept, nothing held) it costs the core one check per frame.
 */
import { applyRules, shouldIntercept, type InterceptConfig, type Ops, type Rule } from '../protocol/rules';
import type { Core } from './core';
import { stringifyParsed } from './json';

interface Held { pauseId: number; data: string | ArrayBuffer; verdict: null | { forward: boolean; data: string | ArrayBuffer } }
interface Queue { items: Held[]; close: CloseEventInit | null }

export type Intercept = ReturnType<typeof createIntercept>;

export function createIntercept(core: Core) {
  const { natives, report, timestamp, sockets: socketOps } = core;
  const { indexOf, slice } = natives;
  const ops: Ops = {
    RegExp: natives.RegExp, exec: natives.exec, indexOf, slice, parse: natives.parse, stringify: stringifyParsed, hasOwn: natives.hasOwn,
    set: (o, k, v) => natives.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true }),
    remove: (o, k) => { natives.Reflect.deleteProperty(o, k); },
  };

  let rules: Rule[] = [];
  let breakpoint: InterceptConfig | null = null;
  let held = 0; // frames held across all sockets
  let nextPause = 1;
  const queues = new natives.Map<string, Queue>();

  function active(): boolean { return rules.length > 0 || breakpoint !== null || held > 0; }

  function configure(newRules: Rule[], config: InterceptConfig | null): void {
    rules = newRules;
    breakpoint = config;
  }

  const key = (id: number, dir: 'sent' | 'received') => `${dir}:${id}`;
  const textOf = (data: string | ArrayBuffer) => (typeof data === 'string' ? data : null);

  /** An outgoing frame: sent now (maybe rewritten), blocked, or held (matched, or behind a held frame). */
  function outgoing(id: number, ws: WebSocket, data: string | ArrayBuffer, state: number): void {
    const url = socketOps.url(ws);
    const outcome = applyRules(rules, 'sent', url, textOf(data), ops);
    if (outcome?.blocked) return reportFrame('send', id, data, state, { blocked: outcome.rule });
    const final = outcome ? outcome.data : data;
    const queue = natives.mapGet(queues, key(id, 'sent')) as Queue | undefined;
    const matched = !!breakpoint && shouldIntercept(breakpoint, 'sent', url, textOf(final), ops);
    if (matched || (queue && queue.items.length)) return hold(id, 'sent', final, queue, matched);
    socketOps.send(ws, final);
    reportFrame('send', id, final, state, outcome ? { original: data as string, rule: outcome.rule } : {});
  }

  /** An incoming frame, before any page listener: true when the hook took it over (rewritten, blocked or held). */
  function incoming(id: number, ws: WebSocket, data: string | ArrayBuffer): boolean {
    const url = socketOps.url(ws);
    const outcome = applyRules(rules, 'received', url, textOf(data), ops);
    if (outcome?.blocked) { reportFrame('message', id, data, 1, { blocked: outcome.rule }); return true; }
    const final = outcome ? outcome.data : data;
    const queue = natives.mapGet(queues, key(id, 'received')) as Queue | undefined;
    const matched = !!breakpoint && shouldIntercept(breakpoint, 'received', url, textOf(final), ops);
    if (matched || (queue && queue.items.length)) { hold(id, 'received', final, queue, matched); return true; }
    if (!outcome) return false;
    reportFrame('message', id, final, 1, { original: data as string, rule: outcome.rule });
    socketOps.deliver(ws, final);
    return true;
  }

  /** A close event while incoming frames are held: delivered after them. */
  function holdClose(id: number, init: CloseEventInit): boolean {
    const queue = natives.mapGet(queues, key(id, 'received')) as Queue | undefined;
    if (!queue || !queue.items.length) return false;
    queue.close = init;
    return true;
  }

  /**
   * Holds a frame. `matched`: the breakpoint matched it, so the panel decides; otherwise it
   * only waits behind held frames (order) and goes on by itself once they are resolved.
   */
  function hold(id: number, dir: 'sent' | 'received', data: string | ArrayBuffer, existing: Queue | undefined, matched: boolean): void {
    let queue = existing;
    if (!queue) natives.mapSet(queues, key(id, dir), (queue = { items: natives.list(), close: null }));
    const pauseId = nextPause++;
    if (!matched) {
      const waiting: Held = { pauseId, data, verdict: { forward: true, data } };
      queue.items[queue.items.length] = waiting;
      held++;
      return;
    }
    const timeout = breakpoint?.timeoutMs ?? 30_000;
    const item: Held = { pauseId, data, verdict: null };
    core.after(timeout, () => verdict(id, pauseId, true, null, 'timeout')); // a no-op once decided
    queue.items[queue.items.length] = item;
    held++;
    const copy = typeof data === 'string' ? data : natives.arraySlice(data);
    report({ k: 'paused', id, t: timestamp(), pauseId, dir, data: copy }, typeof copy === 'string' ? undefined : copy);
  }

  /** The panel's decision on one held frame; frames leave the queue only in order. */
  function verdict(id: number, pauseId: number, forward: boolean, data: string | null, why: 'panel' | 'timeout' = 'panel'): void {
    for (let d = 0; d < 2; d++) {
      const dir = d ? 'received' : 'sent';
      const queue = natives.mapGet(queues, key(id, dir)) as Queue | undefined;
      let item: Held | undefined;
      for (let i = 0; queue && i < queue.items.length; i++) if (queue.items[i].pauseId === pauseId) item = queue.items[i];
      if (!queue || !item || item.verdict) continue;
      item.verdict = { forward, data: data ?? item.data };
      report({ k: 'resolved', id, t: timestamp(), pauseId, action: why === 'timeout' ? 'timeout' : forward ? 'forward' : 'drop' });
      drain(id, dir, queue);
    }
  }

  function drain(id: number, dir: 'sent' | 'received', queue: Queue): void {
    const ws = socketOps.socket(id);
    while (queue.items.length && queue.items[0].verdict) {
      const item = queue.items[0];
      natives.shift(queue.items);
      held--;
      const v = item.verdict!;
      const edited = v.data !== item.data && typeof item.data === 'string' ? { original: item.data, rule: 'edited in the panel' } : {};
      if (!v.forward) reportFrame(dir === 'sent' ? 'send' : 'message', id, item.data, 1, { blocked: 'dropped in the panel' });
      else if (ws && dir === 'sent') { socketOps.send(ws, v.data); reportFrame('send', id, v.data, 1, edited); }
      else if (ws) { reportFrame('message', id, v.data, 1, edited); socketOps.deliver(ws, v.data); }
    }
    if (!queue.items.length && queue.close && ws) {
      const init = queue.close;
      queue.close = null;
      socketOps.deliverClose(ws, init);
    }
  }

  /** Forward everything held, as is (the "escape hatch", and what happens when the panel goes away). */
  function releaseAll(): void {
    breakpoint = null;
    const undecided = natives.list<[number, number]>(); // [socket id, pause id], collected first: verdicts drain queues
    natives.mapForEach(queues, (queue: Queue, k: string) => {
      const id = +slice(k, indexOf(k, ':') + 1);
      for (let i = 0; i < queue.items.length; i++) if (!queue.items[i].verdict) undecided[undecided.length] = [id, queue.items[i].pauseId];
    });
    for (let i = 0; i < undecided.length; i++) verdict(undecided[i][0], undecided[i][1], true, null);
  }

  type Extra = { blocked?: string; original?: string; rule?: string };
  function reportFrame(k: 'send' | 'message', id: number, data: string | ArrayBuffer, state: number, extra: Extra): void {
    const t = timestamp();
    if (typeof data === 'string') return report(k === 'send' ? { k, id, t, data, state, ...extra } : { k, id, t, data, ...extra });
    const copy = natives.arraySlice(data);
    report(k === 'send' ? { k, id, t, data: copy, state, ...extra } : { k, id, t, data: copy, ...extra }, copy);
  }

  return { active, configure, outgoing, incoming, holdClose, verdict, releaseAll };
}
