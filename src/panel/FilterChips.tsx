/** Active filters as removable chips, plus "shown N of M" and loss notices. */
import { clearChip, describeFilter, type FilterState } from '../model/filters';

interface Props {
  filter: FilterState;
  onFilter(next: FilterState): void;
  connectionLabel(id: string): string;
  shown: number;
  total: number;
  lost: number;
  dropped: number;
  maxFrames: number;
  /** The latest panel command that could not be carried out. */
  notice?: string;
}

export function FilterChips(p: Props) {
  const chips = describeFilter(p.filter, p.connectionLabel);
  return (
    <div class="chips" data-testid="chips">
      {chips.map((c) => (
        <span class="chip" key={c.key} data-testid="chip">
          {c.label}
          <button type="button" aria-label={`Remove filter ${c.label}`} onClick={() => p.onFilter(clearChip(p.filter, c.key))}>×</button>
        </span>
      ))}
      <span class="spacer" />
      {p.notice && <span class="notice-bar" role="status" data-testid="notice">{p.notice}</span>}
      {p.lost > 0 && <span class="warning" data-testid="lost" title="The page keeps a bounded backlog while DevTools is closed; these frames were evicted before the panel received them">{p.lost.toLocaleString()} frames evicted before DevTools opened</span>}
      {p.dropped > 0 && <span class="warning" data-testid="dropped" title={`The panel keeps at most ${p.maxFrames.toLocaleString()} frames; the oldest are dropped`}>{p.dropped.toLocaleString()} oldest frames dropped (cap {p.maxFrames.toLocaleString()})</span>}
      <span class="count" data-testid="count">{p.shown === p.total ? `${p.total} frames` : `shown ${p.shown} of ${p.total} frames`}</span>
    </div>
  );
}
