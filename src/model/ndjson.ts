/** NDJSON export/import: one JSON object per frame, with its connection's url. */
import { base64ToBytes, utf8Length } from './bytes';
import { checkTime, ImportError } from './har';
import type { Session, SessionConnection, SessionFrame } from './session-io';

export function toNdjson(session: Session): string {
  const lines: string[] = [];
  session.connections.forEach((c, i) => {
    for (const f of c.frames) lines.push(JSON.stringify({ time: f.time, connection: i + 1, url: c.url, dir: f.dir, opcode: f.opcode, data: f.data, size: f.size, ...(f.truncated ? { truncated: f.truncated } : {}) }));
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
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = `line ${i + 1}`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line);
    } catch (e) {
      throw new ImportError(`${at}: not JSON (${(e as Error).message})`);
    }
    const frame = parseFrame(o, at);
    if (typeof o.url !== 'string') throw new ImportError(`${at}: "url" must be a string`);
    const key = `${o.connection ?? ''}|${o.url}`;
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { url: o.url, protocol: '', extensions: '', createdAt: frame.time, frames: [] }));
    c.frames.push(frame);
  });
  return { connections: [...byKey.values()] };
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
      const frames = c.frames.map((f: unknown, j: number) => parseFrame(f, `${at}.frames[${j}]`));
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
