/**
 * The frames table: windowed rows (see virtual-rows.ts) so it scrolls a million frames,
 * sticks to the bottom while the user is there, and stops following when they scroll up.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Frame } from '../model/capture-store';
import { matchRanges } from '../model/filters';
import { formatClock, formatFullTime, formatSize, framePreview } from '../model/format';
import { decodeBudget, type DecodeBudget, type TableSummary } from './decoding';
import { ROW_HEIGHT, scrollTopFor, visibleWindow } from './virtual-rows';
import { usePanel } from './context';
import { connectionLabeller } from './labels';
import { pairCell, type PairCell } from '../model/pair-labels';

/** What each row needs, computed once per render of the table. */
interface RowContext {
  selected: number | null;
  /** Frames added to the selection with Ctrl/Cmd-click (by index), e.g. to replay several in order. */
  marked: ReadonlySet<number>;
  search: string;
  timeMode: 'absolute' | 'relative';
  connectionLabel(id: string): string;
  connectionStart(id: string): number;
  onSelect(frame: Frame, add: boolean): void;
  onContextMenu(frame: Frame, x: number, y: number): void;
  /** The latency column, when some frame of the session is part of a request/response exchange. */
  pair: ((frame: Frame) => PairCell | null) | null;
}

/** The marked set after a Ctrl/Cmd-click on `frame` (the focused frame joins the set on the first one). */
function toggled(marked: ReadonlySet<number>, frame: Frame, focused: Frame | null): Set<number> {
  const next = new Set(marked);
  if (focused && next.size === 0) next.add(focused.index);
  if (next.has(frame.index)) next.delete(frame.index); else next.add(frame.index);
  return next;
}

/** Decoding time per render for rows' summaries (see decoding.ts); the rest follow on a later render. */
const SUMMARY_BUDGET_MS = 4;
/** How soon rows still waiting for their summary get another render when nothing else renders. */
const SUMMARY_RETRY_MS = 150;

export function FrameTable() {
  const state = usePanel();
  const store = state.store.value;
  const { list: frames, generation } = state.frames.value;
  const selected = state.selected.value;
  const decodeAs = state.decodeAs.value;
  const reveal = state.reveal.value;
  const pairing = state.pairing.current;
  const pairNow = state.pairing.now();
  const unansweredAfter = state.settings.value.unansweredAfterMs;
  const p: RowContext & { frames: Frame[] } = {
    frames,
    selected: selected?.index ?? null,
    marked: state.marked.value,
    search: state.search.value,
    timeMode: state.settings.value.timeMode,
    connectionLabel: connectionLabeller(store),
    connectionStart: (id) => { const c = store.connections.get(id); return c?.openedAt ?? c?.createdAt ?? 0; },
    onSelect: (f, add) => { state.marked.value = add ? toggled(state.marked.value, f, selected) : new Set(); state.select(f, false); },
    onContextMenu: (frame, x, y) => { state.problem.value = null; state.menu.value = { frame, x, y }; },
    pair: pairing.exchanges().length ? (f) => pairCell(f, pairing.linksOf(f.index), Math.max(pairNow, f.time), unansweredAfter) : null,
  };
  const summary = (f: Frame, budget: DecodeBudget) => state.decoding.tableSummary(f, store.connections.get(f.conn), decodeAs.get(f.conn), budget);
  void generation; // the view changed: this render shows it
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  // A ref decides (effects read it synchronously); the state only shows the button.
  const follow = useRef(true);
  const [following, setFollowing] = useState(true);
  /** The scroller's scrollTop as last written or seen: following writes it without reading layout back. */
  const knownTop = useRef(-1);
  const [, setRetry] = useState(0);
  const setFollow = (on: boolean) => { follow.current = on; setFollowing(on); };

  useLayoutEffect(() => {
    const el = scroller.current!;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // When the list shrinks (a filter) the browser clamps scrollTop before the scroll event reaches us: clamp too.
  const spacerHeight = visibleWindow(p.frames.length, 0, height).spacerHeight;
  const maxTop = Math.max(0, spacerHeight - height);
  // While following, the window is the bottom one from the start: no second render, no layout read-back.
  const top = follow.current ? maxTop : Math.min(scrollTop, maxTop);

  useLayoutEffect(() => {
    if (!follow.current || knownTop.current === maxTop) return;
    knownTop.current = maxTop;
    scroller.current!.scrollTop = maxTop;
  });

  useLayoutEffect(() => {
    if (!reveal) return;
    const el = scroller.current!;
    setFollow(reveal.row >= p.frames.length - 1);
    const to = scrollTopFor(reveal.row, p.frames.length, el.scrollTop, el.clientHeight);
    if (to !== null) el.scrollTop = to;
    // Also when the row is already in view: while following, the state was not kept up to date.
    knownTop.current = el.scrollTop;
    setScrollTop(knownTop.current);
  }, [reveal]);

  // The scroll event comes at rendering time, when layout is clean: these reads cost nothing.
  const onScroll = () => {
    const el = scroller.current!;
    const now = el.scrollTop;
    // Our own write while following (the table may have just shrunk under a pane that opened, and
    // its new height not be known yet): not the user scrolling up, keep following (issue 13, finding 3).
    if (follow.current && Math.abs(now - knownTop.current) < 1) return;
    knownTop.current = now;
    const atBottom = now + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
    if (atBottom !== follow.current) setFollow(atBottom);
    if (!atBottom) setScrollTop(now); // at the bottom the window follows maxTop, not this state
  };

  const win = visibleWindow(p.frames.length, top, height);
  const budget = decodeBudget(SUMMARY_BUDGET_MS);
  const rows: JSX.Element[] = [];
  for (let i = win.first; i < win.last; i++) {
    const frame = p.frames[i];
    rows.push(<Row {...p} key={frame.index} frame={frame} row={i} top={win.topOf(i)} summary={summary(frame, budget)} />);
  }
  // Rows left with their raw preview get their summary soon, even if no new frame arrives.
  useEffect(() => {
    if (!budget.pending) return;
    const timer = setTimeout(() => setRetry((n) => n + 1), SUMMARY_RETRY_MS);
    return () => clearTimeout(timer);
  });

  return (
    <div class="frames">
      <div class="frames-grid" role="grid" aria-label="Frames" aria-rowcount={p.frames.length}>
      <div role="rowgroup"><div class="row header" role="row">
        <span class="c-dir" role="columnheader" aria-label="Direction" />
        <span class="c-time" role="columnheader">{p.timeMode === 'absolute' ? 'Time' : 'Since open'}</span>
        <span class="c-size" role="columnheader">Size</span>
        <span class="c-type" role="columnheader">Type</span>
        {p.pair && <span class="c-lat" role="columnheader" title="Request → response latency (requests), or delay after the request (answers)">Latency</span>}
        <span class="c-conn" role="columnheader">Connection</span>
        <span class="c-data" role="columnheader">Data</span>
      </div></div>
      <div class="frames-scroll" ref={scroller} onScroll={onScroll} data-testid="frames" tabIndex={0} role="rowgroup">
        <div class="frames-spacer" role="none" style={{ height: win.spacerHeight }}>{rows}</div>
      </div>
      </div>
      {!following && p.frames.length > 0 && (
        <button type="button" class="jump-latest" data-testid="jump-latest" onClick={() => setFollow(true)}>↓ Jump to latest</button>
      )}
    </div>
  );
}

function Row(p: RowContext & { frame: Frame; row: number; top: number; summary: TableSummary | undefined }) {
  const f = p.frame;
  const time = p.timeMode === 'absolute' ? formatClock(f.time) : `+${((f.time - p.connectionStart(f.conn)) / 1000).toFixed(3)} s`;
  return (
    <div role="row" data-testid="frame-row" data-row={p.row} aria-rowindex={p.row + 1} data-dir={f.dir} data-opcode={f.opcode} aria-selected={p.selected === f.index || p.marked.has(f.index)}
      class={`row ${f.dir}${p.selected === f.index ? ' selected' : ''}${p.marked.has(f.index) ? ' marked' : ''}${f.discarded ? ' discarded' : ''}${f.blocked ? ' blocked' : ''}`}
      style={{ top: p.top }} onClick={(e) => p.onSelect(f, e.ctrlKey || e.metaKey)}
      onContextMenu={(e) => { e.preventDefault(); if (!p.marked.has(f.index)) p.onSelect(f, false); p.onContextMenu(f, e.clientX, e.clientY); }}>
      <span class="c-dir" role="gridcell" title={f.dir} aria-label={f.dir}>{f.dir === 'sent' ? '↑' : '↓'}</span>
      <span class="c-time" role="gridcell" title={formatFullTime(f.time)}>{time}</span>
      <span class="c-size" role="gridcell" title={`${f.size} bytes`}>{formatSize(f.size)}</span>
      <span class="c-type" role="gridcell">{f.opcode}</span>
      {p.pair && <PairGridCell cell={p.pair(f)} />}
      <span class="c-conn" role="gridcell">{p.connectionLabel(f.conn)}</span>
      <span class="c-data" role="gridcell">
        {f.origin && <span class={`badge ${f.origin}`} data-testid="origin" title={f.origin === 'panel' ? 'Sent from wsinspect' : 'Simulated incoming message'}>{f.origin}</span>}
        {f.truncated && <span class="badge blocked" data-testid="truncated" title="Only the start of this frame reached the panel">truncated</span>}
        {f.blocked && <span class="badge blocked" data-testid="blocked" title={`Not delivered: ${f.blocked}`}>blocked</span>}
        {f.original !== undefined && <span class="badge rewritten" data-testid="rewritten" title={`${f.rule}; original: ${f.original.slice(0, 200)}`}>rewritten</span>}
        <Preview frame={f} search={p.search} summary={p.summary ?? null} />
      </span>
    </div>
  );
}

function PairGridCell({ cell }: { cell: PairCell | null }) {
  if (!cell) return <span class="c-lat" role="gridcell" />;
  return <span class={`c-lat pair-${cell.state}`} role="gridcell" data-testid="latency" data-state={cell.state} title={cell.title}>{cell.text}</span>;
}

function Preview({ frame, search, summary }: { frame: Frame; search: string; summary: TableSummary }) {
  if (!summary) return <span data-testid="frame-preview">{highlight(framePreview(frame), search)}</span>;
  return (
    <span data-testid="frame-summary" title={framePreview(frame, 500)}>
      <span class="format">{summary.format}</span> {highlight(summary.summary, search)}
    </span>
  );
}

function highlight(text: string, query: string): string | Array<string | JSX.Element> {
  const ranges = matchRanges(text, query);
  if (!ranges.length) return text;
  const parts: Array<string | JSX.Element> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
