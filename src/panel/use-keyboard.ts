/** Keyboard navigation: ↑/↓ move the selection, Home/End jump, Ctrl/Cmd+F searches, Esc deselects. */
import { useEffect } from 'preact/hooks';
import type { Frame } from '../model/capture-store';
import type { FrameView } from '../model/frame-view';
import { framePosition } from '../model/search';

interface Options { view: FrameView; selected: Frame | null; select(frame: Frame | null): void; focusSearch(): void }

export function useKeyboard(o: Options): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') { e.preventDefault(); o.focusSearch(); return; }
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      const frames = o.view.frames;
      if (!frames.length) return;
      const at = o.selected ? framePosition(o.view, o.selected.pos) : null;
      let next: number | null = null;
      if (e.key === 'ArrowDown') next = at === null ? 0 : Math.min(frames.length - 1, at + 1);
      else if (e.key === 'ArrowUp') next = at === null ? frames.length - 1 : Math.max(0, at - 1);
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = frames.length - 1;
      else if (e.key === 'Escape') { o.select(null); return; }
      if (next === null) return;
      e.preventDefault();
      o.select(frames[next]);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
}
