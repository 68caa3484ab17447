/** Top toolbar: capture controls, the filter box and toggles, and the search box. */
import type { Ref } from 'preact';
import type { FilterState } from '../model/filters';
import type { Settings } from './settings';
import { usePanel } from './context';

interface Props {
  /** The search box, for Ctrl/Cmd+F. */
  searchRef: Ref<HTMLInputElement>;
}

const toggle = (label: string, title: string, on: boolean, onClick: () => void, testid: string) => (
  <button type="button" class={`toggle${on ? ' on' : ''}`} aria-pressed={on} title={title} onClick={onClick} data-testid={testid}>{label}</button>
);

export function Toolbar({ searchRef }: Props) {
  const state = usePanel();
  state.liveVersion.value; // the pause state lives in the live store
  const f = state.filter.value;
  const settings = state.settings.value;
  const p = {
    filterError: state.compiledFilter.value.error,
    settings,
    onSettings: (patch: Partial<Settings>) => state.updateSettings(patch),
    paused: state.live.paused,
    onPause: () => state.togglePause(),
    onClear: () => state.clear(),
    search: state.search.value,
    searchStatus: state.searchStatus(),
    searchRef,
    onSearch: (text: string) => { state.search.value = text; },
    onSearchStep: (backwards: boolean) => state.step(backwards),
    composing: state.draft.value !== null,
    onCompose: () => { state.draft.value = state.draft.value ? null : { mode: 'text', text: '', conn: state.selected.value?.conn }; },
    breaking: state.breaking.value,
    onBreak: () => { state.breaking.value = !state.breaking.value; },
    connectionsShown: state.connectionsShown.value,
    onConnections: () => { state.connectionsShown.value = !state.connectionsShown.value; },
  };
  const set = (patch: Partial<FilterState>) => { state.filter.value = { ...f, ...patch }; };
  return (
    <div class="toolbar" role="toolbar" aria-label="Capture and filters">
      <button type="button" data-testid="connections-toggle" class={`drawer${p.connectionsShown ? ' on' : ''}`} aria-pressed={p.connectionsShown}
        title="Show or hide the connection list" onClick={p.onConnections}>Connections</button>
      <button type="button" data-testid="pause" class={p.paused ? 'recording-off' : 'recording'} title={p.paused ? 'Resume capture' : 'Pause capture'} onClick={p.onPause}>
        {p.paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" data-testid="clear" title="Clear" onClick={p.onClear}>Clear</button>
      <label title="Keep frames when the page reloads or navigates">
        <input type="checkbox" data-testid="preserve-log" checked={p.settings.preserveLog}
          onChange={(e) => p.onSettings({ preserveLog: (e.currentTarget as HTMLInputElement).checked })} /> Preserve log
      </label>
      <button type="button" data-testid="compose" class={`drawer${p.composing ? ' on' : ''}`} aria-pressed={p.composing} title="Send, simulate, close on a live connection" onClick={p.onCompose}>Compose</button>
      <button type="button" data-testid="breakpoints-toggle" class={`drawer${p.breaking ? ' on' : ''}`} aria-pressed={p.breaking} title="Breakpoints and rewrite rules" onClick={p.onBreak}>Breakpoints</button>
      <span class="sep" />
      <input type="search" class={`filter-input${p.filterError ? ' invalid' : ''}`} placeholder="Filter (text or /regex/flags)" value={f.query}
        data-testid="filter" aria-label="Filter frames" aria-invalid={!!p.filterError} onInput={(e) => set({ query: (e.currentTarget as HTMLInputElement).value })} />
      {toggle('Invert', 'Invert: hide matching frames', f.invert, () => set({ invert: !f.invert }), 'invert')}
      {toggle('↑ Sent', 'Show sent frames', f.sent, () => set({ sent: !f.sent }), 'show-sent')}
      {toggle('↓ Received', 'Show received frames', f.received, () => set({ received: !f.received }), 'show-received')}
      {toggle('Text', 'Show text frames', f.text, () => set({ text: !f.text }), 'show-text')}
      {toggle('Binary', 'Show binary frames', f.binary, () => set({ binary: !f.binary }), 'show-binary')}
      {toggle('Hide heartbeats', 'Hide heartbeats (repeated ping/pong-like frames, learned from traffic)', p.settings.hideNoise, () => p.onSettings({ hideNoise: !p.settings.hideNoise }), 'hide-noise')}
      {toggle('Relative time', 'Time: absolute / since connection opened', p.settings.timeMode === 'relative', () => p.onSettings({ timeMode: p.settings.timeMode === 'absolute' ? 'relative' : 'absolute' }), 'time-mode')}
      {toggle('Chart', 'Show the timeline chart (hidden automatically when the panel is short)', p.settings.showTimeline, () => p.onSettings({ showTimeline: !p.settings.showTimeline }), 'show-timeline')}
      {p.filterError && <span class="error" role="alert" data-testid="filter-error">{p.filterError}</span>}
      <span class="spacer" />
      <input type="search" placeholder="Search (Enter / Shift+Enter)" value={p.search} ref={p.searchRef} data-testid="search" aria-label="Search payloads"
        onInput={(e) => p.onSearch((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); p.onSearchStep(e.shiftKey); } }} />
      <span class="count" data-testid="search-status">{p.searchStatus}</span>
    </div>
  );
}
