/** Connections: click to show one, Ctrl/Cmd/Shift-click to add more, "All" to show every one. */
import type { Connection } from '../model/capture-store';
import { describeState, formatClock, formatSize } from '../model/format';

interface Props {
  connections: Connection[];
  /** Sockets the browser saw but the hook could not capture (workers). */
  uncaptured: Array<{ url: string; time: number }>;
  selected: string[];
  onSelect(ids: string[]): void;
  now: number;
  /** Collapsed (still rendered: its counts stay readable to assistive tech and tests, not to the eye). */
  hidden?: boolean;
}

function duration(c: Connection, now: number): string {
  const start = c.openedAt ?? c.createdAt;
  const seconds = ((c.closedAt ?? c.endedAt ?? now) - start) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function ConnectionList({ connections, uncaptured, selected, onSelect, now, hidden }: Props) {
  const pick = (id: string, e: MouseEvent) => {
    if (!(e.ctrlKey || e.metaKey || e.shiftKey)) return onSelect([id]);
    onSelect(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  };
  return (
    <ul class="connections" hidden={hidden} role="listbox" aria-multiselectable="true" aria-label="Connections" data-testid="connections">
      <li role="option" aria-selected={selected.length === 0} class={selected.length === 0 ? 'selected' : ''} onClick={() => onSelect([])} data-testid="all-connections">
        <div class="conn-url">All connections</div>
        <div class="conn-meta">{connections.length} connections</div>
      </li>
      {connections.map((c, i) => (
        <li key={c.id} role="option" aria-selected={selected.includes(c.id)} class={selected.includes(c.id) ? 'selected' : ''}
          data-testid="connection" data-state={c.state} onClick={(e) => pick(c.id, e)} title={`${c.url}${c.urlLength ? `\n(url cut: the page's was ${c.urlLength.toLocaleString('en-US')} characters long)` : ''}\nrequested: ${c.protocols.join(', ') || '(none)'}\nextensions: ${c.extensions || '(none)'}`}>
          <div class="conn-url"><span class="conn-num">#{i + 1}</span> {c.api !== 'WebSocket' && <span class="format" data-testid="api">{c.api}</span>} {c.url}</div>
          <div class="conn-meta">
            <span class={`state state-${c.state}`} data-testid="connection-state">{describeState(c)}</span>
            {c.errored && <span class="error"> · error</span>}
            {c.protocol && <span> · {c.protocol}</span>}
            {c.extensions && <span title={c.extensions}> · {c.extensions.split(';')[0]}</span>}
          </div>
          <div class="conn-meta">
            ↑{c.framesSent} ({formatSize(c.bytesSent)}) ↓{c.framesReceived} ({formatSize(c.bytesReceived)}) · {formatClock(c.openedAt ?? c.createdAt)} · {duration(c, now)}
          </div>
        </li>
      ))}
      {uncaptured.map((h) => (
        <li key={`${h.url}@${h.time}`} class="uncaptured" data-testid="uncaptured" title="The browser opened this socket where page scripts cannot be hooked (e.g. a Worker): its frames are not captured. Chrome's Network panel shows them.">
          <div class="conn-url">⚠ {h.url}</div>
          <div class="conn-meta">opened outside the page's scripts (worker?) at {formatClock(h.time)} · frames not captured</div>
        </li>
      ))}
    </ul>
  );
}
