/** Export: all frames or the filtered view, as HAR, NDJSON or JSON, with optional redaction. */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Session } from '../model/session-io';
import { exportSession, parseRedaction, type ExportFormat } from './transfer';

interface Props { all(): Session; filtered(): Session; filteredCount: number; totalCount: number; onClose(): void }

export function ExportDialog(p: Props) {
  const [format, setFormat] = useState<ExportFormat>('har');
  const [scope, setScope] = useState<'all' | 'filtered'>('all');
  const [redact, setRedact] = useState('');
  const [status, setStatus] = useState('');
  const redaction = parseRedaction(redact);
  const run = async (to: 'file' | 'clipboard') => {
    const session = scope === 'all' ? p.all() : p.filtered();
    await exportSession(session, format, redaction.patterns, browser.runtime.getManifest().version, to);
    setStatus(to === 'clipboard' ? 'Copied to the clipboard' : 'Downloaded');
  };
  return (
    <div class="dialog" role="dialog" aria-label="Export" data-testid="export-dialog">
      <fieldset>
        <legend>Frames</legend>
        <label><input type="radio" checked={scope === 'all'} onChange={() => setScope('all')} /> all ({p.totalCount})</label>
        <label><input type="radio" data-testid="export-filtered" checked={scope === 'filtered'} onChange={() => setScope('filtered')} /> filtered view ({p.filteredCount})</label>
      </fieldset>
      <fieldset>
        <legend>Format</legend>
        {(['har', 'ndjson', 'json'] as const).map((f) => (
          <label key={f}><input type="radio" data-testid={`export-${f}`} checked={format === f} onChange={() => setFormat(f)} /> {f === 'har' ? 'HAR 1.2 (Chrome DevTools compatible)' : f.toUpperCase()}</label>
        ))}
      </fieldset>
      <label>Redact (regular expressions, comma-separated) <input data-testid="export-redact" value={redact} placeholder="token=\w+, Bearer \S+"
        onInput={(e) => setRedact((e.currentTarget as HTMLInputElement).value)} /></label>
      {redaction.error && <div class="error" role="alert">{redaction.error}</div>}
      <div class="dialog-actions">
        <button type="button" class="primary" data-testid="export-download" disabled={!!redaction.error} onClick={() => run('file')}>Download</button>
        <button type="button" data-testid="export-copy" disabled={!!redaction.error} onClick={() => run('clipboard')}>Copy</button>
        <span role="status" data-testid="export-status">{status}</span>
        <span class="spacer" />
        <button type="button" onClick={p.onClose}>Close</button>
      </div>
    </div>
  );
}
