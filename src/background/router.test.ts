import { expect, test } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { PANEL_PORT, RELAY_PORT } from '../protocol/ports';
import { Router } from './router';

const ORIGIN = 'chrome-extension://abc/';

/** A runtime port double: `deliver` plays a message from the other end, `sent` is what the router posted. */
function fakePort(name: string, sender: Runtime.MessageSender) {
  const onMessage: Array<(m: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  const sent: unknown[] = [];
  const port = {
    name, sender, sent,
    postMessage: (m: unknown) => sent.push(m),
    disconnect: () => onDisconnect.forEach((f) => f()),
    onMessage: { addListener: (f: (m: unknown) => void) => onMessage.push(f) },
    onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
    deliver: (m: unknown) => onMessage.forEach((f) => f(m)),
  };
  return port;
}

function setUp() {
  const router = new Router({
    extensionOrigin: ORIGIN, sendToTab: () => {}, sendToFrame: () => {},
    recentHandshakes: async () => [], askFrame: async () => undefined,
  });
  const panel = (since: Record<string, number>) => {
    const p = fakePort(PANEL_PORT, { url: `${ORIGIN}src/panel/panel.html` });
    router.connect(p as unknown as Runtime.Port);
    p.deliver({ v: 1, type: 'subscribe', tabId: 1, since });
    return p;
  };
  const relayHello = (docId: string) => {
    const r = fakePort(RELAY_PORT, { tab: { id: 1 } as Runtime.MessageSender['tab'], frameId: 0, url: 'http://page/' });
    router.connect(r as unknown as Runtime.Port);
    r.deliver({ v: 1, type: 'hello', docId, url: 'http://page/', timeOrigin: 1 });
    return r.sent;
  };
  return { panel, relayHello };
}

test('a relay saying hello again resends only what the tab\'s panels lack, not its whole backlog', () => {
  const { panel, relayHello } = setUp();
  const first = panel({ doc: 100_000 });
  expect(relayHello('doc')).toEqual([{ v: 1, type: 'sync', since: { doc: 100_000 } }]);
  expect(relayHello('new-doc')).toEqual([{ v: 1, type: 'sync', since: {} }]);
  panel({ doc: 40 }); // a second panel on the tab has less: the relay resends from there
  expect(relayHello('doc')).toEqual([{ v: 1, type: 'sync', since: { doc: 40 } }]);
  panel({}); // and one with nothing of it: everything
  expect(relayHello('doc')).toEqual([{ v: 1, type: 'sync', since: {} }]);
  first.disconnect();
});
