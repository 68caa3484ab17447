/**
 * The contract between the page hook's core (document_start, every page: capture only) and
 * its tools (rules, breakpoints and the panel's commands), which the background injects into
 * a frame only when a panel first needs them (src/hook/tools.ts). The tools find the core by
 * calling `Function.prototype.toString` with TOOLS_KEY (see mask.ts `answer`); the core
 * answers once. The tools capture nothing of the page's themselves: they use the core's
 * natives, taken before any page script ran.
 */
import type { Natives } from './natives';
import type { report } from './reporter';

declare const __WSINSPECT_SECRET__: string;
export const TOOLS_KEY = `${__WSINSPECT_SECRET__}:tools`;

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
  install(tools: Tools): void;
}

/** What the core asks the tools, on every frame while they are installed. */
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
