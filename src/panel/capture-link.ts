/**
 * The panel's port to the background. Reconnects when the service worker restarts and
 * re-subscribes with what it already has, so the relays resend only what is missing.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { PANEL_PORT, PROTOCOL_VERSION, type CommandRequest, type PanelMessage, type SinceMap, type TabConfigRequest } from '../protocol/ports';

export interface CaptureLinkOptions {
  tabId: number;
  since(): SinceMap;
  onMessage(message: PanelMessage): void;
  /** After each (re)subscription: the background forgets tab settings when the worker restarts. */
  onSubscribed(): void;
}

export interface CaptureLink { post(message: CommandRequest | TabConfigRequest): void; disconnect(): void }

export function connectCapture(options: CaptureLinkOptions): CaptureLink {
  let port: Runtime.Port | null = null;
  let stopped = false;

  const connect = () => {
    if (stopped) return;
    port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((message: unknown) => options.onMessage(message as PanelMessage));
    port.onDisconnect.addListener(() => { port = null; setTimeout(connect, 50); });
    port.postMessage({ v: PROTOCOL_VERSION, type: 'subscribe', tabId: options.tabId, since: options.since() });
    options.onSubscribed();
  };
  connect();
  return {
    post: (message) => port?.postMessage(message),
    disconnect: () => { stopped = true; port?.disconnect(); },
  };
}
