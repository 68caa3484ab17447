/**
 * The frames table: fixed-height rows, only the visible ones rendered, so it stays fast
 * with hundreds of thousands of frames. Follows new frames while scrolled to the bottom.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Frame } from '../model/capture-store';
import { formatClock, formatFullTime, formatSize, framePreview } from '../model/format';

const ROW_HEIGHT = 21;
const OVERSCAN = 10;

interface Props {
  frames: Frame[];
  version: number;
  selected: number | null;
  onSelect(index: number): void;
}

export function FrameTable({ frames, version, selected, onSelect }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const following = useRef(true);

  useLayoutEffect(() => {
    const el = scroller.current!;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current!;
    if (following.current) el.scrollTop = el.scrollHeight;
  }, [version, frames.length, height]);

  const onScroll = () => {
    const el = scroller.current!;
    following.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
    setScrollTop(el.scrollTop);
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(frames.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const f = frames[i];
    rows.push(
      <div key={f.index} role="row" data-testid="frame-row" data-dir={f.dir} data-opcode={f.opcode}
        class={`row ${f.dir}${selected === f.index ? ' selected' : ''}${f.discarded ? ' discarded' : ''}`}
        style={{ top: i * ROW_HEIGHT }} onClick={() => onSelect(f.index)}>
        <span class="c-dir" title={f.dir}>{f.dir === 'sent' ? '↑' : '↓'}</span>
        <span class="c-time" title={formatFullTime(f.time)}>{formatClock(f.time)}</span>
        <span class="c-size">{formatSize(f.size)}</span>
        <span class="c-type">{f.opcode}</span>
        <span class="c-data" data-testid="frame-preview">{framePreview(f)}</span>
      </div>,
    );
  }

  return (
    <div class="frames" role="table" aria-label="Frames">
      <div class="row header" role="row">
        <span class="c-dir" />
        <span class="c-time">Time</span>
        <span class="c-size">Size</span>
        <span class="c-type">Type</span>
        <span class="c-data">Data</span>
      </div>
      <div class="frames-scroll" ref={scroller} onScroll={onScroll} data-testid="frames">
        <div class="frames-spacer" style={{ height: frames.length * ROW_HEIGHT }}>{rows}</div>
      </div>
    </div>
  );
}
