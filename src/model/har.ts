/**
 * HAR 1.2 with WebSocket messages in Chrome DevTools' format: one entry per connection with
 * `_resourceType: "websocket"` and `_webSocketMessages: [{ type, time, opcode, data }]`
 * (time in epoch seconds, opcode 1 text / 2 binary, binary data as base64).
 * Import accepts what Chrome DevTools exports and reports errors with the field's path.
 */
import { base64ToBytes } from './bytes';
import { withOrder, type Session, type SessionConnection, type SessionFrame } from './session-io';
import { utf8Length } from './bytes';


export interface Redaction { patterns: RegExp[] }

const REDACTED = '[redacted]';

function redact(text: string, r?: Redaction): string {
  if (!r) return text;
  return r.patterns.reduce((t, p) => t.replace(new RegExp(p.source, p.flags.includes('g') ? p.flags : p.flags + 'g'), REDACTED), text);
}

export function toHar(session: Session, redaction?: Redaction, version = '0.0.0'): object {
  const entries = session.connections.map((c) => {
    const headers = c.protocol ? [{ name: 'Sec-WebSocket-Protocol', value: c.protocol }] : [];
    if (c.extensions) headers.push({ name: 'Sec-WebSocket-Extensions', value: c.extensions });
    const url = redact(c.url, redaction);
    return {
      _resourceType: 'websocket',
      startedDateTime: isoTime(c.createdAt),
      time: Math.max(0, (c.openedAt ?? c.createdAt) - c.createdAt),
      request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [], queryString: queryOf(url), cookies: [], headersSize: -1, bodySize: 0 },
      response: { status: 101, statusText: 'Switching Protocols', httpVersion: 'HTTP/1.1', headers, cookies: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: 0 },
      cache: {},
      timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: Math.max(0, (c.openedAt ?? c.createdAt) - c.createdAt), receive: 0, ssl: -1 },
      _webSocketMessages: c.frames.map((f) => ({
        type: f.dir === 'sent' ? 'send' : 'receive',
        time: f.time / 1000,
        opcode: f.opcode === 'text' ? 1 : 2,
        data: f.opcode === 'text' ? redact(f.data, redaction) : f.data,
        ...(f.truncated ? { _truncated: f.truncated } : {}),
        ...(f.order !== undefined ? { _order: f.order } : {}),
      })),
      _wsinspect: { close: c.close, closedAt: c.closedAt, openedAt: c.openedAt },
    };
  });
  return { log: { version: '1.2', creator: { name: 'wsinspect', version }, pages: [], entries } };
}

/** An ISO date, or the epoch for a time no Date can hold (toISOString would throw). */
function isoTime(epochMs: number): string {
  return new Date(checkTime(epochMs) === null ? epochMs : 0).toISOString();
}

/** The Date range, ±8.64e15 ms: outside it no time can be shown. Returns what is wrong, or null. */
export function checkTime(epochMs: unknown): string | null {
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs)) return 'must be a number';
  if (Math.abs(epochMs) > 8.64e15) return `${epochMs} ms is outside the range of dates (±8.64e15 ms, years -271821 to 275760)`;
  return null;
}

function queryOf(url: string): Array<{ name: string; value: string }> {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

export class ImportError extends Error {}

const fail = (path: string, what: string): never => { throw new ImportError(`${path}: ${what}`); };

/** Parses a HAR file's text; only WebSocket entries are kept. */
export function fromHar(text: string): Session {
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`Not JSON: ${(e as Error).message}`);
  }
  const entries = (har as { log?: { entries?: unknown } })?.log?.entries;
  if (!Array.isArray(entries)) fail('log.entries', 'missing: not a HAR file');
  const connections: SessionConnection[] = [];
  (entries as unknown[]).forEach((entry, i) => {
    const e = entry as Record<string, any>;
    const messages = e?._webSocketMessages;
    if (e?._resourceType !== 'websocket' && !Array.isArray(messages)) return;
    const path = `log.entries[${i}]`;
    const url = e.request?.url;
    if (typeof url !== 'string') fail(`${path}.request.url`, 'expected a string');
    if (messages !== undefined && !Array.isArray(messages)) fail(`${path}._webSocketMessages`, 'expected an array');
    const started = Date.parse(e.startedDateTime);
    const frames = (messages ?? []).map((m: unknown, j: number) => withOrder(parseMessage(m, `${path}._webSocketMessages[${j}]`), m));
    const headers: Array<{ name: string; value: string }> = Array.isArray(e.response?.headers) ? e.response.headers : [];
    const header = (name: string) => headers.find((h) => typeof h?.name === 'string' && h.name.toLowerCase() === name)?.value ?? '';
    const extra = e._wsinspect ?? {};
    connections.push({
      url, protocol: String(header('sec-websocket-protocol')), extensions: String(header('sec-websocket-extensions')),
      createdAt: Number.isFinite(started) ? started : frames[0]?.time ?? 0,
      openedAt: checkTime(extra.openedAt) === null ? extra.openedAt : undefined,
      closedAt: checkTime(extra.closedAt) === null ? extra.closedAt : undefined,
      close: validClose(extra.close),
      frames,
    });
  });
  return { connections };
}

function parseMessage(m: unknown, path: string): SessionFrame {
  const o = m as Record<string, unknown>;
  if (typeof o !== 'object' || o === null) fail(path, 'expected an object');
  if (o.type !== 'send' && o.type !== 'receive') fail(`${path}.type`, 'expected "send" or "receive"');
  if (typeof o.time !== 'number' || !Number.isFinite(o.time)) fail(`${path}.time`, 'expected a number (epoch seconds)');
  const timeProblem = checkTime((o.time as number) * 1000);
  if (timeProblem) fail(`${path}.time`, `${o.time} s: ${timeProblem}`);
  if (o.opcode !== 1 && o.opcode !== 2) fail(`${path}.opcode`, 'expected 1 (text) or 2 (binary)');
  if (typeof o.data !== 'string') fail(`${path}.data`, 'expected a string');
  const text = o.opcode === 1;
  const data = o.data as string;
  let size: number;
  if (text) size = utf8Length(data);
  else {
    try { size = base64ToBytes(data).length; } catch { return fail(`${path}.data`, 'binary data is not valid base64'); }
  }
  return { time: (o.time as number) * 1000, dir: o.type === 'send' ? 'sent' : 'received', opcode: text ? 'text' : 'binary', data, size };
}

function validClose(c: unknown): SessionConnection['close'] {
  const o = c as Record<string, unknown> | undefined;
  if (!o || typeof o.code !== 'number' || typeof o.reason !== 'string') return undefined;
  return { code: o.code, reason: o.reason, wasClean: o.wasClean === true };
}
