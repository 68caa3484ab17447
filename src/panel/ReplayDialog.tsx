/** Replay a recorded connection (live or imported) and compare the responses with the recording. */
import { useMemo, useState } from 'preact/hooks';
import { base64ToBytes, hexPreview } from '../model/bytes';
import type { CaptureStore, Connection } from '../model/capture-store';
import { compareResponses, DEFAULT_VOLATILE, replayPlan } from '../model/replay';
import { sessionFromStore } from '../model/session-io';
import type { SocketCommand } from '../protocol/commands';
import { useReplay, type Timing } from './use-replay';
import { useAnchored } from './anchored';
import { compareLatencies } from '../model/pair-compare';
import { usePanel } from './context';

interface Props { source: CaptureStore; live: CaptureStore; command(c: Connection, cmd: SocketCommand): void; onClose(): void }

const ms = (v: number | undefined) => (v === undefined ? '—' : v < 10 ? v.toFixed(1) : String(Math.round(v)));
const show = (f: { opcode: string; data: string }) => (f.opcode === 'text' ? f.data : hexPreview(base64ToBytes(f.data), Infinity));

export function ReplayDialog({ source, live, command, onClose }: Props) {
  const recorded = [...source.connections.values()];
  const [pick, setPick] = useState(0);
  const ref = useAnchored<HTMLDivElement>('[data-testid="replay"]');
  const session = useMemo(() => sessionFromStore(source), [source, source.version]);
  const recording = session.connections[pick];
  const current = useMemo(() => replayPlan(recording?.frames ?? []), [recording]);
  // The recording is frozen when a replay starts: replaying on the recorded socket itself adds frames to it.
  const [frozen, setFrozen] = useState<typeof current | null>(null);
  const steps = frozen ?? current;
  const open = [...live.connections.values()].filter((c) => c.state === 'open' && c.api === 'WebSocket');
  const [target, setTarget] = useState('new');
  const [url, setUrl] = useState(recording?.url ?? '');
  const [timing, setTiming] = useState<Timing>('scaled');
  const [speed, setSpeed] = useState(10);
  const [volatile, setVolatile] = useState(DEFAULT_VOLATILE);
  const replay = useReplay(steps, live, command);
  const select = (i: number) => { setPick(i); setFrozen(null); };
  const volatileKeys = volatile.split(',').map((s) => s.trim()).filter(Boolean);
  const { settings, decoding, decodeAs } = usePanel();
  const latencies = useMemo(() => {
    if (!replay.next || !recording) return [];
    const info = { url: recording.url, protocol: recording.protocol, protocols: recording.protocol ? [recording.protocol] : [] };
    const override = decodeAs.value.get(recorded[pick]?.id ?? '');
    return compareLatencies(recording.frames, replay.traffic, (f, session) => decoding.pairHints(f, info, override, session), settings.value.unansweredAfterMs);
  }, [recording, replay.traffic, replay.next, settings.value.unansweredAfterMs, decodeAs.value]);

  const begin = () => {
    setFrozen(current);
    replay.start(target === 'new' ? { kind: 'new', url, protocol: recording?.protocol ?? '' } : { kind: 'live', conn: target }, timing, speed);
  };
  return (
    <div class="dialog replay" role="dialog" aria-label="Session replay" data-testid="replay-dialog" ref={ref}>
      <label>Recorded connection <select data-testid="replay-source" value={pick} onChange={(e) => select(Number((e.currentTarget as HTMLSelectElement).value))}>
        {recorded.map((c, i) => <option key={c.id} value={i}>#{i + 1} {c.url} ({c.framesSent} sent)</option>)}
      </select></label>
      <label>Replay on <select data-testid="replay-target" value={target} onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}>
        <option value="new">a new connection from the panel…</option>
        {open.map((c) => <option key={c.id} value={c.id}>the page's open connection {c.url}</option>)}
      </select></label>
      {target === 'new' && <input data-testid="replay-url" value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />}
      <div class="row-inline">
        <select data-testid="replay-timing" value={timing} onChange={(e) => setTiming((e.currentTarget as HTMLSelectElement).value as Timing)}>
          <option value="original">original timing</option><option value="scaled">scaled timing</option><option value="step">step by step</option>
        </select>
        {timing === 'scaled' && <label>× <input class="code" type="number" min={0.1} value={speed} onInput={(e) => setSpeed(Number((e.currentTarget as HTMLInputElement).value) || 1)} /></label>}
        <label>volatile fields <input data-testid="replay-volatile" value={volatile} onInput={(e) => setVolatile((e.currentTarget as HTMLInputElement).value)} /></label>
      </div>
      <div class="dialog-actions">
        <button type="button" class="primary" data-testid="replay-start" disabled={!steps.length} onClick={begin}>Replay {steps.length} frames</button>
        {timing === 'step' && replay.running && <button type="button" data-testid="replay-step" onClick={replay.step}>Send next ({replay.next + 1}/{steps.length})</button>}
        {replay.running && <button type="button" onClick={replay.stop}>Stop</button>}
        <span role="status" data-testid="replay-status">{replay.error ?? `${replay.next} / ${steps.length} sent`}</span>
        <span class="spacer" />
        <button type="button" onClick={() => { replay.stop(); onClose(); }}>Close</button>
      </div>
      {latencies.length > 0 && (
        <table class="requests-table" data-testid="replay-latencies">
          <caption>Requests: the recording and this replay</caption>
          <thead><tr><th>Protocol</th><th>Method</th><th>Recorded: asked</th><th>p50 ms</th><th>Now: asked</th><th>answered</th><th>no answer</th><th>p50 ms</th></tr></thead>
          <tbody>{latencies.map((r) => (
            <tr key={`${r.family} ${r.method}`} data-testid="replay-latency-row">
              <td>{r.family}</td><td>{r.method || '—'}</td><td>{r.a?.count ?? 0}</td><td>{ms(r.a?.p50)}</td>
              <td>{r.b?.count ?? 0}</td><td>{r.b?.answered ?? 0}</td><td class={r.b?.unanswered ? 'warning' : ''}>{r.b?.unanswered ?? 0}</td><td>{ms(r.b?.p50)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {steps.length > 0 && <div class="cmp cmp-head" data-testid="replay-columns"><span>Recorded response</span><span>Response now</span></div>}
      <ol class="replay-steps" data-testid="replay-steps">
        {steps.map((s, i) => {
          const rows = compareResponses(s.expected.map(show), replay.actual[i] ?? [], volatileKeys);
          const sent = i < replay.next;
          const same = rows.every((r) => r.equal);
          return (
            <li key={i} data-testid="replay-step-row" data-state={!sent ? 'pending' : same ? 'same' : 'different'} class={!sent ? 'pending' : same ? 'same' : 'different'}>
              <div>Sent: {show(s.send).slice(0, 200)}</div>
              {sent && rows.map((r, j) => (
                <div key={j} class={`cmp ${r.equal ? 'equal' : 'diff'}`}>
                  <span title="recorded">{r.expected ?? '(none)'}</span><span title="now">{r.actual ?? '(none yet)'}</span>
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
