/** Active filters as removable chips, plus "shown N of M" and loss notices. */
import { clearChip, describeFilter, type FilterState } from '../model/filters';
import type { LossNotice } from '../model/losses';

interface Props {
  filter: FilterState;
  onFilter(next: FilterState): void;
  connectionLabel(id: string): string;
  shown: number;
  total: number;
  /** What capture is missing, and why (model/losses.ts). */
  losses: LossNotice[];
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
      <SizeRange filter={p.filter} onFilter={p.onFilter} />
      <span class="spacer" />
      {p.notice && <span class="notice-bar" role="status" data-testid="notice">{p.notice}</span>}
      {p.losses.map((l) => <span class="warning" key={l.id} data-testid={l.id} title={l.title}>{l.text}</span>)}
      {p.dropped > 0 && <span class="warning" data-testid="dropped" title={`The panel keeps at most ${p.maxFrames.toLocaleString()} frames; the oldest are dropped`}>{p.dropped.toLocaleString()} oldest frames dropped (cap {p.maxFrames.toLocaleString()})</span>}
      <span class="count" data-testid="count">{p.shown === p.total ? `${p.total} frames` : `shown ${p.shown} of ${p.total} frames`}</span>
    </div>
  );
}

/** Size range in bytes; an empty box means no bound. */
function SizeRange({ filter, onFilter }: Pick<Props, 'filter' | 'onFilter'>) {
  const bound = (value: string) => (value.trim() === '' || !(Number(value) >= 0) ? null : Math.floor(Number(value)));
  return (
    <span class="size-range" title="Show frames whose payload size (bytes) is in this range">
      size <input type="number" min={0} placeholder="min" data-testid="size-min" value={filter.minSize ?? ''}
        onInput={(e) => onFilter({ ...filter, minSize: bound((e.currentTarget as HTMLInputElement).value) })} />
      – <input type="number" min={0} placeholder="max" data-testid="size-max" value={filter.maxSize ?? ''}
        onInput={(e) => onFilter({ ...filter, maxSize: bound((e.currentTarget as HTMLInputElement).value) })} /> B
    </span>
  );
}
