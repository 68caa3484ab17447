/**
 * Requests paired with their responses (issue 15): per protocol and method, how many were asked,
 * answered, failed or left unanswered, and the latency p50 / p95 / max; the "no answer after"
 * time, and a switch that filters the table to the unanswered requests.
 */
import type { MethodStats } from '../model/pairing';
import { useAnchored } from './anchored';
import { usePanel } from './context';

const ms = (v: number | undefined) => (v === undefined ? '—' : v < 10 ? v.toFixed(1) : String(Math.round(v)));

/** The stats line's button: shown once some frame of the session is a request with an id. */
export function RequestsButton() {
  const state = usePanel();
  const pairing = state.pairing.current;
  const count = pairing.exchanges().length;
  if (!count) return null;
  return (
    <button type="button" class="link-button" data-testid="requests" aria-expanded={state.requestsShown.value}
      title="Requests paired with their responses: latency per method, unanswered requests"
      onClick={() => { state.requestsShown.value = !state.requestsShown.value; }}>
      {count.toLocaleString()} request{count > 1 ? 's' : ''}
    </button>
  );
}

export function RequestsDialog() {
  const state = usePanel();
  const ref = useAnchored<HTMLDivElement>('[data-testid="requests"]');
  const pairing = state.pairing.current;
  const timeout = state.settings.value.unansweredAfterMs;
  const stats = pairing.stats(Math.max(state.pairing.now(), pairing.lastTime), timeout);
  const unanswered = stats.reduce((n, s) => n + s.unanswered, 0);
  const filter = state.filter.value;
  return (
    <div class="dialog requests-dialog" role="dialog" aria-label="Requests and responses" data-testid="requests-dialog" ref={ref}>
      <div class="dialog-scroll" tabIndex={0} aria-label="Requests by method">
        <table class="requests-table" data-testid="requests-table">
          <thead><tr><th>Protocol</th><th>Method</th><th>Asked</th><th>Answered</th><th>Errors</th><th>No answer</th><th>Waiting</th>
            <th title="Latency, median (ms)">p50 ms</th><th title="Latency, 95th percentile (ms)">p95 ms</th><th title="Longest latency (ms)">max ms</th></tr></thead>
          <tbody>{stats.slice(0, 200).map((s) => <StatsRow key={`${s.family} ${s.method}`} s={s} />)}</tbody>
        </table>
      </div>
      <label>No answer after <input type="number" min={0.1} step={0.5} data-testid="unanswered-after" value={timeout / 1000}
        onChange={(e) => { const v = Number((e.currentTarget as HTMLInputElement).value); if (v >= 0.1 && v <= 3600) state.updateSettings({ unansweredAfterMs: Math.round(v * 1000) }); }} /> s</label>
      <div class="dialog-actions">
        <label><input type="checkbox" data-testid="only-unanswered" checked={filter.unanswered}
          onChange={(e) => { state.filter.value = { ...filter, unanswered: (e.currentTarget as HTMLInputElement).checked }; }} /> Show only the {unanswered} unanswered in the table</label>
        <span class="spacer" />
        <button type="button" onClick={() => { state.requestsShown.value = false; }}>Close</button>
      </div>
    </div>
  );
}

function StatsRow({ s }: { s: MethodStats }) {
  return (
    <tr data-testid="requests-row">
      <td>{s.family}</td><td class="method" title={s.method}>{s.method || '—'}</td><td>{s.count}</td><td>{s.answered}</td>
      <td class={s.errors ? 'error' : ''}>{s.errors}</td><td class={s.unanswered ? 'warning' : ''}>{s.unanswered}</td><td>{s.pending}</td>
      <td>{ms(s.p50)}</td><td>{ms(s.p95)}</td><td>{ms(s.max)}</td>
    </tr>
  );
}
