/**
 * Compose and act on a live connection of the page: send to the server, simulate an
 * incoming message, close or simulate a server close / error. Snippets and history.
 */
import { usePanel } from './context';
import { paneStyle } from './Splitter';
import { useState } from 'preact/hooks';
import type { Connection } from '../model/capture-store';
import { buildPayload, COMPOSE_MODES, parseSnippets, reformatJson, type ComposeMode } from '../model/composer';
import { isSendableCloseCode, isSimulatedCloseCode, type SocketCommand } from '../protocol/commands';
import { download, useSnippets } from './snippets';
import { bytesToBase64 } from '../model/bytes';

export interface ComposerDraft { mode: ComposeMode; text: string; conn?: string }

interface Props {
  connections: Connection[];
  draft: ComposerDraft;
  onDraft(draft: ComposerDraft): void;
  onCommand(connection: Connection, command: SocketCommand): void;
  onClose(): void;
}

export function Composer({ connections, draft, onDraft, onCommand, onClose }: Props) {
  // Panel commands act through the WebSocket hook; WebSocketStream and imported connections cannot take them.
  const open = connections.filter((c) => c.state === 'open' && c.api === 'WebSocket');
  const target = open.find((c) => c.id === draft.conn) ?? open[open.length - 1];
  const built = buildPayload(draft.mode, draft.text);
  const [history, setHistory] = useState<ComposerDraft[]>([]);
  const [code, setCode] = useState('4000');
  const [reason, setReason] = useState('closed from wsinspect');
  const [message, setMessage] = useState<string | null>(null);
  const { snippets, save } = useSnippets();

  const act = (command: SocketCommand) => {
    if (!target) return;
    onCommand(target, command);
    setMessage(null);
  };
  const sendPayload = (op: 'send' | 'simulate-message') => {
    if (!built.ok || !target) return;
    act({ op, payload: built.payload });
    setHistory([{ mode: draft.mode, text: draft.text }, ...history.filter((h) => h.text !== draft.text)].slice(0, 30));
  };
  const closeWith = (op: 'close' | 'simulate-close') => {
    const n = Number(code);
    const valid = op === 'close' ? isSendableCloseCode(n) : isSimulatedCloseCode(n);
    if (!valid) return setMessage(op === 'close' ? 'Close code must be 1000 or 3000–4999' : 'Close code must be 1000–4999');
    if (new TextEncoder().encode(reason).length > 123) return setMessage('Close reason must be at most 123 bytes of UTF-8');
    act({ op, code: n, reason });
  };
  const importSnippets = async (file: File) => {
    try { save([...snippets, ...parseSnippets(await file.text())]); setMessage(null); } catch (e) { setMessage((e as Error).message); }
  };

  return (
    <section class="composer" data-testid="composer" aria-label="Composer" style={paneStyle(usePanel().paneSize.composer.value)}>
      <header>
        <label>Connection <select data-testid="composer-target" value={target?.id ?? ''} onChange={(e) => onDraft({ ...draft, conn: (e.currentTarget as HTMLSelectElement).value })}>
          {open.length === 0 && <option value="">no open connection</option>}
          {open.map((c) => <option key={c.id} value={c.id}>#{connections.indexOf(c) + 1} {c.url}</option>)}
        </select></label>
        <span class="tabs" role="tablist">
          {COMPOSE_MODES.map((m) => <button type="button" role="tab" key={m} aria-selected={draft.mode === m} class={draft.mode === m ? 'active' : ''} data-testid={`compose-${m}`} onClick={() => onDraft({ ...draft, mode: m })}>{m.toUpperCase()}</button>)}
        </span>
        {draft.mode === 'json' && <>
          <button type="button" onClick={() => { const t = reformatJson(draft.text, true); if (t) onDraft({ ...draft, text: t }); }}>Pretty</button>
          <button type="button" onClick={() => { const t = reformatJson(draft.text, false); if (t) onDraft({ ...draft, text: t }); }}>Minify</button>
        </>}
        <label class="file-button" title="Load a file's bytes as a binary payload (base64)">File…<input type="file" data-testid="composer-file"
          onChange={async (e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (!file) return;
            if (file.size > 64 * 1024 * 1024) { setMessage(`${file.name} is larger than 64 MB`); return; }
            onDraft({ ...draft, mode: 'base64', text: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
          }} /></label>
        <span class="spacer" />
        <button type="button" onClick={onClose} aria-label="Close composer">×</button>
      </header>
      <textarea data-testid="composer-input" spellcheck={false} value={draft.text} placeholder={draft.mode === 'hex' ? 'de ad be ef' : 'payload'}
        onInput={(e) => onDraft({ ...draft, text: (e.currentTarget as HTMLTextAreaElement).value })} />
      {!built.ok && draft.text && <div class="error" data-testid="composer-error">{built.error}</div>}
      {message && <div class="error" role="alert" data-testid="composer-message">{message}</div>}
      <div class="composer-actions">
        <button type="button" class="primary" data-testid="composer-send" disabled={!built.ok || !target} onClick={() => sendPayload('send')} title="Send to the server on the page's socket">↑ Send</button>
        <button type="button" data-testid="composer-simulate" disabled={!built.ok || !target} onClick={() => sendPayload('simulate-message')} title="Deliver to the page as if the server had sent it">↓ Simulate incoming</button>
        <select aria-label="History" value="" onChange={(e) => { const h = history[Number((e.currentTarget as HTMLSelectElement).value)]; if (h) onDraft({ ...draft, ...h }); }}>
          <option value="">History ({history.length})</option>
          {history.map((h, i) => <option key={i} value={i}>{h.text.slice(0, 60)}</option>)}
        </select>
        <select aria-label="Snippets" data-testid="snippet-list" value="" onChange={(e) => { const s = snippets[Number((e.currentTarget as HTMLSelectElement).value)]; if (s) onDraft({ ...draft, mode: s.mode, text: s.text }); }}>
          <option value="">Snippets ({snippets.length})</option>
          {snippets.map((s, i) => <option key={i} value={i}>{s.name}</option>)}
        </select>
        <SnippetControls draft={draft} snippets={snippets} save={save} onImport={importSnippets} />
        <span class="spacer" />
        <label>code <input class="code" data-testid="close-code" value={code} onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)} /></label>
        <label>reason <input data-testid="close-reason" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="button" data-testid="close-socket" disabled={!target} onClick={() => closeWith('close')} title="Close the socket (codes 1000 or 3000–4999)">Close</button>
        <button type="button" data-testid="simulate-close" disabled={!target} onClick={() => closeWith('simulate-close')} title="The page sees a server close with this code">Simulate server close</button>
        <button type="button" data-testid="simulate-error" disabled={!target} onClick={() => act({ op: 'simulate-error' })}>Simulate error</button>
      </div>
    </section>
  );
}

function SnippetControls({ draft, snippets, save, onImport }: { draft: ComposerDraft; snippets: ReturnType<typeof useSnippets>['snippets']; save(list: typeof snippets): void; onImport(file: File): void }) {
  const [name, setName] = useState('');
  return (
    <>
      <input placeholder="snippet name" data-testid="snippet-name" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      <button type="button" data-testid="snippet-save" disabled={!name || !draft.text} onClick={() => { save([...snippets.filter((s) => s.name !== name), { name, mode: draft.mode, text: draft.text }]); setName(''); }}>Save</button>
      <button type="button" title="Export snippets as JSON" onClick={() => download('wsinspect-snippets.json', JSON.stringify(snippets, null, 2))}>Export</button>
      <label class="file-button" title="Import snippets from JSON">Import<input type="file" accept=".json,application/json" data-testid="snippet-import" onChange={(e) => { const f = (e.currentTarget as HTMLInputElement).files?.[0]; if (f) onImport(f); }} /></label>
    </>
  );
}
