/**
 * Live capture vs an imported session (read-only, same filters and views): import by file
 * picker or drag and drop; a broken file gets a clear message and the live capture goes on.
 */
import { useState } from 'preact/hooks';
import { CaptureStore } from '../model/capture-store';
import { loadSession } from '../model/session-io';
import { readImport } from './transfer';

export interface ImportedSessions {
  imported: { name: string; store: CaptureStore } | null;
  /** The imported store while it is shown, else null (live). */
  showing: CaptureStore | null;
  show(which: 'live' | 'imported'): void;
  importFile(file: File): Promise<void>;
  error: string | null;
  dismissError(): void;
  dragging: boolean;
  dropHandlers: Record<string, (e: DragEvent) => void>;
}

export function useImportedSession(): ImportedSessions {
  const [imported, setImported] = useState<ImportedSessions['imported']>(null);
  const [which, setWhich] = useState<'live' | 'imported'>('live');
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const importFile = async (file: File) => {
    try {
      const session = await readImport(file);
      const store = new CaptureStore({ maxFrames: Number.MAX_SAFE_INTEGER, preserveLog: true });
      loadSession(store, session, file.name);
      setImported({ name: file.name, store });
      setWhich('imported');
      setError(null);
    } catch (e) {
      setError(`Import failed: ${(e as Error).message}`);
    }
  };
  const hasFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');
  return {
    imported,
    showing: which === 'imported' && imported ? imported.store : null,
    show: setWhich,
    importFile,
    error,
    dismissError: () => setError(null),
    dragging,
    dropHandlers: {
      onDragOver: (e) => { if (hasFiles(e)) { e.preventDefault(); setDragging(true); } },
      onDragLeave: () => setDragging(false),
      onDrop: (e) => {
        setDragging(false);
        const file = e.dataTransfer?.files[0];
        if (!file) return;
        e.preventDefault();
        void importFile(file);
      },
    },
  };
}

export function SessionBar({ sessions, onExport, onReplay }: { sessions: ImportedSessions; onExport(): void; onReplay(): void }) {
  const s = sessions;
  return (
    <div class="session-switch toolbar" data-testid="session-bar">
      <button type="button" class={`toggle${!s.showing ? ' on' : ''}`} data-testid="show-live" onClick={() => s.show('live')}>Live</button>
      {s.imported && (
        <button type="button" class={`toggle${s.showing ? ' on' : ''}`} data-testid="show-imported" title="Imported session (read-only)" onClick={() => s.show('imported')}>
          Imported: {s.imported.name}
        </button>
      )}
      <label class="file-button" title="Import a HAR, JSON or NDJSON file (or drop it on the panel)">
        Import…<input type="file" data-testid="import-file" accept=".har,.json,.ndjson,.jsonl,application/json"
          onChange={(e) => { const f = (e.currentTarget as HTMLInputElement).files?.[0]; if (f) void s.importFile(f); (e.currentTarget as HTMLInputElement).value = ''; }} />
      </label>
      <button type="button" data-testid="export" onClick={onExport}>Export…</button>
      <button type="button" data-testid="replay" onClick={onReplay} title="Replay a recorded connection and compare the responses">Replay…</button>
      {s.error && (
        <span class="import-error" role="alert" data-testid="import-error">{s.error}{' '}
          <button type="button" data-testid="import-error-dismiss" aria-label="Dismiss the import error" onClick={s.dismissError}>Dismiss</button>
        </span>
      )}
    </div>
  );
}
