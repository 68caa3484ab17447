/**
 * Messages/s and bytes/s per direction (uPlot: small, fast, maintained). Dragging across
 * the chart selects a time range that filters the table; a double-click clears it.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimelineSeries } from '../model/stats';

const SENT = '#1a73e8';
const RECEIVED = '#1e8e3e';

interface Props { series: TimelineSeries; onRange(range: [number, number] | null): void; theme: 'light' | 'dark' }

export function Timeline({ series, onRange, theme }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const onRangeRef = useRef(onRange);
  onRangeRef.current = onRange;

  useEffect(() => {
    const el = host.current!;
    const axis = theme === 'dark' ? '#9aa0a6' : '#5f6368';
    const grid = { stroke: theme === 'dark' ? '#3c4043' : '#e0e0e0', width: 1 };
    const opts: uPlot.Options = {
      width: el.clientWidth || 600,
      height: 90,
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false } },
      scales: { x: { time: true }, msgs: {}, bytes: {} },
      axes: [
        { stroke: axis, grid, size: 22 },
        { scale: 'msgs', stroke: axis, grid, size: 40, label: 'msg/s', labelSize: 10 },
        { scale: 'bytes', side: 1, stroke: axis, grid: { show: false }, size: 50, values: (_u, v) => v.map(shortBytes) },
      ],
      series: [
        {},
        { label: 'sent msg/s', scale: 'msgs', stroke: SENT, width: 1.5, points: { show: false } },
        { label: 'received msg/s', scale: 'msgs', stroke: RECEIVED, width: 1.5, points: { show: false } },
        { label: 'sent B/s', scale: 'bytes', stroke: SENT, dash: [4, 3], width: 1, points: { show: false } },
        { label: 'received B/s', scale: 'bytes', stroke: RECEIVED, dash: [4, 3], width: 1, points: { show: false } },
      ],
      hooks: {
        setSelect: [(u) => {
          if (u.select.width < 2) return;
          const from = u.posToVal(u.select.left, 'x');
          const to = u.posToVal(u.select.left + u.select.width, 'x');
          onRangeRef.current([from * 1000, (to + 1) * 1000]);
          u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
        }],
      },
    };
    plot.current = new uPlot(opts, toData(series), el);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: el.clientWidth, height: 90 }));
    resize.observe(el);
    const clear = () => onRangeRef.current(null);
    el.addEventListener('dblclick', clear);
    return () => { resize.disconnect(); el.removeEventListener('dblclick', clear); plot.current?.destroy(); plot.current = null; };
  }, [theme]);

  useEffect(() => { plot.current?.setData(toData(series)); }, [series]);

  return (
    <div class="timeline" data-testid="timeline" title="Drag to filter by time; double-click to clear">
      <div ref={host} />
      <div class="timeline-legend" data-testid="timeline-legend" aria-label="Chart legend">
        <span><i style={{ color: SENT }} />sent msg/s</span>
        <span><i style={{ color: RECEIVED }} />received msg/s</span>
        <span><i class="dashed" style={{ color: 'var(--muted)' }} />bytes/s (right axis)</span>
      </div>
    </div>
  );
}

function toData(s: TimelineSeries): uPlot.AlignedData {
  return [s.seconds, s.sent, s.received, s.bytesSent, s.bytesReceived];
}

function shortBytes(v: number): string {
  if (v >= 1048576) return `${(v / 1048576).toFixed(1)}M`;
  if (v >= 1024) return `${(v / 1024).toFixed(0)}K`;
  return String(v);
}
