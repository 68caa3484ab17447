/**
 * Breakpoints (hold matching frames in the page until forwarded or dropped, in order) and
 * rules. Closing DevTools releases everything and switches both off.
 */
import { usePanel } from './context';
import { paneStyle } from './Splitter';
import { useState } from 'preact/hooks';
import type { PausedFrame } from '../model/capture-store';
import { base64ToBytes, hexPreview } from '../model/bytes';
import type { InterceptConfig, Rule } from '../protocol/rules';
import { RulesEditor } from './RulesEditor';

interface Props {
  breakpoint: InterceptConfig;
  onBreakpoint(config: InterceptConfig): void;
  held: PausedFrame[];
  connectionLabel(id: string): string;
  onVerdict(frame: PausedFrame, forward: boolean, text: string | null): void;
  onReleaseAll(): void;
  rules: Rule[];
  onRules(rules: Rule[]): void;
  onClose(): void;
}

export function BreakpointsPanel(p: Props) {
  const b = p.breakpoint;
  const set = (patch: Partial<InterceptConfig>) => p.onBreakpoint({ ...b, ...patch });
  return (
    <section class="breakpoints" data-testid="breakpoints" aria-label="Breakpoints and rules" style={paneStyle(usePanel().paneSize.breakpoints.value)}>
      <header>
        <strong>Breakpoints</strong>
        <label><input type="checkbox" checked={b.sent} onChange={() => set({ sent: !b.sent })} data-testid="break-sent" /> outgoing</label>
        <label><input type="checkbox" checked={b.received} onChange={() => set({ received: !b.received })} data-testid="break-received" /> incoming</label>
        <input placeholder="matching (empty = all)" value={b.match.source} data-testid="break-match"
          onInput={(e) => set({ match: { ...b.match, source: (e.currentTarget as HTMLInputElement).value } })} />
        <label><input type="checkbox" checked={b.match.regex} onChange={() => set({ match: { ...b.match, regex: !b.match.regex } })} /> regex</label>
        <input placeholder="url contains" value={b.urlContains} onInput={(e) => set({ urlContains: (e.currentTarget as HTMLInputElement).value })} />
        <label>forward after <input class="code" type="number" min={1} value={b.timeoutMs / 1000} onInput={(e) => set({ timeoutMs: Math.max(1, Number((e.currentTarget as HTMLInputElement).value) || 60) * 1000 })} /> s</label>
        <button type="button" data-testid="forward-all" disabled={!p.held.length} onClick={p.onReleaseAll} title="Forward every held frame as is and switch breakpoints off">Forward all</button>
        <span class="spacer" />
        <button type="button" onClick={p.onClose} aria-label="Close breakpoints">×</button>
      </header>
      <ul class="held" data-testid="held-list">
        {p.held.map((h) => <HeldFrame key={h.key} frame={h} label={p.connectionLabel(h.conn)} onVerdict={p.onVerdict} />)}
        {!p.held.length && <li class="muted">{b.sent || b.received ? 'Waiting for a matching frame…' : 'Breakpoints are off.'}</li>}
      </ul>
      <RulesEditor rules={p.rules} onRules={p.onRules} />
    </section>
  );
}

function HeldFrame({ frame, label, onVerdict }: { frame: PausedFrame; label: string; onVerdict: Props['onVerdict'] }) {
  const [text, setText] = useState(frame.data);
  const binary = frame.opcode === 'binary';
  return (
    <li data-testid="held">
      <span>{frame.dir === 'sent' ? '↑ held before sending' : '↓ held before the page'} · {label}</span>
      {binary ? <code>{hexPreview(base64ToBytes(frame.data), 64)}</code>
        : <textarea data-testid="held-text" value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />}
      <button type="button" class="primary" data-testid="held-forward" onClick={() => onVerdict(frame, true, binary || text === frame.data ? null : text)}>Forward</button>
      <button type="button" data-testid="held-drop" onClick={() => onVerdict(frame, false, null)}>Drop</button>
    </li>
  );
}
