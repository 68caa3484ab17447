/**
 * Keyboard navigation: ↑/↓ move the selection, Home/End jump, Ctrl/Cmd+F searches, Esc closes
 * the topmost thing (a dialog, then the selection).
 *
 * Keys the panel handles do not reach DevTools: Chrome's extension API adds a keydown listener on
 * the panel's `document` that forwards Esc and modified keys to DevTools (Esc toggles the console
 * drawer, Ctrl+F opens DevTools' find bar). This listener sits on the root element, which the event
 * reaches first when it bubbles, and stops the keys it handled there (issue 13, finding 4).
 */
import { useEffect } from 'preact/hooks';
import { framePosition } from '../model/search';
import type { PanelState } from './state';

export function useKeyboard(state: PanelState, focusSearch: () => void): void {
  useEffect(() => {
    const handled = (e: KeyboardEvent) => { e.preventDefault(); e.stopPropagation(); };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') { handled(e); focusSearch(); return; }
      if (e.key === 'Escape' && !e.defaultPrevented) {
        if (state.closeDialog()) return handled(e);
        if (state.selected.value && !(e.target as HTMLElement).closest('input, textarea, select')) { state.select(null); return handled(e); }
        return; // nothing of ours to close: DevTools may use it
      }
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      const { view } = state.frames.value;
      const frames = view.frames;
      if (!frames.length) return;
      const selected = state.selected.value;
      const at = selected ? framePosition(view, selected.pos) : null;
      let next: number | null = null;
      if (e.key === 'ArrowDown') next = at === null ? 0 : Math.min(frames.length - 1, at + 1);
      else if (e.key === 'ArrowUp') next = at === null ? frames.length - 1 : Math.max(0, at - 1);
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = frames.length - 1;
      if (next === null) return;
      e.preventDefault();
      state.select(frames[next]);
    };
    const root = document.documentElement;
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, []);
}
