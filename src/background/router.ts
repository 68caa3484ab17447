/**
 * Routes capture data from the relays of a tab to the panels inspecting that tab, and
 * nowhere else. Holds no captured data itself: the relays keep the backlog, so a
 * service-worker restart loses nothing (panels re-subscribe and relays resend).
 */
import type { Runtime } from 'webextension-polyfill';
import { isSocketCommand, isTabConfig } from '../protocol/commands';
import {
  PANEL_PORT, PROTOCOL_VERSION, RELAY_PORT, isCommandRequest, isPanelRequest, isRelayMessage, isTabConfigRequest,
  type CommandRequest, type HandshakeMessage, type PanelMessage, type RelayCommand, type SinceMap, type TabConfigRequest,
} from '../protocol/ports';
import { isPayloadRange, isPayloadRequest, type PayloadRange, type PayloadReply, type PayloadRequest } from '../protocol/payload';

export interface RouterDeps {
  extensionOrigin: string;
  sendToTab(tabId: number, command: RelayCommand | TabConfigRequest): void;
  sendToFrame(tabId: number, frameId: number, request: CommandRequest): void;
  /** Handshakes the browser reported for the tab before a panel subscribed (see handshakes.ts). */
  recentHandshakes(tabId: number): Promise<Array<{ url: string; time: number; frameId: number }>>;
  /** Asks one frame of a tab and resolves with its answer (undefined or a rejection when nobody answered). */
  askFrame(tabId: number, frameId: number, request: PayloadRequest): Promise<unknown>;
}

const DOCUMENT_GONE = 'the page no longer holds this payload: its document is gone (reloaded, navigated away or closed)';

export class Router {
  private panels = new Map<number, Set<Runtime.Port>>();
  private relays = new Map<number, Set<Runtime.Port>>();
  /** The latest rules/breakpoint per tab, for documents that appear while the panel is open. */
  private configs = new Map<number, TabConfigRequest>();
  /**
   * What each panel had when it last subscribed, per document: a relay that says hello again (it
   * reconnected after a worker restart) resends only what every panel of its tab lacks, not its
   * whole backlog.
   */
  private since = new Map<Runtime.Port, SinceMap>();

  constructor(private deps: RouterDeps) {}

  connect(port: Runtime.Port): void {
    const sender = port.sender;
    const fromExtensionPage = !!sender?.url?.startsWith(this.deps.extensionOrigin);
    if (port.name === RELAY_PORT && sender?.tab?.id !== undefined && !fromExtensionPage) {
      this.addRelay(port, sender.tab.id, sender.frameId ?? 0);
    } else if (port.name === PANEL_PORT && fromExtensionPage) {
      this.addPanel(port);
    } else {
      port.disconnect();
    }
  }

  /** A WebSocket handshake the browser saw in a tab: panels inspecting the tab are told. */
  handshake(tabId: number, url: string, time: number, frameId: number): void {
    const message: HandshakeMessage = { v: PROTOCOL_VERSION, type: 'handshake', url, time, frameId };
    for (const panel of this.panels.get(tabId) ?? []) panel.postMessage(message);
  }

  private addRelay(port: Runtime.Port, tabId: number, frameId: number): void {
    add(this.relays, tabId, port);
    port.onDisconnect.addListener(() => remove(this.relays, tabId, port));
    port.onMessage.addListener((message: unknown) => {
      if (!isRelayMessage(message)) return;
      if (message.type === 'hello') {
        if (!this.panels.has(tabId)) return;
        const had = this.sinceOfTab(tabId, message.docId);
        port.postMessage({ v: PROTOCOL_VERSION, type: 'sync', since: had === undefined ? {} : { [message.docId]: had } } satisfies RelayCommand);
        const config = this.configs.get(tabId);
        if (config) port.postMessage(config);
        return;
      }
      const panels = this.panels.get(tabId);
      if (!panels) return;
      const tagged: PanelMessage = { ...message, frameId };
      for (const panel of panels) panel.postMessage(tagged);
    });
  }

  private addPanel(port: Runtime.Port): void {
    let tabId: number | undefined;
    port.onMessage.addListener((message: unknown) => {
      // Commands go only to the tab this panel subscribed to, to the frame it names.
      if (isCommandRequest(message)) {
        if (tabId === undefined || message.tabId !== tabId || !isSocketCommand(message.command)) return;
        this.deps.sendToFrame(tabId, message.frameId, message);
        return;
      }
      if (isPayloadRequest(message)) {
        if (message.tabId === tabId) void this.fetchRange(port, message);
        return;
      }
      if (isTabConfigRequest(message)) {
        if (message.tabId !== tabId) return;
        if (message.type === 'configure') {
          if (!isTabConfig(message.rules, message.intercept)) return;
          this.configs.set(tabId, message);
        }
        this.deps.sendToTab(tabId, message);
        return;
      }
      if (!isPanelRequest(message)) return;
      if (tabId !== undefined) remove(this.panels, tabId, port);
      tabId = message.tabId;
      add(this.panels, tabId, port);
      const since = sanitizeSince(message.since);
      this.since.set(port, since);
      this.deps.sendToTab(tabId, { v: PROTOCOL_VERSION, type: 'sync', since });
      const subscribed = tabId;
      void this.deps.recentHandshakes(subscribed).then((list) => {
        if (tabId !== subscribed) return;
        for (const h of list) port.postMessage({ v: PROTOCOL_VERSION, type: 'handshake', ...h } satisfies HandshakeMessage);
      }).catch(() => undefined);
    });
    port.onDisconnect.addListener(() => {
      this.since.delete(port);
      if (tabId === undefined) return;
      remove(this.panels, tabId, port);
      if (this.panels.has(tabId)) return;
      this.configs.delete(tabId);
      for (const relay of this.relays.get(tabId) ?? []) relay.postMessage({ v: PROTOCOL_VERSION, type: 'unsync' } satisfies RelayCommand);
    });
  }

  /** The least any panel of the tab has of `docId` (undefined: some panel has nothing of it). */
  private sinceOfTab(tabId: number, docId: string): number | undefined {
    let least: number | undefined;
    for (const panel of this.panels.get(tabId) ?? []) {
      const had = this.since.get(panel)?.[docId];
      if (had === undefined) return undefined;
      least = least === undefined ? had : Math.min(least, had);
    }
    return least;
  }

  /** A range of a big frame's payload, from the relay of its document to the panel that asked. */
  private async fetchRange(port: Runtime.Port, request: PayloadRequest): Promise<void> {
    let range: PayloadRange;
    try {
      const answer = await this.deps.askFrame(request.tabId, request.frameId, request);
      range = isPayloadRange(answer) ? answer : { ok: false, error: DOCUMENT_GONE };
    } catch {
      range = { ok: false, error: DOCUMENT_GONE };
    }
    try { port.postMessage({ v: PROTOCOL_VERSION, type: 'payload-reply', id: request.id, ...range } satisfies PayloadReply); } catch { /* the panel closed */ }
  }
}

function sanitizeSince(since: SinceMap): SinceMap {
  const clean: SinceMap = {};
  for (const [docId, fseq] of Object.entries(since)) if (typeof fseq === 'number' && fseq >= 0) clean[docId] = fseq;
  return clean;
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function remove<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
