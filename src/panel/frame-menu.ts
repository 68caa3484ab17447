/** The frame context menu's entries. */
import type { Frame } from '../model/capture-store';
import { payloadBase64, payloadHex, payloadText, sendSnippet } from '../model/copy-formats';
import { copyText } from './clipboard';
import type { MenuItem } from './ContextMenu';

export function frameMenu(frame: Frame): MenuItem[] {
  return [
    { label: 'Copy payload', action: () => copyText(payloadText(frame)) },
    { label: 'Copy as ws.send(…)', action: () => copyText(sendSnippet(frame)) },
    { label: 'Copy as hex', action: () => copyText(payloadHex(frame)) },
    { label: 'Copy as base64', action: () => copyText(payloadBase64(frame)) },
  ];
}
