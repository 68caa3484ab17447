/**
 * The regions of the panel's layout (App.tsx), each reading the slices of the state it shows
 * from context and handing plain values to the presentational components.
 */
import { useEffect, useState } from 'preact/hooks';
import { uncapturedSockets, type Frame } from '../model/capture-store';
import { timelineSeries } from '../model/stats';
import { framePosition } from '../model/search';
import { templateFromFrame } from '../model/composer';
import { resendCommand } from '../protocol/commands';
import { sessionFromStore } from '../model/session-io';
import { usePanel } from './context';
import { connectionLabeller } from './labels';
import type { PanelState } from './state';
import { ExportDialog } from './ExportDialog';
import { ReplayDialog } from './ReplayDialog';
import { BreakpointsPanel } from './BreakpointsPanel';
import { useRulesState } from './rules-state';
import { Composer } from './Composer';
import { ConnectionList } from './ConnectionList';
import { ContextMenu } from './ContextMenu';
import { lossNotices } from '../model/losses';
import { FilterChips } from './FilterChips';
import { FrameDetails } from './FrameDetails';
import { FrameTable } from './FrameTable';
import { frameMenu } from './frame-menu';
import { findFrame, pairTargets } from '../model/pair-labels';
import { StatsBar } from './StatsBar';
import { Timeline } from './Timeline';
import { Splitter } from './Splitter';
import { RequestsButton, RequestsDialog } from './RequestsDialog';

/** Rates, durations and late "uncaptured socket" notices change with time alone. */
function useSecondTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return tick;
}

export function Chips() {
  const state = usePanel();
  const store = state.store.value;
  state.version.value;
  return (
    <FilterChips filter={state.filter.value} onFilter={(f) => { state.filter.value = f; }} connectionLabel={connectionLabeller(state.store.value)}
      shown={state.frames.value.list.length} total={store.frames.length} losses={lossNotices(store)} dropped={store.dropped}
      maxFrames={state.settings.value.maxFrames} notice={state.problem.value ?? store.notices.at(-1)?.text} />
  );
}

export function Stats() {
  const state = usePanel();
  state.version.value;
  useSecondTick();
  return <StatsBar store={state.store.value} requests={<RequestsButton />} />;
}

export function TimelineRegion({ theme }: { theme: 'light' | 'dark' }) {
  const state = usePanel();
  const store = state.store.value;
  const tick = useSecondTick();
  const [series, setSeries] = useState(() => timelineSeries(store));
  useEffect(() => setSeries(timelineSeries(store)), [tick, store, store.layoutVersion]);
  return <Timeline series={series} theme={theme} onRange={(timeRange) => { state.filter.value = { ...state.filter.value, timeRange }; }} />;
}

export function FramesRegion() {
  const state = usePanel();
  const store = state.store.value;
  useSecondTick(); // durations of open connections
  const now = Date.now();
  const { view } = state.frames.value;
  const selected = state.selected.value;
  // A selected frame the filter no longer shows is deselected (after the render that hid it).
  useEffect(() => { if (selected && framePosition(view, selected.pos) === null) state.selected.value = null; });
  const empty = store.frames.length === 0 && store.connections.size === 0;
  return (
    <div class="main">
      <ConnectionList hidden={!state.connectionsShown.value} connections={[...store.connections.values()]} uncaptured={uncapturedSockets(store, now)}
        selected={state.filter.value.connections} now={now} onSelect={(ids) => { state.filter.value = { ...state.filter.value, connections: ids }; }} />
      <div class="frames-pane">
        {empty ? <Waiting /> : <FrameTable />}
        {selected && <Splitter size={state.paneSize.details} pane={() => document.querySelector('[data-testid="details"]')} side="after" orientation="horizontal"
          label="Resize the frame details" testid="splitter-details" />}
        {selected && <FrameDetails key={selected.index} frame={selected} connection={store.connections.get(selected.conn)} onClose={() => { state.selected.value = null; }}
          decodeAs={state.decodeAs.value.get(selected.conn)} onDecodeAs={(id) => { state.decodeAs.value = new Map(state.decodeAs.value).set(selected.conn, id); }} />}
      </div>
    </div>
  );
}

function Waiting() {
  return (
    <div class="empty" data-testid="empty">
      <h2>Waiting for WebSocket traffic</h2>
      <p>wsinspect records every WebSocket of this tab, in every frame, from the moment the page starts loading —
        even sockets opened before DevTools. Reload the page to see its sockets from the very start.</p>
      <p>Each connection appears in the connection list; its frames (sent ↑ and received ↓, text or binary, with exact bytes and
        times) appear here. Select a frame and open <b>Learn the API</b> to see what each event and field means.</p>
      <p>No app at hand? The project's demo (<code>npm start</code>) opens a JSON chat, a binary ticker and a socket the
        server closes — see the README.</p>
    </div>
  );
}

export function Dialogs() {
  const state = usePanel();
  const store = state.store.value;
  const { list } = state.frames.value;
  const menu = state.menu.value;
  return (
    <>
      {state.replaying.value && <ReplayDialog source={store} live={state.live} command={(c, cmd) => state.command(c, cmd)} onClose={() => { state.replaying.value = false; }} />}
      {state.exporting.value && <ExportDialog all={() => sessionFromStore(store)} filtered={() => sessionFromStore(store, list)} filteredCount={list.length}
        totalCount={store.frames.length} onClose={() => { state.exporting.value = false; }} />}
      {state.requestsShown.value && <RequestsDialog />}
      {menu && <ContextMenu x={menu.x} y={menu.y} items={frameMenu(menu.frame, frameActions(state, menu.frame))} onClose={() => { state.menu.value = null; }} />}
    </>
  );
}

/** What the context menu can do with a frame. */
function frameActions(state: PanelState, frame: Frame) {
  const store = state.store.value;
  const connection = store.connections.get(frame.conn);
  const problem = (text: string) => { state.problem.value = text; };
  /** Re-sends a frame's whole payload (a big frame's is fetched from the page first). */
  const resend = async (f: Frame) => {
    const c = store.connections.get(f.conn);
    if (c?.state !== 'open') return;
    try { state.command(c, resendCommand(await state.payloads.completeFrame(f, c))); } catch (e) { problem(`Not replayed: ${(e as Error).message}`); }
  };
  const marked = state.marked.value;
  const several = state.frames.value.list.filter((f) => marked.has(f.index) && f.dir === 'sent');
  return {
    replay: connection?.state === 'open' ? () => resend(frame) : null,
    replaySelection: several.length > 1 ? { count: several.length, run: async () => { for (const f of several) await resend(f); } } : null,
    editAndReplay: () => void state.payloads.completeFrame(frame, connection).then(
      (f) => { state.draft.value = { ...templateFromFrame(f), conn: frame.conn }; }, (e) => problem(`Cannot edit: ${(e as Error).message}`)),
    complete: () => state.payloads.completeFrame(frame, connection),
    onUnavailable: problem,
    goTo: pairTargets(state.pairing.current.linksOf(frame.index)).map((t) => ({
      label: t.label,
      go: () => {
        const target = findFrame(store.frames, t.frame);
        if (!target) problem('That frame is no longer kept in this panel');
        else if (framePosition(state.frames.value.view, target.pos) === null) problem('That frame is hidden by the filters: clear them to see it');
        else state.select(target);
      },
    })),
  };
}

export function BottomPanes() {
  const state = usePanel();
  state.liveVersion.value;
  const live = state.live;
  const rules = useRulesState((r, intercept) => state.configure(r, intercept));
  const importedShown = state.store.value !== live;
  const draft = state.draft.value;
  const connectionLabel = connectionLabeller(state.store.value);
  return (
    <>
      {(state.breaking.value || live.held.size > 0) && !importedShown && <Splitter size={state.paneSize.breakpoints} pane={() => document.querySelector('[data-testid="breakpoints"]')}
        side="after" orientation="horizontal" label="Resize the breakpoints pane" testid="splitter-breakpoints" />}
      {(state.breaking.value || live.held.size > 0) && !importedShown && (
        <BreakpointsPanel breakpoint={rules.breakpoint} onBreakpoint={rules.setBreakpoint} held={[...live.held.values()]}
          connectionLabel={connectionLabel} rules={rules.rules} onRules={rules.saveRules} onClose={() => { state.breaking.value = false; }}
          onVerdict={(h, forward, text) => { const c = live.connections.get(h.conn); if (c) state.command(c, { op: 'verdict', pauseId: h.pauseId, forward, text }); }}
          onReleaseAll={() => { rules.setBreakpoint({ ...rules.breakpoint, sent: false, received: false }); state.releaseAll(); }} />
      )}
      {draft && !importedShown && <Splitter size={state.paneSize.composer} pane={() => document.querySelector('[data-testid="composer"]')}
        side="after" orientation="horizontal" label="Resize the composer" testid="splitter-composer" />}
      {draft && !importedShown && <Composer connections={[...live.connections.values()]} draft={draft} onDraft={(d) => { state.draft.value = d; }}
        onCommand={(c, cmd) => state.command(c, cmd)} onClose={() => { state.draft.value = null; }} />}
    </>
  );
}
