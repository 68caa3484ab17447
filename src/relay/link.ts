/**
 * The relay's runtime port to the background. Opened lazily (a page without WebSockets
 * never wakes the service worker); while a panel is listening ("live") new events are
 * forwarded in batches, at most one message every FLUSH_MS; otherwise events stay in the
 * backlog until a panel asks for them.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import {
  PROTOCOL_VERSION, RELAY_PORT, isCommandRequest, isRelayCommand, isTabConfigRequest,
  type CommandRequest, type RelayCommand, type RelayCounters, type RelayMessage, type SinceMap, type TabConfigRequest, type WireEvent,
} from '../protocol/ports';
import { packEvents, type PackedEvents } from '../protocol/packed';
import type { Backlog } from './backlog';
import { batches, messagesCloneBuffers, toWire } from './wire';
import { isPayloadRequest } from '../protocol/payload';
import { answerPayloadRequest } from './payload';
import type { Captured } from './capture';
import type { HookPuller } from './hook-pull';

/**
 * A runtime message costs the page (serialisation, IPC) far more than its size: a socket in a
 * ping-pong would otherwise post one per frame. The panel renders at most every 100 ms anyway.
 */
const FLUSH_MS = 20;
/**
 * Flushed at once past this many events: a page that floods can keep the flush timer waiting,
 * and whatever is still in the outbox when the document goes is lost.
 */
const FLUSH_EVENTS = 2000;

export class RelayLink {
  private port: Runtime.Port | null = null;
  private live = false;
  private outbox: WireEvent[] = [];
  private flushScheduled = false;
  private readonly buffers = messagesCloneBuffers(browser.runtime.getManifest() as never, browser.runtime.getURL(''), navigator.userAgent);

  constructor(
    private docId: string,
    private backlog: Backlog,
    private hook: HookPuller,
    private toHook: (request: CommandRequest | TabConfigRequest) => void,
    private counters: () => RelayCounters,
  ) {
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (isRelayCommand(message)) void this.command(message);
      else if (isCommandRequest(message) && message.conn.startsWith(`${docId}:`)) toHook(message);
      else if (isTabConfigRequest(message)) toHook(message);
      else if (isPayloadRequest(message) && message.docId === docId) return Promise.resolve(answerPayloadRequest(message, (fseq) => backlog.frame(fseq)));
      return undefined;
    });
  }

  /** No panel is listening any more: rules and breakpoints must not outlive it. */
  private resetHook(): void {
    this.toHook({ v: PROTOCOL_VERSION, type: 'configure', tabId: 0, rules: [], intercept: null });
    this.toHook({ v: PROTOCOL_VERSION, type: 'release-all', tabId: 0 });
  }

  private get info() {
    return { docId: this.docId, url: location.href, timeOrigin: performance.timeOrigin };
  }

  /** Called for each new event after it entered the backlog. */
  onEvent(event: Captured): void {
    if (!this.port) this.connect();
    if (!this.live) return;
    this.outbox.push(toWire(event, this.buffers));
    if (this.outbox.length >= FLUSH_EVENTS) { this.flush(); return; }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Not setTimeout: timer ids are shared with the page's world, whose own ids would skip.
      AbortSignal.timeout(FLUSH_MS).addEventListener('abort', () => this.flush());
    }
  }

  /** Sends what is waiting now: the document is going away (pagehide), or the outbox is full. */
  flush(): void {
    this.flushScheduled = false;
    const events = this.outbox;
    this.outbox = [];
    if (!events.length || !this.live) return;
    const all = batches(events);
    // The counters go with the last batch: every frame they number was sent before them.
    for (const [i, batch] of all.entries()) {
      if (!this.post({ v: PROTOCOL_VERSION, type: 'events', docId: this.docId, events: this.pack(batch), ...(i === all.length - 1 ? { counters: this.counters() } : {}) })) return;
    }
    for (const e of events) if (e.kind === 'connection') this.backlog.markForwarded(e.conn);
  }

  private connect(): void {
    try {
      const port = browser.runtime.connect({ name: RELAY_PORT });
      this.port = port;
      port.onMessage.addListener((message: unknown) => {
        if (isRelayCommand(message)) void this.command(message);
        else if (isTabConfigRequest(message)) this.toHook(message);
      });
      port.onDisconnect.addListener(() => {
        if (this.port === port) { this.port = null; this.live = false; this.outbox = []; this.hook.quiet(); }
      });
      this.post({ v: PROTOCOL_VERSION, type: 'hello', ...this.info });
    } catch {
      this.port = null; // extension reloaded or disabled: keep capturing into the backlog
    }
  }

  private async command(command: RelayCommand): Promise<void> {
    if (command.type === 'unsync') { this.live = false; this.outbox = []; this.backlog.clearForwarded(); this.resetHook(); this.hook.quiet(); return; }
    // What the hook kept comes in first; from now on it posts reports as they happen.
    await this.hook.pull(true);
    if (this.backlog.isEmpty) { this.hook.quiet(); return; } // nothing captured here yet: the first event says hello
    if (!this.port) this.connect();
    if (this.outbox.length) this.flush();
    // Live only once the whole backlog went out on this port (else a new hello starts over).
    if (this.sendBacklog(command.since)) this.live = true;
    else this.hook.quiet();
  }

  private sendBacklog(since: SinceMap): boolean {
    const sinceFseq = typeof since[this.docId] === 'number' ? since[this.docId] : 0;
    // Frames the backlog no longer holds show as gaps in the frame numbers: the panel counts them.
    const { events } = this.backlog.snapshot(sinceFseq);
    const all = batches(events.map((e) => toWire(e, this.buffers)));
    for (const [c, chunk] of all.entries()) {
      const last = c === all.length - 1;
      if (!this.post({ v: PROTOCOL_VERSION, type: 'backlog', ...this.info, events: this.pack(chunk), ...(last ? { counters: this.counters() } : {}), last })) return false;
    }
    this.backlog.markForwarded();
    return true;
  }

  /** Structured clones: one JSON string and the binary payloads as buffers. JSON messaging: as they are. */
  private pack(events: WireEvent[]): WireEvent[] | PackedEvents {
    return this.buffers ? packEvents(events) : events;
  }

  /**
   * The page came back from the back/forward cache: its port may be dead without having said so
   * (Chromium closes a cached page's ports; messages posted on it vanish without an error). A new
   * port's hello gets a listening panel to ask for the backlog.
   */
  resume(): void {
    const old = this.port;
    this.port = null;
    this.live = false;
    this.outbox = [];
    this.hook.quiet();
    try { old?.disconnect(); } catch { /* already closed */ }
    if (!this.backlog.isEmpty) this.connect();
  }

  /**
   * False when the port is dead: what this message held stays in the backlog, and the panel's
   * resync after a new hello resends it (else nothing would, until the page's next event). The
   * caller sends nothing more of what it was sending: on the new port it would arrive before the
   * resync, as a gap in the frame numbers.
   */
  private post(message: RelayMessage): boolean {
    try {
      this.port?.postMessage(message);
      return true;
    } catch {
      this.port = null;
      this.live = false;
      this.outbox = [];
      this.hook.quiet();
      if (message.type !== 'hello') this.connect();
      return false;
    }
  }
}
