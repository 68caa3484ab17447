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
}

export function frameMenu(frame: Frame, actions: FrameActions): MenuItem[] {
  return [
    ...(actions.replaySelection ? [{ label: `Replay ${actions.replaySelection.count} selected sent frames in order`, action: actions.replaySelection.run }] : []),
    ...(actions.replay ? [{ label: 'Replay on its connection', action: actions.replay }] : []),
    { label: 'Edit and replay…', action: actions.editAndReplay },
    { label: 'Copy payload', action: () => copyText(payloadText(frame)) },
    { label: 'Copy as ws.send(…)', action: () => copyText(sendSnippet(frame)) },
    { label: 'Copy as hex', action: () => copyText(payloadHex(frame)) },
    { label: 'Copy as base64', action: () => copyText(payloadBase64(frame)) },
  ];
}
