/** NDJSON export/import: one JSON object per frame, with its connection's url. */
import { base64ToBytes, utf8Length } from './bytes';
import { checkTime, ImportError } from './har';
import { withOrder, type Session, type SessionConnection, type SessionFrame } from './session-io';

/**
 * One line per connection (`event: "connection"`), one per frame in recording order, one per
 * close (`event: "close"`): a connection without frames, its protocol and its close survive too.
 */
export function toNdjson(session: Session): string {
  const lines: string[] = [];
  const frames: Array<{ order: number; line: string }> = [];
  session.connections.forEach((c, i) => {
    const connection = i + 1;
    lines.push(JSON.stringify({ event: 'connection', connection, url: c.url, time: c.createdAt, openedAt: c.openedAt, protocol: c.protocol, extensions: c.extensions }));
    c.frames.forEach((f, j) => frames.push({ order: f.order ?? j, line: JSON.stringify({ time: f.time, connection, url: c.url, dir: f.dir, opcode: f.opcode, data: f.data, size: f.size, ...(f.order !== undefined ? { order: f.order } : {}), ...(f.truncated ? { truncated: f.truncated } : {}) }) }));
  });
  const ordered = session.connections.every((c) => c.frames.every((f) => f.order !== undefined));
  if (ordered) frames.sort((a, b) => a.order - b.order);
  lines.push(...frames.map((f) => f.line));
  session.connections.forEach((c, i) => {
    if (c.close) lines.push(JSON.stringify({ event: 'close', connection: i + 1, url: c.url, time: c.closedAt ?? c.createdAt, ...c.close }));
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** Validates one frame record; `at` names it in errors (e.g. "line 3"). */
export function parseFrame(o: unknown, at: string): SessionFrame {
  const r = o as Record<string, unknown>;
  if (typeof r !== 'object' || r === null) throw new ImportError(`${at}: expected an object`);
  if (typeof r.time !== 'number' || !Number.isFinite(r.time)) throw new ImportError(`${at}: "time" must be a number (epoch ms)`);
  const timeProblem = checkTime(r.time);
  if (timeProblem) throw new ImportError(`${at}: "time" ${timeProblem}`);
  if (r.dir !== 'sent' && r.dir !== 'received') throw new ImportError(`${at}: "dir" must be "sent" or "received"`);
  if (r.opcode !== 'text' && r.opcode !== 'binary') throw new ImportError(`${at}: "opcode" must be "text" or "binary"`);
  if (typeof r.data !== 'string') throw new ImportError(`${at}: "data" must be a string`);
  let size: number;
  try { size = r.opcode === 'text' ? utf8Length(r.data) : base64ToBytes(r.data).length; } catch { throw new ImportError(`${at}: "data" is not valid base64`); }
  return { time: r.time, dir: r.dir, opcode: r.opcode, data: r.data, size };
}

export function fromNdjson(text: string): Session {
  const byKey = new Map<string, SessionConnection>();
  const connectionOf = (o: Record<string, unknown>, time: number) => {
    const key = `${o.connection ?? ''}|${o.url}`;
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { url: o.url as string, protocol: '', extensions: '', createdAt: time, frames: [] }));
    return c;
  };
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = `line ${i + 1}`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line);
    } catch (e) {
      throw new ImportError(`${at}: not JSON (${(e as Error).message})`);
    }
    if (o?.event === 'connection' || o?.event === 'close') return connectionRecord(o, at, connectionOf);
    const frame = withOrder(parseFrame(o, at), o);
    if (typeof o.url !== 'string') throw new ImportError(`${at}: "url" must be a string`);
    connectionOf(o, frame.time).frames.push(frame);
  });
  return { connections: [...byKey.values()] };
}

/** A connection's own line: its opening (protocol, extensions) or its close. */
function connectionRecord(o: Record<string, unknown>, at: string, connectionOf: (o: Record<string, unknown>, time: number) => SessionConnection): void {
  if (typeof o.url !== 'string') throw new ImportError(`${at}: "url" must be a string`);
  if (typeof o.time !== 'number' || !Number.isFinite(o.time)) throw new ImportError(`${at}: "time" must be a number (epoch ms)`);
  const c = connectionOf(o, o.time);
  if (o.event === 'connection') {
    c.createdAt = o.time;
    if (typeof o.openedAt === 'number') c.openedAt = o.openedAt;
    if (typeof o.protocol === 'string') c.protocol = o.protocol;
    if (typeof o.extensions === 'string') c.extensions = o.extensions;
    return;
  }
  if (typeof o.code !== 'number' || typeof o.reason !== 'string') throw new ImportError(`${at}: a close needs "code" (number) and "reason" (string)`);
  c.closedAt = o.time;
  c.close = { code: o.code, reason: o.reason, wasClean: o.wasClean === true };
}

/** wsinspect's own JSON export: `{ connections: [{ url, protocol, …, frames: [...] }] }`. */
export function fromSessionJson(text: string): Session {
  let data: { connections?: unknown };
  try { data = JSON.parse(text); } catch (e) { throw new ImportError(`Not JSON: ${(e as Error).message}`); }
  if (!Array.isArray(data.connections)) throw new ImportError('"connections" must be an array');
  return {
    connections: data.connections.map((c: Record<string, any>, i: number) => {
      const at = `connections[${i}]`;
      if (typeof c?.url !== 'string') throw new ImportError(`${at}.url: expected a string`);
      if (!Array.isArray(c.frames)) throw new ImportError(`${at}.frames: expected an array`);
      const frames = c.frames.map((f: unknown, j: number) => withOrder(parseFrame(f, `${at}.frames[${j}]`), f));
      return {
        url: c.url, protocol: typeof c.protocol === 'string' ? c.protocol : '', extensions: typeof c.extensions === 'string' ? c.extensions : '',
        createdAt: validTime(c.createdAt, `${at}.createdAt`) ?? frames[0]?.time ?? 0,
        openedAt: validTime(c.openedAt, `${at}.openedAt`),
        closedAt: validTime(c.closedAt, `${at}.closedAt`),
        close: typeof c.close?.code === 'number' && typeof c.close?.reason === 'string' ? { code: c.close.code, reason: c.close.reason, wasClean: c.close.wasClean === true } : undefined,
        frames,
      };
    }),
  };
}

/** An optional time: absent is fine, a bad one is an error naming its field. */
function validTime(v: unknown, at: string): number | undefined {
  if (typeof v !== 'number') return undefined; // as before: a field that is not a time is ignored
  const problem = checkTime(v);
  if (problem) throw new ImportError(`${at}: ${problem}`);
  return v as number;
}
