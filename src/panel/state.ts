/**
 * The panel's one state (issue 13): the live capture and the imported session, the filtered
 * view and its search index, filters, selection, decode overrides, the payload cache and the
 * link to the capture, settings, and which panes and dialogs are open.
 *
 * Built on `@preact/signals` (Preact's own): a component that reads `x.value` while rendering
 * re-renders when `x` changes, so components read the slices they need from the context
 * (see context.ts) instead of taking them as props, and nothing re-renders for state it does not read.
 * The capture stores are plain mutable objects (a million frames are not copied per change):
 * `liveVersion` / `importedVersion` are the signals that say they changed.
 */
import { batch, computed, effect, signal, untracked } from '@preact/signals';
import { CaptureStore, type Connection, type Frame } from '../model/capture-store';
import { compileFilter, NO_FILTER, type FilterState } from '../model/filters';
import { FrameView } from '../model/frame-view';
import { learnNoise } from '../model/noise';
import { framePosition, SearchIndex } from '../model/search';
import { loadSession } from '../model/session-io';
import type { SocketCommand } from '../protocol/commands';
import { PROTOCOL_VERSION } from '../protocol/ports';
import type { InterceptConfig, Rule } from '../protocol/rules';
import { connectCapture, type CaptureLink } from './capture-link';
import type { ComposerDraft } from './Composer';
import { Decoding } from './decoding';
import { Payloads } from './full-payload';
import { PanelPairing } from './pairing-state';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from './settings';
import { readImport } from './transfer';

/** At most ~10 renders a second while frames stream: each render costs far more than applying a batch. */
const RENDER_EVERY_MS = 100;

export class PanelState {
  readonly live = new CaptureStore();
  /** Bumped (at most every RENDER_EVERY_MS) when the live store changed. */
  readonly liveVersion = signal(0);
  readonly imported = signal<{ name: string; store: CaptureStore } | null>(null);
  readonly showing = signal<'live' | 'imported'>('live');
  readonly importError = signal<string | null>(null);
  readonly dragging = signal(false);

  readonly settings = signal<Settings>(DEFAULT_SETTINGS);
  readonly filter = signal<FilterState>(NO_FILTER);
  readonly search = signal('');
  readonly selected = signal<Frame | null>(null);
  /** Frames added to the selection with Ctrl/Cmd-click (by index). */
  readonly marked = signal<ReadonlySet<number>>(new Set());
  /** A request to scroll a row into view; a new object each time. */
  readonly reveal = signal<{ row: number } | null>(null);
  /** Per-connection decoder chosen by the user (undefined: automatic). */
  readonly decodeAs = signal<ReadonlyMap<string, string | undefined>>(new Map());
  /** Why the last action on a big frame could not get its whole payload. */
  readonly problem = signal<string | null>(null);
  readonly menu = signal<{ frame: Frame; x: number; y: number } | null>(null);
  readonly draft = signal<ComposerDraft | null>(null);
  readonly exporting = signal(false);
  readonly replaying = signal(false);
  readonly breaking = signal(false);
  readonly connectionsShown: ReturnType<typeof signal<boolean>>;
  /** Pane sizes the user chose with their resize handles (px), null for the stylesheet's. */
  readonly paneSize = { details: signal<number | null>(null), composer: signal<number | null>(null), breakpoints: signal<number | null>(null) };

  readonly decoding = new Decoding();
  readonly payloads = new Payloads();
  readonly requestsShown = signal(false);
  private link: CaptureLink | null = null;
  private config: { rules: Rule[]; intercept: InterceptConfig | null } = { rules: [], intercept: null };
  private readonly view = new FrameView();
  private readonly searchIndex = new SearchIndex();

  /** The store on screen: the imported session while it is shown, else the live capture. */
  readonly store = computed(() => (this.showing.value === 'imported' && this.imported.value ? this.imported.value.store : this.live));
  /** Request/response pairs of the shown store (see pairing-state.ts). */
  readonly pairing = new PanelPairing(this.decoding, () => this.store.value, this.live, () => this.decodeAs.value);
  /** The shown store's change counter (read it to re-render when frames arrive). */
  readonly version = computed(() => (this.store.value === this.live ? this.liveVersion.value : 0));

  /** Heartbeats are learned again when the frame count doubles (or the store is rebuilt), not per frame. */
  private readonly noiseKey = computed(() => {
    if (!this.settings.value.hideNoise) return '';
    this.version.value;
    const store = this.store.value;
    return `${Math.floor(Math.log2(store.frames.length + 1))}:${store.layoutVersion}`;
  });
  private readonly noise = computed(() => (this.noiseKey.value ? learnNoise(this.store.value.frames) : []));
  /** Frame indexes of the requests without an answer, while the filter asks for them. */
  private readonly unansweredIds = computed(() => {
    if (!this.filter.value.unanswered) return new Set<number>();
    return new Set(this.pairing.current.unanswered(this.pairing.now(), this.settings.value.unansweredAfterMs).map((e) => e.request));
  });
  readonly compiledFilter = computed(() => compileFilter({ ...this.filter.value, hideNoise: this.settings.value.hideNoise, noise: this.noise.value }, this.unansweredIds.value));
  /** The filtered frames (derived state: the view object updates in place, cheaply, by appending). */
  readonly frames = computed(() => {
    this.version.value;
    this.view.update(this.store.value, this.compiledFilter.value);
    return { view: this.view, generation: this.view.generation, list: this.view.frames };
  });
  readonly searchHits = computed(() => {
    const { view } = this.frames.value;
    this.searchIndex.update(view, this.search.value);
    return { index: this.searchIndex, count: this.searchIndex.positions.length, error: this.searchIndex.error };
  });

  constructor(readonly tabId: number, wide: boolean) {
    this.connectionsShown = signal(wide);
  }

  /** Connects to the capture and loads settings; returns the disconnect. */
  start(): () => void {
    let timer = 0;
    const render = () => { timer = 0; this.liveVersion.value = this.live.version; this.pairing.schedule(); };
    const capture = connectCapture({
      tabId: this.tabId,
      since: () => this.live.since(),
      onMessage: (message) => {
        this.live.apply(message);
        if (!timer) timer = window.setTimeout(render, RENDER_EVERY_MS);
      },
      onSubscribed: () => { if (this.config.rules.length || this.config.intercept) setTimeout(() => this.pushConfig(), 0); },
    });
    this.link = capture;
    this.payloads.setLink(capture);
    void loadSettings().then((s) => this.applySettings(s));
    // A new store on screen is paired from where its index got; a decoder choice changes what frames mean.
    const shown = effect(() => { this.store.value; untracked(() => this.pairing.schedule()); });
    const decoders = effect(() => { this.decodeAs.value; untracked(() => this.pairing.restart()); });
    return () => { capture.disconnect(); this.link = null; this.payloads.setLink(null); window.clearTimeout(timer); shown(); decoders(); this.pairing.stop(); };
  }

  private applySettings(s: Settings): void {
    this.settings.value = s;
    this.live.options.preserveLog = s.preserveLog;
    this.live.options.maxFrames = s.maxFrames;
  }

  updateSettings(patch: Partial<Settings>): void {
    const next = { ...this.settings.value, ...patch };
    this.applySettings(next);
    saveSettings(next);
  }

  private refresh(): void { this.live.version++; this.liveVersion.value = this.live.version; }

  clear(): void {
    batch(() => {
      this.live.clear();
      this.refresh();
      this.selected.value = null;
      this.filter.value = { ...this.filter.value, connections: [], timeRange: null };
    });
  }

  /** A navigation of the inspected page: a new log unless it is preserved. */
  navigated(): void {
    if (this.live.options.preserveLog) return;
    this.live.clear();
    this.refresh();
  }

  togglePause(): void { this.live.paused = !this.live.paused; this.refresh(); }

  /** Acts on a live connection of the inspected tab. */
  command(connection: Connection, command: SocketCommand): void {
    this.link?.post({ v: PROTOCOL_VERSION, type: 'command', tabId: this.tabId, frameId: connection.frameId, conn: connection.id, command });
  }

  /** Rules and breakpoint for the whole tab (re-sent after every reconnection). */
  configure(rules: Rule[], intercept: InterceptConfig | null): void {
    this.config = { rules, intercept };
    this.pushConfig();
  }

  private pushConfig(): void {
    this.link?.post({ v: PROTOCOL_VERSION, type: 'configure', tabId: this.tabId, ...this.config });
  }

  releaseAll(): void { this.link?.post({ v: PROTOCOL_VERSION, type: 'release-all', tabId: this.tabId }); }

  select(frame: Frame | null, scroll = true): void {
    batch(() => {
      this.selected.value = frame;
      const row = frame && scroll ? framePosition(this.frames.value.view, frame.pos) : null;
      if (row !== null) this.reveal.value = { row };
    });
  }

  /** Next (or previous) search hit. */
  step(backwards: boolean): void {
    const { view } = this.frames.value;
    const pos = this.searchHits.value.index.step(this.selected.value?.pos ?? null, backwards);
    if (pos !== null) this.select(view.frames[framePosition(view, pos) ?? 0] ?? null);
  }

  /** "3 / 12", "invalid regex", or '' without a search. */
  searchStatus(): string {
    if (!this.search.value) return '';
    const hits = this.searchHits.value;
    return hits.error ? 'invalid regex' : `${hits.index.rank(this.selected.value?.pos ?? null)} / ${hits.count}`;
  }

  /** Closes the topmost open dialog; false when none was open. */
  closeDialog(): boolean {
    if (!this.exporting.value && !this.replaying.value && !this.requestsShown.value) return false;
    batch(() => { this.exporting.value = false; this.replaying.value = false; this.requestsShown.value = false; });
    return true;
  }

  async importFile(file: File): Promise<void> {
    try {
      const session = await readImport(file);
      const store = new CaptureStore({ maxFrames: Number.MAX_SAFE_INTEGER, preserveLog: true });
      loadSession(store, session, file.name);
      batch(() => {
        this.imported.value = { name: file.name, store };
        this.showing.value = 'imported';
        this.importError.value = null;
        this.selected.value = null;
      });
    } catch (e) {
      this.importError.value = `Import failed: ${(e as Error).message}`;
    }
  }
}
