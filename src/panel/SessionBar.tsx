/**
 * Live capture vs an imported session (read-only, same filters and views): import by file
 * picker or drag and drop (App.tsx); a broken file gets a clear message and the live capture goes on.
 */
import { usePanel } from './context';

export function SessionBar() {
  const state = usePanel();
  const imported = state.imported.value;
  const showing = state.showing.value === 'imported' && imported;
  const error = state.importError.value;
  const onExport = () => { state.exporting.value = !state.exporting.value; };
  const onReplay = () => { state.replaying.value = !state.replaying.value; };
  return (
    <div class="session-switch toolbar" data-testid="session-bar">
      <button type="button" class={`toggle${!showing ? ' on' : ''}`} aria-pressed={!showing} data-testid="show-live" onClick={() => { state.showing.value = 'live'; state.selected.value = null; }}>Live</button>
      {imported && (
        <button type="button" class={`toggle${showing ? ' on' : ''}`} aria-pressed={!!showing} data-testid="show-imported" title="Imported session (read-only)" onClick={() => { state.showing.value = 'imported'; state.selected.value = null; }}>
          Imported: {imported.name}
        </button>
      )}
      <label class="file-button" title="Import a HAR, JSON or NDJSON file (or drop it on the panel)">
        Import…<input type="file" data-testid="import-file" accept=".har,.json,.ndjson,.jsonl,application/json"
          onChange={(e) => { const f = (e.currentTarget as HTMLInputElement).files?.[0]; if (f) void state.importFile(f); (e.currentTarget as HTMLInputElement).value = ''; }} />
      </label>
      <button type="button" data-testid="export" onClick={onExport}>Export…</button>
      <button type="button" data-testid="replay" onClick={onReplay} title="Replay a recorded connection and compare the responses">Replay…</button>
      {error && (
        <span class="import-error" role="alert" data-testid="import-error">{error}{' '}
          <button type="button" data-testid="import-error-dismiss" aria-label="Dismiss the import error" onClick={() => { state.importError.value = null; }}>Dismiss</button>
        </span>
      )}
    </div>
  );
}
