/**
 * Text, hex, base64 and UTF-8 views of a payload, windowed: the first VIEW_LIMIT bytes, and
 * more on request. Past a big frame's preview, "more" fetches the full payload first.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Frame } from '../model/capture-store';
import { formatSize } from '../model/format';
import { payloadViews, VIEW_LIMIT } from '../model/payload-views';

export type RawTab = 'text' | 'hex' | 'base64' | 'utf8';

interface Props { tab: RawTab; frame: Frame; partial: boolean; onNeedFull(): void }

export function RawView({ tab, frame, partial, onNeedFull }: Props) {
  const [limit, setLimit] = useState(VIEW_LIMIT);
  const views = useMemo(() => payloadViews(frame, limit), [frame, limit]);
  const more = () => {
    const next = limit + VIEW_LIMIT;
    if (partial && next > previewBytes(frame)) onNeedFull();
    setLimit(next);
  };
  return (
    <>
      {views.truncated && <div class="warning">Large payload ({formatSize(frame.size)}): showing the first {formatSize(limit)}.</div>}
      {views.truncated && <button type="button" class="show-more" data-testid="show-more" onClick={more}>Show {formatSize(VIEW_LIMIT)} more</button>}
      {tab === 'text' && <pre data-testid="details-body">{views.text ?? views.utf8().text}</pre>}
      {tab === 'hex' && <pre data-testid="details-body">{views.hex()}</pre>}
      {tab === 'base64' && <pre data-testid="details-body">{views.base64()}</pre>}
      {tab === 'utf8' && <Utf8View utf8={views.utf8()} />}
    </>
  );
}

/** Bytes (at least) that a preview holds: text units are one byte or more in UTF-8. */
export function previewBytes(frame: Frame): number {
  return frame.opcode === 'text' ? frame.data.length : Math.floor((frame.data.length * 3) / 4);
}

function Utf8View({ utf8 }: { utf8: { text: string; invalid: number } }) {
  return (
    <>
      {utf8.invalid > 0 && <div class="warning" data-testid="invalid-utf8">{utf8.invalid} invalid UTF-8 byte{utf8.invalid > 1 ? 's' : ''}, shown as ⟨xx⟩</div>}
      <pre data-testid="details-body">{utf8.text}</pre>
    </>
  );
}
