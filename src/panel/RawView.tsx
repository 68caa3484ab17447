/**
 * Text, hex, base64 and UTF-8 views of a payload, windowed: the first 64 KB, and more on
 * request. Past a big frame's preview, "more" fetches the full payload first.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Frame } from '../model/capture-store';
import { formatSize } from '../model/format';
import { payloadViews, type PayloadViews } from '../model/payload-views';

export type RawTab = 'text' | 'hex' | 'base64' | 'utf8';

interface Props { tab: RawTab; frame: Frame; partial: boolean; onNeedFull(): void }

/**
 * What a view opens on, and adds per "show more": laying out a wrapped <pre> costs about a
 * millisecond per kilobyte, and a JSON payload is one long line.
 */
const WINDOW = 64 * 1024;

export function RawView({ tab, frame, partial, onNeedFull }: Props) {
  const [shown, setShown] = useState<{ tab: RawTab; limit: number }>({ tab, limit: WINDOW });
  const limit = shown.tab === tab ? shown.limit : WINDOW;
  // Computed once per payload, view and window: the panel re-renders every second.
  const body = useMemo(() => render(tab, payloadViews(frame, limit)), [frame, tab, limit]);
  const more = () => {
    const next = limit + WINDOW;
    if (partial && next > previewBytes(frame)) onNeedFull();
    setShown({ tab, limit: next });
  };
  return (
    <>
      {body.truncated && <div class="warning">Large payload ({formatSize(frame.size)}): showing the first {formatSize(limit)}.</div>}
      {body.truncated && <button type="button" class="show-more" data-testid="show-more" onClick={more}>Show {formatSize(WINDOW)} more</button>}
      {body.invalid > 0 && <div class="warning" data-testid="invalid-utf8">{body.invalid} invalid UTF-8 byte{body.invalid > 1 ? 's' : ''}, shown as ⟨xx⟩</div>}
      <pre data-testid="details-body">{body.text}</pre>
    </>
  );
}

function render(tab: RawTab, views: PayloadViews): { text: string; invalid: number; truncated: boolean } {
  const { truncated } = views;
  if (tab === 'hex') return { text: views.hex(), invalid: 0, truncated };
  if (tab === 'base64') return { text: views.base64(), invalid: 0, truncated };
  if (tab === 'text' && views.text !== null) return { text: views.text, invalid: 0, truncated };
  const utf8 = views.utf8();
  return { text: utf8.text, invalid: tab === 'utf8' ? utf8.invalid : 0, truncated };
}

/** Bytes (at least) that a preview holds: text units are one byte or more in UTF-8. */
export function previewBytes(frame: Frame): number {
  return frame.opcode === 'text' ? frame.data.length : Math.floor((frame.data.length * 3) / 4);
}
