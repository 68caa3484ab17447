import type { Connection } from '../model/capture-store';
import { describeState, formatSize } from '../model/format';

interface Props {
  connections: Connection[];
  totalFrames: number;
  selected: string | null;
  onSelect(id: string | null): void;
}

export function ConnectionList({ connections, totalFrames, selected, onSelect }: Props) {
  return (
    <ul class="connections" role="listbox" aria-label="Connections" data-testid="connections">
      <li role="option" aria-selected={selected === null} class={selected === null ? 'selected' : ''} onClick={() => onSelect(null)}>
        <div class="conn-url">All connections</div>
        <div class="conn-meta">{connections.length} connections · {totalFrames} frames</div>
      </li>
      {connections.map((c) => (
        <li key={c.id} role="option" aria-selected={selected === c.id} class={selected === c.id ? 'selected' : ''}
          data-testid="connection" data-state={c.state} onClick={() => onSelect(c.id)} title={c.url}>
          <div class="conn-url">{c.url}</div>
          <div class="conn-meta">
            <span class={`state state-${c.state}`} data-testid="connection-state">{describeState(c)}</span>
            {c.protocol && <span> · {c.protocol}</span>}
            <span> · ↑{c.framesSent} ({formatSize(c.bytesSent)}) ↓{c.framesReceived} ({formatSize(c.bytesReceived)})</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
