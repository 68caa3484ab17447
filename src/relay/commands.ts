/** Panel commands → the hook's form: validated again here, binary decoded to an ArrayBuffer. */
import { isSocketCommand, isTabConfig, type HookCommand } from '../protocol/commands';
import type { CommandRequest, TabConfigRequest } from '../protocol/ports';
import { base64ToBytes } from '../model/bytes';

export function toHookCommand(request: CommandRequest | TabConfigRequest): HookCommand | null {
  if (request.type === 'release-all') return { op: 'release-all', id: 0 };
  if (request.type === 'configure') return isTabConfig(request.rules, request.intercept) ? { op: 'configure', id: 0, rules: request.rules, intercept: request.intercept } : null;
  const c = request.command;
  if (!isSocketCommand(c)) return null;
  const id = Number(request.conn.slice(request.conn.lastIndexOf(':') + 1));
  switch (c.op) {
    case 'send':
    case 'simulate-message': {
      const data = c.payload.kind === 'text' ? c.payload.text : base64ToBytes(c.payload.base64).buffer as ArrayBuffer;
      return { op: c.op, id, data };
    }
    case 'close':
    case 'simulate-close':
      return { op: c.op, id, code: c.code, reason: c.reason };
    case 'simulate-error':
      return { op: 'simulate-error', id };
    case 'verdict':
      return { op: 'verdict', id, pauseId: c.pauseId, forward: c.forward, data: c.text };
  }
}
