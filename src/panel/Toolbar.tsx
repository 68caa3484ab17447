interface Props {
  shown: number;
  total: number;
  lost: number;
  dropped: number;
  preserveLog: boolean;
  onPreserveLog(value: boolean): void;
  onClear(): void;
}

export function Toolbar(p: Props) {
  return (
    <div class="toolbar" role="toolbar">
      <button type="button" data-testid="clear" title="Clear" onClick={p.onClear}>⊘ Clear</button>
      <label title="Keep frames when the page reloads or navigates">
        <input type="checkbox" data-testid="preserve-log" checked={p.preserveLog}
          onChange={(e) => p.onPreserveLog((e.currentTarget as HTMLInputElement).checked)} /> Preserve log
      </label>
      <span class="spacer" />
      {p.lost > 0 && <span class="warning" data-testid="lost" title="The page's backlog is bounded; these frames were evicted before DevTools received them">{p.lost} frames evicted before DevTools opened</span>}
      {p.dropped > 0 && <span class="warning" data-testid="dropped" title="The panel keeps at most the configured number of frames, dropping the oldest">{p.dropped} oldest frames dropped (frame cap)</span>}
      <span class="count" data-testid="count">{p.shown === p.total ? `${p.total} frames` : `${p.shown} of ${p.total} frames`}</span>
    </div>
  );
}
