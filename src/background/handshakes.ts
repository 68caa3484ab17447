/**
 * The WebSocket handshakes the browser reported for each tab (webRequest), kept in
 * `storage.session` so that a panel opened later — after the service worker was stopped,
 * even — can still say which sockets were opened where the page hook cannot reach (workers).
 * Bounded per tab; a tab's list is dropped when the tab starts loading a new page or closes.
 */
import type { Storage } from 'webextension-polyfill';

export interface Handshake { url: string; time: number; frameId: number }

const PER_TAB = 200;
const WRITE_DELAY_MS = 100;
const keyOf = (tabId: number) => `handshakes:${tabId}`;

export class HandshakeLog {
  /** Handshakes not written yet, per tab; written together a little later. */
  private pending = new Map<number, Handshake[]>();
  /** Per tab, storage operations run one after the other. */
  private chains = new Map<number, Promise<unknown>>();

  constructor(private area: Storage.StorageArea) {}

  record(tabId: number, handshake: Handshake): void {
    const list = this.pending.get(tabId);
    if (list) { list.push(handshake); return; }
    this.pending.set(tabId, [handshake]);
    setTimeout(() => {
      const added = this.pending.get(tabId);
      this.pending.delete(tabId);
      if (added) this.then(tabId, async () => this.area.set({ [keyOf(tabId)]: [...await this.read(tabId), ...added].slice(-PER_TAB) }));
    }, WRITE_DELAY_MS);
  }

  forTab(tabId: number): Promise<Handshake[]> {
    return this.then(tabId, async () => [...await this.read(tabId), ...(this.pending.get(tabId) ?? [])].slice(-PER_TAB));
  }

  forget(tabId: number): void {
    this.pending.delete(tabId);
    void this.then(tabId, () => this.area.remove(keyOf(tabId)));
  }

  private then<T>(tabId: number, op: () => Promise<T>): Promise<T> {
    const result = (this.chains.get(tabId) ?? Promise.resolve()).then(op);
    const chain = result.catch(() => undefined);
    this.chains.set(tabId, chain);
    void chain.then(() => { if (this.chains.get(tabId) === chain) this.chains.delete(tabId); });
    return result;
  }

  private async read(tabId: number): Promise<Handshake[]> {
    const value = (await this.area.get(keyOf(tabId)))[keyOf(tabId)];
    return Array.isArray(value) ? value.filter(isHandshake) : [];
  }
}

function isHandshake(v: unknown): v is Handshake {
  const h = v as Handshake;
  return typeof h === 'object' && h !== null && typeof h.url === 'string' && typeof h.time === 'number' && typeof h.frameId === 'number';
}
