/**
 * The panel's port to the background. Reconnects when the service worker restarts and
 * re-subscribes with what it already has, so the relays resend only what is missing.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { PayloadRange, PayloadReply, PayloadRequest } from '../protocol/payload';
import { PANEL_PORT, PROTOCOL_VERSION, type CommandRequest, type PanelMessage, type SinceMap, type TabConfigRequest } from '../protocol/ports';

export interface CaptureLinkOptions {
  tabId: number;
  since(): SinceMap;
  onMessage(message: PanelMessage): void;
  /** After each (re)subscription: the background forgets tab settings when the worker restarts. */
  onSubscribed(): void;
}

export type RangeQuery = Omit<PayloadRequest, 'v' | 'type' | 'id' | 'tabId'>;

export interface CaptureLink {
  post(message: CommandRequest | TabConfigRequest): void;
  /** A range of a big frame's payload from the page (see protocol/payload). */
  fetchRange(query: RangeQuery): Promise<PayloadRange>;
  disconnect(): void;
}

function isPayloadReply(m: unknown): m is PayloadReply {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'payload-reply';
}

export function connectCapture(options: CaptureLinkOptions): CaptureLink {
  let port: Runtime.Port | null = null;
  let stopped = false;
  let nextId = 1;
  const pending = new Map<number, (range: PayloadRange) => void>();
  const failPending = () => {
    for (const answer of pending.values()) answer({ ok: false, error: 'the connection to the extension was reset: try again' });
    pending.clear();
  };

  const connect = () => {
    if (stopped) return;
    port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((message: unknown) => {
      if (isPayloadReply(message)) { pending.get(message.id)?.(message); pending.delete(message.id); return; }
      options.onMessage(message as PanelMessage);
    });
    port.onDisconnect.addListener(() => { port = null; failPending(); setTimeout(connect, 50); });
    port.postMessage({ v: PROTOCOL_VERSION, type: 'subscribe', tabId: options.tabId, since: options.since() });
    options.onSubscribed();
  };
  connect();
  return {
    post: (message) => port?.postMessage(message),
    fetchRange: (query) => new Promise((answer) => {
      if (!port) { answer({ ok: false, error: 'not connected to the extension: try again' }); return; }
      const id = nextId++;
      pending.set(id, answer);
      port.postMessage({ v: PROTOCOL_VERSION, type: 'payload', id, tabId: options.tabId, ...query } satisfies PayloadRequest);
    }),
    disconnect: () => { stopped = true; port?.disconnect(); failPending(); },
  };
}
