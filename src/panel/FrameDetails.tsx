/**
 * Details of the selected frame: JSON tree, raw text, hex dump, base64, UTF-8 (invalid
 * bytes shown). Each view is computed only when its tab is open, and bounded in size. A big
 * frame arrives as a preview: views that need more fetch its full payload from the page.
 */
import { paneStyle } from './Splitter';
import { rewriteNote } from '../model/wording';
import { useMemo, useState } from 'preact/hooks';
import type { Connection, Frame } from '../model/capture-store';
import { formatFullTime, formatSize } from '../model/format';
import { utf8Length } from '../model/bytes';
import { parseJson, VIEW_LIMIT } from '../model/payload-views';
import { JsonTree } from './JsonTree';
import { explainFrame } from '../model/learn';
import { listDecoders } from '../decode';
import { usePanel } from './context';
import { useFullPayload, type FullPayload } from './full-payload';
import { previewBytes, RawView } from './RawView';

type Tab = 'decoded' | 'tree' | 'text' | 'hex' | 'base64' | 'utf8' | 'learn';
const TABS: Array<[Tab, string]> = [['decoded', 'Decoded'], ['tree', 'JSON'], ['text', 'Text'], ['hex', 'Hex'], ['base64', 'Base64'], ['utf8', 'UTF-8'], ['learn', 'Learn the API']];

interface Props { frame: Frame; connection?: Connection; onClose(): void; decodeAs?: string; onDecodeAs(id: string | undefined): void }

export function FrameDetails({ frame: selected, connection, onClose, decodeAs, onDecodeAs }: Props) {
  const { decoding, payloads } = usePanel();
  const full = useFullPayload(payloads, selected, connection);
  const frame = full.frame;
  const [chosen, setChosen] = useState<Tab | null>(null);
  // Small payloads are parsed up front (to open on the tree); a big one only when its tree is asked for.
  const eager = !selected.truncated && frame.opcode === 'text';
  const wantsTree = chosen === 'tree' && frame.opcode === 'text' && !full.partial;
  const json = useMemo(() => (eager || wantsTree ? parseJson(frame.data) : null), [frame, eager || wantsTree]);
  const summary = full.partial ? null : decoding.tableSummary(frame, connection, decodeAs);
  const defaultTab: Tab = summary ? 'decoded' : eager && json?.ok ? 'tree' : frame.opcode === 'binary' ? 'hex' : 'text';
  const tab = chosen ?? defaultTab;
  return (
    <section class="details" data-testid="details" aria-label="Frame details" style={paneStyle(usePanel().paneSize.details.value)}>
      <header>
        <span>{frame.dir === 'sent' ? 'Sent' : 'Received'} {frame.opcode} · {formatSize(frame.size)} · {formatFullTime(frame.time)}</span>
        {frame.discarded && <span class="warning">discarded by the browser: socket was not open</span>}
        <button type="button" onClick={onClose} title="Close details" aria-label="Close details">×</button>
      </header>
      {connection && <div class="details-conn">{connection.url}</div>}
      {full.partial && <PreviewNotice frame={selected} full={full} />}
      {frame.blocked && <div class="warning" data-testid="details-blocked">Not delivered: {frame.blocked}</div>}
      {frame.original !== undefined && (
        <div class="original" data-testid="details-original">{rewriteNote(frame.rule)} Original: <code>{frame.original.slice(0, VIEW_LIMIT)}</code></div>
      )}
      <div class="tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button type="button" role="tab" key={id} aria-selected={tab === id} class={tab === id ? 'active' : ''}
            data-testid={`tab-${id}`} onClick={() => setChosen(id)}>{label}</button>
        ))}
      </div>
      <div class="details-body" data-testid="details-view">
        {tab === 'decoded' && (full.partial
          ? <NeedsFull what="Decoding" full={full} />
          : <DecodedView frame={frame} connection={connection} decodeAs={decodeAs} onDecodeAs={onDecodeAs} />)}
        {tab === 'tree' && (full.partial && frame.opcode === 'text' ? <NeedsFull what="The JSON tree" full={full} /> : <TreeView json={json} />)}
        {(tab === 'text' || tab === 'hex' || tab === 'base64' || tab === 'utf8') && <RawView tab={tab} frame={frame} partial={full.partial} onNeedFull={full.load} />}
        {tab === 'learn' && (
          <dl class="learn" data-testid="learn">
            {explainFrame(frame, connection).map((l) => <><dt key={`t${l.term}`}>{l.term}</dt><dd key={`d${l.term}`}>{l.text}</dd></>)}
          </dl>
        )}
      </div>
    </section>
  );
}

/** What the panel has of a big frame, and the button that fetches the rest. */
function PreviewNotice({ frame, full }: { frame: Frame; full: FullPayload }) {
  const have = frame.opcode === 'text' ? utf8Length(frame.data) : previewBytes(frame);
  return (
    <div class="warning" data-testid="details-truncated">
      This {formatSize(frame.size)} frame came as a preview: the panel has its first {formatSize(have)}.{' '}
      {full.progress
        ? <span data-testid="full-progress">Loading the full payload{full.progress.total ? ` (${Math.floor((100 * full.progress.done) / full.progress.total)}%)` : ''}…</span>
        : <button type="button" data-testid="load-full" onClick={full.load}>Load the full payload</button>}
      {full.error && <div class="error" role="alert" data-testid="full-error">The full payload is not available: {full.error}.</div>}
    </div>
  );
}

function NeedsFull({ what, full }: { what: string; full: FullPayload }) {
  return (
    <div class="notice" data-testid="needs-full">
      {what} needs the whole payload.{' '}
      {!full.progress && <button type="button" data-testid="load-full-view" onClick={full.load}>Load the full payload</button>}
    </div>
  );
}

function DecodedView({ frame, connection, decodeAs, onDecodeAs }: Pick<Props, 'frame' | 'connection' | 'decodeAs' | 'onDecodeAs'>) {
  const { decoding } = usePanel();
  const result = decoding.decoded(frame, connection, decodeAs);
  return (
    <div>
      <label class="decode-as">Decode this connection as{' '}
        <select data-testid="decode-as" value={decodeAs ?? ''} onChange={(e) => onDecodeAs((e.currentTarget as HTMLSelectElement).value || undefined)}>
          <option value="">automatic</option>
          {[...listDecoders(), ...decoding.customDecoders()].map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
        </select>
      </label>
      <ProtoLoader onUse={onDecodeAs} />
      {!result && <div class="notice">No decoder recognises this frame.</div>}
      {result && !result.ok && <div class="error" data-testid="decode-error">{result.format}: {result.error}</div>}
      {result?.ok && (
        <>
          <div class="details-kind" data-testid="decoded-summary">{result.format} · {result.summary}</div>
          {isDump(result.tree)
            ? <pre data-testid="decoded-dump">{result.tree.join('\n')}</pre>
            : <JsonTree value={result.nested ? { decoded: result.tree, inner: result.nested.ok ? result.nested.tree : result.nested } : result.tree} />}
        </>
      )}
    </div>
  );
}

/** Load a .proto and pick a message type: this connection is then decoded with field names. */
function ProtoLoader({ onUse }: { onUse(id: string): void }) {
  const { decoding } = usePanel();
  const [schema, setSchema] = useState<{ types: string[]; use(type: string): string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (file: File) => {
    const result = await decoding.loadProtoSchema(await file.text());
    if ('error' in result) { setError(`${file.name}: ${result.error}`); setSchema(null); return; }
    setError(result.types.length ? null : `${file.name} defines no message type`);
    setSchema(result);
  };
  return (
    <div class="decode-as">
      <label class="file-button">Load .proto…<input type="file" accept=".proto,text/plain" data-testid="proto-file"
        onChange={(e) => { const f = (e.currentTarget as HTMLInputElement).files?.[0]; if (f) void load(f); }} /></label>
      {schema && (
        <select data-testid="proto-type" value="" onChange={(e) => {
          const type = (e.currentTarget as HTMLSelectElement).value;
          try { if (type) onUse(schema.use(type)); } catch (err) { setError((err as Error).message); }
        }}>
          <option value="">message type…</option>
          {schema.types.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      )}
      {error && <span class="error" role="alert" data-testid="proto-error">{error}</span>}
    </div>
  );
}

/** A hex dump (the fallback for binary nothing else decodes) is lines of text, not a JSON array. */
function isDump(tree: unknown): tree is string[] {
  return Array.isArray(tree) && tree.length > 0 && tree.every((l) => typeof l === 'string' && /^[0-9a-f]{8} {2}|^… \d+ more bytes$/.test(l));
}

function TreeView({ json }: { json: ReturnType<typeof parseJson> }) {
  if (json === null) return <div class="notice">Not JSON.</div>;
  if (!json.ok) return <div class="error" data-testid="json-error">Malformed JSON: {json.error}</div>;
  return <JsonTree value={json.value} />;
}
