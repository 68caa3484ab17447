/** The panel: toolbar, chips, stats and timeline, connections, frames table, details. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { uncapturedSockets, type Frame } from '../model/capture-store';
import { compileFilter, NO_FILTER, type FilterState } from '../model/filters';
import { FrameView } from '../model/frame-view';
import { learnNoise } from '../model/noise';
import { lossNotices } from '../model/losses';
import { framePosition, SearchIndex } from '../model/search';
import { timelineSeries } from '../model/stats';
import { templateFromFrame } from '../model/composer';
import { resendCommand } from '../protocol/commands';
import { sessionFromStore } from '../model/session-io';
import { ExportDialog } from './ExportDialog';
import { completeFrame } from './full-payload';
import { SessionBar, useImportedSession } from './SessionBar';
import { BreakpointsPanel } from './BreakpointsPanel';
import { ReplayDialog } from './ReplayDialog';
import { useRulesState } from './rules-state';
import { tableSummary } from './decoding';
import { Composer, type ComposerDraft } from './Composer';
import { ConnectionList } from './ConnectionList';
import { ContextMenu } from './ContextMenu';
import { FilterChips } from './FilterChips';
import { FrameDetails } from './FrameDetails';
import { FrameTable } from './FrameTable';
import { devtoolsTheme } from './inspected-tab';
import { frameMenu } from './frame-menu';
import { useSettings } from './settings';
import { StatsBar } from './StatsBar';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';
import { useCaptureStore } from './use-store';
import { useKeyboard } from './use-keyboard';

/** Below this the chart would take the rows' room (DevTools docked at the bottom). */
const MIN_HEIGHT_FOR_TIMELINE = 450;

function useWindowHeight(): number {
  const [height, setHeight] = useState(innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(innerHeight);
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);
  return height;
}

function useSecondTick(): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, []);
}

/** The marked set after a Ctrl/Cmd-click on `frame` (the focused frame joins the set on the first one). */
function toggled(marked: Set<number>, frame: Frame, focused: Frame | null): Set<number> {
  const next = new Set(marked);
  if (focused && next.size === 0) next.add(focused.index);
  if (next.has(frame.index)) next.delete(frame.index); else next.add(frame.index);
  return next;
}

export function App({ tabId }: { tabId: number }) {
  const [settings, updateSettings] = useSettings();
  const live = useCaptureStore(tabId, settings.preserveLog, settings.maxFrames);
  const sessions = useImportedSession();
  const store = sessions.showing ?? live.store;
  const { clear, togglePause, command } = live;
  const [exporting, setExporting] = useState(false);
  const [breaking, setBreaking] = useState(false);
  const [replaying, setReplaying] = useState(false);
  /** Per-connection decoder chosen by the user (undefined: automatic). */
  const [decodeAs, setDecodeAs] = useState(new Map<string, string | undefined>());
  const rulesState = useRulesState(live.configure);
  const [draft, setDraft] = useState<ComposerDraft | null>(null);
  const [filterState, setFilter] = useState<FilterState>(NO_FILTER);
  const [selected, setSelected] = useState<Frame | null>(null);
  const [marked, setMarked] = useState<Set<number>>(new Set());
  const [reveal, setReveal] = useState<{ row: number } | null>(null);
  const [search, setSearch] = useState('');
  /** Why the last action on a big frame could not get its whole payload. */
  const [problem, setProblem] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ frame: Frame; x: number; y: number } | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const tall = useWindowHeight() >= MIN_HEIGHT_FOR_TIMELINE;
  useSecondTick(); // rates, durations and late "uncaptured socket" notices change with time alone
  const view = useRef(new FrameView()).current;
  const searchIndex = useRef(new SearchIndex()).current;

  const noiseEpoch = settings.hideNoise ? Math.floor(Math.log2(store.frames.length + 1)) : -1;
  const noise = useMemo(() => (settings.hideNoise ? learnNoise(store.frames) : []), [noiseEpoch, store.layoutVersion]);
  const filter = useMemo(() => compileFilter({ ...filterState, hideNoise: settings.hideNoise, noise }), [filterState, settings.hideNoise, noise]);
  view.update(store, filter);
  searchIndex.update(view, search);

  const connections = [...store.connections.values()];
  const numbers = new Map(connections.map((c, i) => [c.id, i + 1]));
  const connectionLabel = (id: string) => {
    const c = store.connections.get(id);
    return c ? `#${numbers.get(id)} ${c.url.replace(/^wss?:\/\/[^/]+/, '') || '/'}` : id;
  };
  const connectionStart = (id: string) => { const c = store.connections.get(id); return c?.openedAt ?? c?.createdAt ?? 0; };

  const select = (frame: Frame | null, scroll = true) => {
    setSelected(frame);
    const row = frame && scroll ? framePosition(view, frame.pos) : null;
    if (row !== null) setReveal({ row });
  };
  const step = (backwards: boolean) => {
    const pos = searchIndex.step(selected?.pos ?? null, backwards);
    if (pos !== null) select(view.frames[framePosition(view, pos) ?? 0] ?? null);
  };
  useKeyboard({ view, selected, select, focusSearch: () => searchBox.current?.focus() });
  useEffect(() => { if (selected && framePosition(view, selected.pos) === null) setSelected(null); });

  /** Re-sends a frame's whole payload (a big frame's is fetched from the page first). */
  const resend = async (frame: Frame) => {
    const connection = store.connections.get(frame.conn);
    if (connection?.state !== 'open') return;
    try { command(connection, resendCommand(await completeFrame(frame, connection))); } catch (e) { setProblem(`Not replayed: ${(e as Error).message}`); }
  };
  const frameActions = (frame: Frame) => {
    const connection = store.connections.get(frame.conn);
    const several = view.frames.filter((f) => marked.has(f.index) && f.dir === 'sent');
    return {
      replay: connection?.state === 'open' ? () => resend(frame) : null,
      replaySelection: several.length > 1 ? { count: several.length, run: async () => { for (const f of several) await resend(f); } } : null,
      editAndReplay: () => void completeFrame(frame, connection).then(
        (f) => setDraft({ ...templateFromFrame(f), conn: frame.conn }), (e) => setProblem(`Cannot edit: ${(e as Error).message}`)),
      complete: () => completeFrame(frame, connection),
      onUnavailable: setProblem,
    };
  };

  const searchStatus = search ? (searchIndex.error ? 'invalid regex' : `${searchIndex.rank(selected?.pos ?? null)} / ${searchIndex.positions.length}`) : '';
  const series = useMemo(() => timelineSeries(store), [Math.floor(Date.now() / 1000), store.layoutVersion]);
  const empty = store.frames.length === 0 && connections.length === 0;

  return (
    <div class={`app${sessions.dragging ? ' drop-target' : ''}`} {...sessions.dropHandlers}>
      <SessionBar sessions={sessions} onExport={() => setExporting(!exporting)} onReplay={() => setReplaying(!replaying)} />
      {replaying && <ReplayDialog source={store} live={live.store} command={command} onClose={() => setReplaying(false)} />}
      {exporting && <ExportDialog all={() => sessionFromStore(store)} filtered={() => sessionFromStore(store, view.frames)} filteredCount={view.frames.length}
        totalCount={store.frames.length} onClose={() => setExporting(false)} />}
      <Toolbar filter={filterState} filterError={filter.error} onFilter={setFilter} settings={settings} onSettings={updateSettings}
        paused={store.paused} onPause={togglePause} onClear={() => { clear(); setSelected(null); setFilter({ ...filterState, connections: [], timeRange: null }); }}
        search={search} searchStatus={searchStatus} searchRef={searchBox} onSearch={setSearch} onSearchStep={step}
        composing={draft !== null} onCompose={() => setDraft(draft ? null : { mode: 'text', text: '' })}
        breaking={breaking} onBreak={() => setBreaking(!breaking)} />
      <FilterChips filter={filterState} onFilter={setFilter} connectionLabel={connectionLabel} shown={view.frames.length} total={store.frames.length}
        losses={lossNotices(store)} dropped={store.dropped} maxFrames={settings.maxFrames} notice={problem ?? store.notices.at(-1)?.text} />
      <StatsBar store={store} />
      {settings.showTimeline && tall && <Timeline series={series} theme={devtoolsTheme()} onRange={(timeRange) => setFilter((f) => ({ ...f, timeRange }))} />}
      <div class="main">
        <ConnectionList connections={connections} uncaptured={uncapturedSockets(store, Date.now())} selected={filterState.connections} now={Date.now()}
          onSelect={(ids) => setFilter((f) => ({ ...f, connections: ids }))} />
        <div class="frames-pane">
          {empty ? (
            <div class="empty" data-testid="empty">
              <h2>Waiting for WebSocket traffic</h2>
              <p>wsinspect records every WebSocket of this tab, in every frame, from the moment the page starts loading —
                even sockets opened before DevTools. Reload the page to see its sockets from the very start.</p>
              <p>Each connection appears on the left; its frames (sent ↑ and received ↓, text or binary, with exact bytes and
                times) appear here. Select a frame and open <b>Learn the API</b> to see what each event and field means.</p>
              <p>No app at hand? The project's demo (<code>npm start</code>) opens a JSON chat, a binary ticker and a socket the
                server closes — see the README.</p>
            </div>
          ) : (
            <FrameTable frames={view.frames} version={store.version + view.generation} selected={selected?.index ?? null} search={search}
              timeMode={settings.timeMode} connectionLabel={connectionLabel} connectionStart={connectionStart} reveal={reveal}
              summary={(f, budget) => tableSummary(f, store.connections.get(f.conn), decodeAs.get(f.conn), budget)}
              marked={marked} onSelect={(f, add) => { setMarked(add ? toggled(marked, f, selected) : new Set()); select(f, false); }}
              onContextMenu={(frame, x, y) => { setProblem(null); setMenu({ frame, x, y }); }} />
          )}
          {selected && <FrameDetails key={selected.index} frame={selected} connection={store.connections.get(selected.conn)} onClose={() => setSelected(null)}
            decodeAs={decodeAs.get(selected.conn)} onDecodeAs={(id) => setDecodeAs(new Map(decodeAs).set(selected.conn, id))} />}
        </div>
      </div>
      {(breaking || live.store.held.size > 0) && !sessions.showing && (
        <BreakpointsPanel breakpoint={rulesState.breakpoint} onBreakpoint={rulesState.setBreakpoint} held={[...live.store.held.values()]}
          connectionLabel={connectionLabel} rules={rulesState.rules} onRules={rulesState.saveRules} onClose={() => setBreaking(false)}
          onVerdict={(h, forward, text) => { const c = live.store.connections.get(h.conn); if (c) command(c, { op: 'verdict', pauseId: h.pauseId, forward, text }); }}
          onReleaseAll={() => { rulesState.setBreakpoint({ ...rulesState.breakpoint, sent: false, received: false }); live.releaseAll(); }} />
      )}
      {draft && !sessions.showing && <Composer connections={connections} draft={draft} onDraft={setDraft} onCommand={command} onClose={() => setDraft(null)} />}
      {menu && <ContextMenu x={menu.x} y={menu.y} items={frameMenu(menu.frame, frameActions(menu.frame))} onClose={() => setMenu(null)} />}
    </div>
  );
}
