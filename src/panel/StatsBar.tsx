import type { ComponentChildren } from 'preact';
import type { CaptureStore } from '../model/capture-store';
import { formatSize } from '../model/format';
import { recentRate } from '../model/stats';

export function StatsBar({ store, requests }: { store: CaptureStore; requests?: ComponentChildren }) {
  const t = store.totals;
  const rate = recentRate(store, Date.now());
  return (
    <div class="stats" data-testid="stats">
      <span title="Frames kept in this panel">{(t.sent + t.received).toLocaleString()} frames</span>
      <span title="Sent">↑ {t.sent.toLocaleString()} · {formatSize(t.bytesSent)}</span>
      <span title="Received">↓ {t.received.toLocaleString()} · {formatSize(t.bytesReceived)}</span>
      <span title="Frames per second, last 3 s">{rate.toFixed(rate < 10 ? 1 : 0)} frames/s</span>
      {requests}
      {store.paused && <span class="warning" data-testid="paused">Paused</span>}
      {store.skipped > 0 && <span class="warning" data-testid="skipped" title="Frames that arrived while capture was paused">{store.skipped.toLocaleString()} not recorded while paused</span>}
    </div>
  );
}
