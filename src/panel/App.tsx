/**
 * The panel's layout: one column of regions (session bar, toolbar, chips, stats, timeline, the
 * frames region, then the breakpoints and composer panes) over the one state (state.ts), read
 * from context by each region. Sizes and scrolling are the stylesheet's (panel.css).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { onNavigated } from './inspected-tab';
import { usePanel } from './context';
import { useTheme } from './theme';
import { useKeyboard } from './use-keyboard';
import { SessionBar } from './SessionBar';
import { Toolbar } from './Toolbar';
import { BottomPanes, Chips, Dialogs, FramesRegion, Stats, TimelineRegion } from './regions';

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

export function App() {
  const state = usePanel();
  useEffect(() => state.start(), []);
  useEffect(() => onNavigated(() => state.navigated()), []);
  const theme = useTheme();
  const tall = useWindowHeight() >= MIN_HEIGHT_FOR_TIMELINE;
  const searchBox = useRef<HTMLInputElement>(null);
  useKeyboard(state, () => searchBox.current?.focus());
  const hasFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');
  return (
    <div class={`app${state.dragging.value ? ' drop-target' : ''}`}
      onDragOver={(e) => { if (hasFiles(e)) { e.preventDefault(); state.dragging.value = true; } }}
      onDragLeave={() => { state.dragging.value = false; }}
      onDrop={(e) => {
        state.dragging.value = false;
        const file = e.dataTransfer?.files[0];
        if (!file) return;
        e.preventDefault();
        void state.importFile(file);
      }}>
      {/* Session controls and the capture's numbers share a line: a short toolbox needs its rows for frames. */}
      <div class="topline"><SessionBar /><Stats /></div>
      <Dialogs />
      <Toolbar searchRef={searchBox} />
      <Chips />
      {state.settings.value.showTimeline && tall && <TimelineRegion theme={theme} />}
      <FramesRegion />
      <BottomPanes />
    </div>
  );
}
