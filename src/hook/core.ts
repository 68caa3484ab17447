/**
 * The contract between the page hook's capture (track.ts) and its tools (rules, breakpoints
 * and the panel's commands: intercept.ts, commands.ts). Both are built in the same closure at
 * document_start, before any page script: nothing of either is reachable from the page, and
 * the tools use only the natives captured then. Commands reach them only over the private
 * port the relay holds (reporter.ts).
 */
import type { Natives } from './natives';
import type { report } from './reporter';

/** What the tools may do to the page's sockets. */
export interface Sockets {
  socket(id: number): WebSocket | undefined;
  url(ws: WebSocket): string;
  readyState(ws: WebSocket): number;
  binaryType(ws: WebSocket): string;
  origin(ws: WebSocket): string;
  /** The native send and close: nothing reported. */
  send(ws: WebSocket, data: string | ArrayBuffer): void;
  close(ws: WebSocket, code: number, reason: string): void;
  /** A frame the panel sent, reported as such. */
  reportPanelSend(id: number, data: string | ArrayBuffer): void;
  /** Delivers a held or rewritten frame (or close) to the page's listeners; already reported. */
  deliver(ws: WebSocket, data: string | ArrayBuffer): void;
  deliverClose(ws: WebSocket, init: CloseEventInit): void;
  /** Runs `dispatch` with what the socket's listeners report marked as simulated. */
  simulate(id: number, dispatch: () => void): void;
  /** A close the page should see with another code than the real one. */
  setPendingClose(id: number, close: { code: number; reason: string }): void;
}

export interface Core {
  natives: Natives;
  report: typeof report;
  timestamp(): number;
  after(ms: number, fn: () => void): void;
  sockets: Sockets;
}

/** What the capture asks the tools, on every frame. */
export interface Tools {
  /** Rules, a breakpoint or held frames: frames go through outgoing/incoming. */
  active(): boolean;
  outgoing(id: number, ws: WebSocket, data: string | ArrayBuffer, state: number): void;
  /** True when the tools took the frame over (rewritten, blocked or held). */
  incoming(id: number, ws: WebSocket, data: string | ArrayBuffer): boolean;
  /** True when the close waits behind held frames. */
  holdClose(id: number, init: CloseEventInit): boolean;
  /** A command from the relay (validated here). */
  run(command: unknown): void;
}
