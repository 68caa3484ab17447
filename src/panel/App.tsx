import { useMemo, useState } from 'preact/hooks';
import { ConnectionList } from './ConnectionList';
import { FrameDetails } from './FrameDetails';
import { FrameTable } from './FrameTable';
import { Toolbar } from './Toolbar';
import { useCaptureStore } from './use-store';

export function App({ tabId }: { tabId: number }) {
  const [preserveLog, setPreserveLog] = useState(false);
  const { store, clear } = useCaptureStore(tabId, preserveLog);
  const [selectedConn, setSelectedConn] = useState<string | null>(null);
  const [selectedFrame, setSelectedFrame] = useState<number | null>(null);

  const connections = [...store.connections.values()];
  const frames = useMemo(
    () => (selectedConn === null ? store.frames : store.frames.filter((f) => f.conn === selectedConn)),
    [store.version, store.frames, selectedConn],
  );
  const frame = selectedFrame === null ? undefined : frames.find((f) => f.index === selectedFrame);

  return (
    <div class="app">
      <Toolbar
        shown={frames.length}
        total={store.frames.length}
        lost={store.lost}
        dropped={store.dropped}
        preserveLog={preserveLog}
        onPreserveLog={setPreserveLog}
        onClear={() => { clear(); setSelectedFrame(null); setSelectedConn(null); }}
      />
      <div class="main">
        <ConnectionList connections={connections} totalFrames={store.frames.length} selected={selectedConn} onSelect={setSelectedConn} />
        <div class="frames-pane">
          {store.frames.length === 0 && connections.length === 0 ? (
            <div class="empty" data-testid="empty">
              Waiting for WebSocket traffic. Sockets opened since this page started loading are shown here,
              even those opened before DevTools.
            </div>
          ) : (
            <FrameTable frames={frames} version={store.version} selected={selectedFrame} onSelect={setSelectedFrame} />
          )}
          {frame && <FrameDetails frame={frame} connection={store.connections.get(frame.conn)} onClose={() => setSelectedFrame(null)} />}
        </div>
      </div>
    </div>
  );
}
