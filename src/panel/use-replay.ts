/**
 * Runs a session replay: sends a recorded connection's frames, in order, on a live
 * connection of the page (through the hook) or on a new socket the panel opens itself,
 * with the original timing, scaled, or one step at a time; collects the responses.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaptureStore, Connection } from '../model/capture-store';
import { splitResponses, stepDelay, type ReplayStep } from '../model/replay';
import { resendCommand, type SocketCommand } from '../protocol/commands';
import { base64ToBytes } from '../model/bytes';
import type { SessionFrame } from '../model/session-io';
import type { TimedFrame } from '../model/pair-compare';
import { bytesToBase64 } from '../model/bytes';
import { usePanel } from './context';

export type Target = { kind: 'live'; conn: string } | { kind: 'new'; url: string; protocol: string };
export type Timing = 'original' | 'scaled' | 'step';

export interface ReplayRun {
  /** Index of the next step to send. */
  next: number;
  running: boolean;
  /** Responses received after each step was sent. */
  actual: string[][];
  /** The replay's traffic on its connection, both ways, with times (to pair requests with their answers). */
  traffic: TimedFrame[];
  error: string | null;
  start(target: Target, timing: Timing, speed: number): void;
  step(): void;
  stop(): void;
}

export function useReplay(steps: ReplayStep[], live: CaptureStore, command: (c: Connection, cmd: SocketCommand) => void): ReplayRun {
  const { payloads } = usePanel();
  const [next, setNext] = useState(0);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [ownResponses, setOwnResponses] = useState<string[]>([]);
  const [ownTraffic, setOwnTraffic] = useState<TimedFrame[]>([]);
  const run = useRef<{ target: Target; timing: Timing; speed: number; marks: number[]; socket: WebSocket | null; timer: number } | null>(null);

  const stop = () => {
    const r = run.current;
    if (r) { clearTimeout(r.timer); r.socket?.close(1000, 'replay done'); }
    setRunning(false);
  };
  useEffect(() => stop, []);

  const sendStep = (i: number) => {
    const r = run.current;
    if (!r || i >= steps.length) { setRunning(false); return; }
    const frame = steps[i].send;
    if (!frame.ref) { deliver(r, i, frame); return; }
    // A big frame the panel has a preview of: its whole payload is fetched from the page first.
    payloads.load({ ...frame.ref, opcode: frame.opcode, preview: frame.data }).then(
      (data) => { if (run.current === r) deliver(r, i, { ...frame, data, ref: undefined, truncated: undefined }); },
      (e) => { if (run.current === r) { setError(`Step ${i + 1}: ${(e as Error).message}`); stop(); } },
    );
  };

  const deliver = (r: NonNullable<typeof run.current>, i: number, frame: SessionFrame) => {
    r.marks[i] = live.firstPos + live.frames.length;
    if (r.target.kind === 'live') {
      const conn = live.connections.get(r.target.conn);
      if (!conn || conn.state !== 'open') { setError('The target connection is not open any more'); stop(); return; }
      command(conn, resendCommand(frame));
    } else if (r.socket && r.socket.readyState === WebSocket.OPEN) {
      r.socket.send(frame.opcode === 'text' ? frame.data : base64ToBytes(frame.data));
      setOwnTraffic((all) => [...all, { time: Date.now(), dir: 'sent', opcode: frame.opcode, data: frame.data }]);
    }
    setNext(i + 1);
    if (r.timing !== 'step' && i + 1 < steps.length) r.timer = window.setTimeout(() => sendStep(i + 1), stepDelay(steps[i + 1], r.timing, r.speed));
    else if (i + 1 >= steps.length) setRunning(false);
  };

  const start = (target: Target, timing: Timing, speed: number) => {
    stop();
    setError(null);
    setNext(0);
    setOwnResponses([]);
    setOwnTraffic([]);
    run.current = { target, timing, speed, marks: [], socket: null, timer: 0 };
    setRunning(true);
    if (target.kind === 'live') { if (timing !== 'step') sendStep(0); return; }
    try {
      const socket = new WebSocket(target.url, target.protocol ? [target.protocol] : []);
      socket.binaryType = 'arraybuffer';
      run.current.socket = socket;
      socket.onopen = () => { if (timing !== 'step') sendStep(0); };
      socket.onerror = () => setError(`Could not connect to ${target.url}`);
      socket.onmessage = (e) => {
        const text = typeof e.data === 'string' ? e.data : Array.from(new Uint8Array(e.data), (b) => b.toString(16).padStart(2, '0')).join(' ');
        setOwnResponses((all) => [...all, text]);
        const received: TimedFrame = typeof e.data === 'string' ? { time: Date.now(), dir: 'received', opcode: 'text', data: e.data }
          : { time: Date.now(), dir: 'received', opcode: 'binary', data: bytesToBase64(new Uint8Array(e.data)) };
        setOwnTraffic((all) => [...all, received]);
      };
    } catch (e) {
      setError((e as Error).message);
      setRunning(false);
    }
  };

  // Live target: the responses are the target connection's received frames since the first send.
  const r = run.current;
  const responses = r?.target.kind === 'live' ? responsesSince(live, r.target.conn, r.marks[0]) : ownResponses;
  const actual = splitResponses(steps, next, responses);
  const traffic = r?.target.kind === 'live' ? trafficSince(live, r.target.conn, r.marks[0]) : ownTraffic;
  return { next, running, actual, traffic, error, start, step: () => sendStep(next), stop };
}

function trafficSince(store: CaptureStore, conn: string, from: number | undefined): TimedFrame[] {
  if (from === undefined) return [];
  const out: TimedFrame[] = [];
  for (let pos = Math.max(from, store.firstPos); pos < store.firstPos + store.frames.length; pos++) {
    const f = store.frames[pos - store.firstPos];
    if (f && f.conn === conn) out.push({ time: f.time, dir: f.dir, opcode: f.opcode, data: f.data });
  }
  return out;
}

function responsesSince(store: CaptureStore, conn: string, from: number | undefined): string[] {
  if (from === undefined) return [];
  const out: string[] = [];
  for (let pos = Math.max(from, store.firstPos); pos < store.firstPos + store.frames.length; pos++) {
    const f = store.frames[pos - store.firstPos];
    if (f && f.conn === conn && f.dir === 'received') out.push(f.opcode === 'text' ? f.data : Array.from(base64ToBytes(f.data), (b) => b.toString(16).padStart(2, '0')).join(' '));
  }
  return out;
}
