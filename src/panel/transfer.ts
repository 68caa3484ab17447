/** Export to files/clipboard and import from files: format choice and error wording. */
import { fromHar, ImportError, toHar } from '../model/har';
import { fromNdjson, fromSessionJson, toNdjson } from '../model/ndjson';
import type { Session } from '../model/session-io';
import { mockServer, playwrightTest } from '../model/mock-exports';
import { mockScript } from '../model/mock-script';
import { copyText } from './clipboard';
import { download } from './snippets';

export type ExportFormat = 'har' | 'ndjson' | 'json' | 'playwright' | 'mock-server';

/** What each format is called in the dialog, and its file name's ending. */
export const FORMATS: Record<ExportFormat, { label: string; ext: string; type: string }> = {
  har: { label: 'HAR 1.2 (DevTools)', ext: 'har', type: 'application/json' },
  ndjson: { label: 'NDJSON', ext: 'ndjson', type: 'application/x-ndjson' },
  json: { label: 'JSON', ext: 'json', type: 'application/json' },
  playwright: { label: 'Playwright test', ext: 'spec.mjs', type: 'text/javascript' },
  'mock-server': { label: 'Mock server (Node)', ext: 'mock-server.mjs', type: 'text/javascript' },
};

/** For the runnable exports: JSON fields relaxed when comparing what the page sends, and the page's address. */
export interface RunnableOptions { volatile: string[]; pageUrl: string }
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Comma-separated regular expressions; an invalid one is reported by name. */
export function parseRedaction(text: string): { patterns: RegExp[]; error: string | null } {
  const patterns: RegExp[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    try { patterns.push(new RegExp(part, 'g')); } catch (e) { return { patterns, error: `Bad pattern ${part}: ${(e as Error).message}` }; }
  }
  return { patterns, error: null };
}

export function serialize(session: Session, format: ExportFormat, redact: RegExp[], version: string, runnable?: RunnableOptions): string {
  if (format === 'playwright') return playwrightTest(mockScript(redactSession(session, redact), runnable?.volatile ?? []), runnable?.pageUrl ?? '');
  if (format === 'mock-server') return mockServer(mockScript(redactSession(session, redact), runnable?.volatile ?? []), runnable?.pageUrl || 'a page');
  if (format === 'har') return JSON.stringify(toHar(session, redact.length ? { patterns: redact } : undefined, version), null, 2);
  if (format === 'ndjson') return toNdjson(redactSession(session, redact));
  return JSON.stringify(redactSession(session, redact), null, 2);
}

function redactSession(session: Session, patterns: RegExp[]): Session {
  if (!patterns.length) return session;
  const r = (t: string) => patterns.reduce((s, p) => s.replace(p, '[redacted]'), t);
  return { connections: session.connections.map((c) => ({ ...c, url: r(c.url), frames: c.frames.map((f) => (f.opcode === 'text' ? { ...f, data: r(f.data) } : f)) })) };
}

/** Exports to the clipboard or downloads a file; resolves to the file's name ('' for the clipboard). */
export async function exportSession(session: Session, format: ExportFormat, redact: RegExp[], version: string, to: 'file' | 'clipboard', runnable?: RunnableOptions): Promise<string> {
  const text = serialize(session, format, redact, version, runnable);
  if (to === 'clipboard') { await copyText(text); return ''; }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = `wsinspect-${stamp}.${FORMATS[format].ext}`;
  download(name, text, FORMATS[format].type);
  return name;
}

/** Reads an import file: HAR (or wsinspect JSON), or NDJSON. Throws with a message for the user. */
export async function readImport(file: File): Promise<Session> {
  if (file.size > MAX_IMPORT_BYTES) throw new ImportError(`${file.name} is ${(file.size / 1048576).toFixed(0)} MB: the limit is ${MAX_IMPORT_BYTES / 1048576} MB`);
  const text = await file.text();
  const first = text.trimStart()[0];
  try {
    if (/\.ndjson$|\.jsonl$/i.test(file.name)) return fromNdjson(text);
    if (first === '{' && /"log"\s*:/.test(text.slice(0, 4096))) return fromHar(text);
    if (first === '{' && text.includes('"connections"')) return fromSessionJson(text);
    if (first === '{') return fromNdjson(text);
    throw new ImportError('not a HAR, JSON or NDJSON file');
  } catch (e) {
    throw new ImportError(`${file.name}: ${(e as Error).message}`);
  }
}
