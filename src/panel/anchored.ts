/**
 * Dialogs open next to the button that opened them and stay inside the viewport (issue 13,
 * finding 6): below the button when there is room, else as high as needed, never taller than
 * the viewport (the dialog's own content scrolls; its action row sticks to its bottom).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

const MARGIN = 6;

export function placeDialog(anchor: DOMRect, size: { width: number; height: number }, viewport: { width: number; height: number }): { left: number; top: number; maxHeight: number } {
  const maxHeight = Math.max(0, viewport.height - 2 * MARGIN);
  const height = Math.min(size.height, maxHeight);
  const width = Math.min(size.width, viewport.width - 2 * MARGIN);
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - width - MARGIN));
  let top = anchor.bottom + 2;
  if (top + height > viewport.height - MARGIN) top = Math.max(MARGIN, viewport.height - MARGIN - height);
  return { left, top, maxHeight };
}

/** A ref for the dialog, placed by the element matching `anchorSelector`; re-placed on resize. */
export function useAnchored<T extends HTMLElement>(anchorSelector: string) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const place = () => {
      const anchor = document.querySelector(anchorSelector)?.getBoundingClientRect();
      if (!anchor) return;
      el.style.maxHeight = '';
      const p = placeDialog(anchor, { width: el.offsetWidth, height: el.scrollHeight }, { width: innerWidth, height: innerHeight });
      Object.assign(el.style, { left: `${p.left}px`, top: `${p.top}px`, maxHeight: `${p.maxHeight}px`, right: 'auto' });
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(el);
    addEventListener('resize', place);
    return () => { observer.disconnect(); removeEventListener('resize', place); };
  });
  return ref;
}
