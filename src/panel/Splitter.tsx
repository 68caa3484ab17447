/**
 * A pane's resize handle: drag it (or focus it and press ↑/↓, ←/→) to make the pane next to it
 * bigger or smaller. The size is the pane's flex basis in px; the layout's minimum sizes still hold
 * (the other regions give way only down to theirs).
 */
import type { Signal } from '@preact/signals';
import { useLayoutEffect, useState } from 'preact/hooks';

interface Props {
  /** The pane's size in px; null until the user resizes it (the stylesheet's default). */
  size: Signal<number | null>;
  /** The pane the handle resizes (read for its current size when a drag starts). */
  pane: () => HTMLElement | null;
  /** 'before': the pane is above (or left of) the handle; 'after': below (or right of) it. */
  side: 'before' | 'after';
  orientation: 'horizontal' | 'vertical';
  label: string;
  testid: string;
}

const STEP = 24;

/** A resized pane's inline style: its basis, and no stylesheet cap on it. */
export function paneStyle(px: number | null): Record<string, string> | undefined {
  return px === null ? undefined : { flexBasis: `${px}px`, maxHeight: 'none' };
}

const MIN = 40;

export function Splitter({ size, pane, side, orientation, label, testid }: Props) {
  const vertical = orientation === 'vertical'; // a vertical bar between side-by-side regions
  const sign = side === 'after' ? -1 : 1;
  const current = () => { const el = pane(); return el ? (vertical ? el.offsetWidth : el.offsetHeight) : 0; };
  const set = (px: number) => { size.value = Math.max(MIN, Math.round(px)); };
  // What assistive technology reads as the handle's value: the pane's size as laid out.
  const [shown, setShown] = useState(0);
  useLayoutEffect(() => setShown(current()), [size.value]);
  const onPointerDown = (e: PointerEvent) => {
    e.preventDefault();
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture(e.pointerId);
    const start = vertical ? e.clientX : e.clientY;
    const from = current();
    const move = (m: PointerEvent) => set(from + sign * ((vertical ? m.clientX : m.clientY) - start));
    const up = () => { handle.removeEventListener('pointermove', move); handle.removeEventListener('pointerup', up); };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Which way the handle moves: up/left is -1, down/right +1.
    const keys: Record<string, number> = vertical ? { ArrowLeft: -1, ArrowRight: 1 } : { ArrowUp: -1, ArrowDown: 1 };
    const move = keys[e.key];
    if (!move) return;
    e.preventDefault();
    set(current() + sign * move * STEP);
  };
  return (
    <div class={`splitter ${orientation}`} role="separator" aria-orientation={vertical ? 'vertical' : 'horizontal'} aria-label={label}
      aria-valuenow={shown} aria-valuemin={MIN} aria-valuemax={Math.max(MIN, innerHeight)} aria-valuetext={`${shown} pixels`} tabIndex={0} data-testid={testid}
      onPointerDown={onPointerDown} onKeyDown={onKeyDown} />
  );
}
