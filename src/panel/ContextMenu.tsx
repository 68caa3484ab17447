/** A small DevTools-style context menu; closes on Escape, on a click elsewhere, or after an action. */
import { useEffect, useRef } from 'preact/hooks';

export interface MenuItem { label: string; action(): void }

export function ContextMenu({ x, y, items, onClose }: { x: number; y: number; items: MenuItem[]; onClose(): void }) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const close = (e: Event) => { if (!(e.target instanceof Node && ref.current?.contains(e.target))) onClose(); };
    const key = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onClose(); } };
    addEventListener('mousedown', close, true);
    addEventListener('keydown', key, true);
    addEventListener('blur', onClose);
    return () => { removeEventListener('mousedown', close, true); removeEventListener('keydown', key, true); removeEventListener('blur', onClose); };
  }, []);
  return (
    <ul class="context-menu" role="menu" ref={ref} style={{ left: x, top: y }} data-testid="context-menu">
      {items.map((item) => (
        <li key={item.label} role="none">
          <button type="button" role="menuitem" onClick={() => { item.action(); onClose(); }}>{item.label}</button>
        </li>
      ))}
    </ul>
  );
}
