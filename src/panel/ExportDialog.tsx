/**
 * Export: all frames or the filtered view, as HAR, NDJSON or JSON, or as a Playwright test or a
 * mock server that replay the recording without wsinspect; with optional redaction.
 */
import { DEFAULT_VOLATILE } from '../model/replay';
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Session } from '../model/session-io';
import { usePanel } from './context';
import { useAnchored } from './anchored';
import { exportSession, FORMATS, parseRedaction, type ExportFormat } from './transfer';
import { TruncatedFramesError } from '../model/mock-script';

interface Props { all(): Session; filtered(): Session; filteredCount: number; totalCount: number; onClose(): void }

export function ExportDialog(p: Props) {
  const [format, setFormat] = useState<ExportFormat>('har');
  const [scope, setScope] = useState<'all' | 'filtered'>('all');
  const [redact, setRedact] = useState('');
  const [status, setStatus] = useState('');
  const { payloads, store } = usePanel();
  const [volatile, setVolatile] = useState(DEFAULT_VOLATILE);
  const [pageUrl, setPageUrl] = useState(() => store.value.pageUrl);
  const runnable = format === 'playwright' || format === 'mock-server';
  const redaction = parseRedaction(redact);
  const [busy, setBusy] = useState(false);
  const ref = useAnchored<HTMLDivElement>('[data-testid="export"]');
  const run = async (to: 'file' | 'clipboard') => {
    setBusy(true);
    try {
      // Big frames reached the panel as previews: exports carry their whole payloads, fetched now.
      const { session, missing } = await payloads.completeSession(scope === 'all' ? p.all() : p.filtered(), (done, total) => setStatus(`Fetching big payloads from the page: ${done} / ${total}…`));
      let name: string;
      try {
        name = await exportSession(session, format, redaction.patterns, browser.runtime.getManifest().version, to,
          { volatile: volatile.split(',').map((k) => k.trim()).filter(Boolean), pageUrl });
      } catch (e) {
        if (e instanceof TruncatedFramesError) { setStatus(`Cannot export: ${e.message}`); return; }
        throw e;
      }
      const done = to === 'clipboard' ? 'Copied to the clipboard' : `Downloaded ${name}`;
      setStatus(missing ? `${done}. ${missing} big frame${missing > 1 ? 's' : ''} could not be fetched in full (the page no longer holds ${missing > 1 ? 'them' : 'it'}): exported as preview${missing > 1 ? 's' : ''}, marked "truncated"` : done);
    } finally { setBusy(false); }
  };
  return (
    <div class="dialog" role="dialog" aria-label="Export" data-testid="export-dialog" ref={ref}>
      <fieldset>
        <legend>Frames</legend>
        <label><input type="radio" checked={scope === 'all'} onChange={() => setScope('all')} /> all ({p.totalCount})</label>
        <label><input type="radio" data-testid="export-filtered" checked={scope === 'filtered'} onChange={() => setScope('filtered')} /> filtered view ({p.filteredCount})</label>
      </fieldset>
      <fieldset class="formats">
        <legend>Format</legend>
        {(Object.keys(FORMATS) as ExportFormat[]).map((f) => (
          <label key={f}><input type="radio" data-testid={`export-${f}`} checked={format === f} onChange={() => setFormat(f)} /> {FORMATS[f].label}</label>
        ))}
      </fieldset>
      {runnable && <>
        <label>Volatile JSON fields (ignored when comparing) <input data-testid="export-volatile" value={volatile}
          onInput={(e) => setVolatile((e.currentTarget as HTMLInputElement).value)} /></label>
        {format === 'playwright' && <label>Page address the test opens <input data-testid="export-page-url" value={pageUrl}
          onInput={(e) => setPageUrl((e.currentTarget as HTMLInputElement).value)} /></label>}
      </>}
      <label>Redact (regular expressions, comma-separated) <input data-testid="export-redact" value={redact} placeholder="token=\w+, Bearer \S+"
        onInput={(e) => setRedact((e.currentTarget as HTMLInputElement).value)} /></label>
      {redaction.error && <div class="error" role="alert">{redaction.error}</div>}
      <div class="dialog-actions">
        <button type="button" class="primary" data-testid="export-download" disabled={!!redaction.error || busy} onClick={() => run('file')}>Download</button>
        <button type="button" data-testid="export-copy" disabled={!!redaction.error || busy} onClick={() => run('clipboard')}>Copy</button>
        <span role="status" data-testid="export-status">{status}</span>
        <span class="spacer" />
        <button type="button" onClick={p.onClose}>Close</button>
      </div>
    </div>
  );
}
