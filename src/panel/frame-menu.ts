/** The frame context menu's entries. */
import type { Frame } from '../model/capture-store';
import { payloadBase64, payloadHex, payloadText, sendSnippet } from '../model/copy-formats';
import { copyText } from './clipboard';
import type { MenuItem } from './ContextMenu';

export interface FrameActions {
  /** Re-send this frame's payload on its own connection, or null when that is not open. */
  replay: (() => void) | null;
  /** Several sent frames marked with Ctrl/Cmd-click: re-send them all, in table order. */
  replaySelection: { count: number; run(): void } | null;
  editAndReplay(): void;
  /** The frame with its whole payload (a big frame's is fetched from the page first). */
  complete(): Promise<Frame>;
  /** Says why an action could not get the whole payload. */
  onUnavailable(message: string): void;
  /** "Go to the response / request" of a paired frame. */
  goTo: Array<{ label: string; go(): void }>;
}

export function frameMenu(frame: Frame, actions: FrameActions): MenuItem[] {
  return [
    ...actions.goTo.map((g) => ({ label: g.label, action: g.go })),
    ...(actions.replaySelection ? [{ label: `Replay ${actions.replaySelection.count} selected sent frames in order`, action: actions.replaySelection.run }] : []),
    ...(actions.replay ? [{ label: 'Replay on its connection', action: actions.replay }] : []),
    { label: 'Edit and replay…', action: actions.editAndReplay },
    { label: 'Copy payload', action: () => copyFull(actions, payloadText) },
    { label: 'Copy as ws.send(…)', action: () => copyFull(actions, sendSnippet) },
    { label: 'Copy as hex', action: () => copyFull(actions, payloadHex) },
    { label: 'Copy as base64', action: () => copyFull(actions, payloadBase64) },
  ];
}

/** Copies a form of the whole payload; a big frame's rest is fetched first (never a silent preview). */
function copyFull(actions: FrameActions, form: (frame: Frame) => string): Promise<void> {
  return actions.complete().then((f) => copyText(form(f)), (e) => actions.onUnavailable(`Not copied: ${(e as Error).message}`));
}
