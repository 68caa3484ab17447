/**
 * Yjs over WebSocket (y-websocket, y-protocols): a varUint message type — 0 sync, 1 awareness,
 * 2 auth, 3 query awareness — then for sync a varUint step (0 step 1 with a state vector, 1 step 2
 * and 2 update, each a document update) and for awareness a list of `{ client, clock, state }`
 * whose state is JSON text, shown parsed. Document updates are summarised (clients, items, text
 * inserted, keys set, deletions), not dumped. Binary frames only.
 *
 * Hocuspocus (@hocuspocus/server, Tiptap collaboration) prefixes each message with the document
 * name (a varString) and adds types: its own auth (0 token, 1 permission denied, 2 authenticated),
 * 4 sync reply, 5 stateless, 6 broadcast stateless, 7 close, 8 sync status.
 */
import type { DecodeOk, DecodeResult, Decoder, PairHint } from '../types';
import { ByteReader, ReadError } from '../support/byte-reader';
import { parseJson } from '../support/payload';
import { byteCount, preview } from '../support/preview';
import { fail, failFrom, ok, withPairs } from '../support/result';
import { bytesLeaf, toTree } from '../support/tree';
import { readStateVector, readUpdate, varBytes, varString, varUint, type UpdateSummary } from '../support/yjs-update';

const SYNC_STEPS = ['sync step 1', 'sync step 2', 'update'];
const MAX_AWARENESS = 1000;

export const yjsDecoder: Decoder = {
  id: 'yjs',
  label: 'Yjs (y-protocols)',
  // y-websocket urls are `<server>/<room name>`: nothing to tell them by, so only the payload.
  affinity: (connection) => (/^y-?(js|websocket)$/i.test(connection.protocol) ? 1 : 0),
  decode(input, context) {
    if (input.text !== null) return context.guessing ? null : fail('yjs', 'Yjs messages are binary frames');
    const plain = attempt(() => decodeMessage(new ByteReader(input.bytes), context.guessing, null));
    if (plain?.ok) return plain;
    const named = attempt(() => hocuspocus(input.bytes, context.guessing));
    if (named?.ok) return named;
    if (context.guessing) return null;
    return named ?? plain;
  },
};

function attempt(run: () => DecodeResult): DecodeResult {
  try {
    return run();
  } catch (e) {
    return failFrom('yjs', e);
  }
}

/** A Hocuspocus message: the document name, then a message as above (or one of its own types). */
function hocuspocus(bytes: Uint8Array, guessing: boolean): DecodeResult {
  const reader = new ByteReader(bytes);
  let document: string;
  try {
    document = varString(reader, 'document name');
  } catch {
    return null;
  }
  // Not a document name: then the frame is no Hocuspocus message and the plain reading's error stands.
  if (!/^[^\u0000-\u001f]+$/.test(document)) return null;
  const result = decodeMessage(reader, guessing, document);
  if (!result?.ok) return result;
  const named: DecodeOk = { ...result, summary: result.summary.replace(/^Yjs /, `Yjs [${document}] `), tree: { document, ...(result.tree as object) } };
  if (named.pairs) named.pairs = named.pairs.map((p) => ({ ...p, key: `${document} ${p.key}` }));
  return named;
}

function decodeMessage(reader: ByteReader, guessing: boolean, document: string | null): DecodeResult {
  const type = varUint(reader, 'message type');
  if (type === 0 || (type === 4 && document !== null)) return sync(reader);
  if (type === 1) return awareness(varBytes(reader, 'awareness update'), reader);
  if (document !== null) {
    const own = hocuspocusOwn(type, reader);
    if (own) return own;
  }
  if (guessing) return null; // auth and query-awareness are too short to tell from other bytes
  if (type === 2) {
    const kind = varUint(reader, 'auth message type');
    const reason = kind === 0 ? varString(reader, 'reason') : '';
    end(reader);
    return ok('yjs', `Yjs auth ${kind === 0 ? `permission denied: ${reason}` : `type ${kind}`}`, { type: 'auth', ...(kind === 0 ? { permissionDenied: reason } : { authType: kind }) });
  }
  if (type === 3) {
    end(reader);
    return ok('yjs', 'Yjs query awareness', { type: 'query awareness' });
  }
  return fail('yjs', `unknown message type ${type} at byte 0 (0 sync, 1 awareness, 2 auth, 3 query awareness)`);
}

const HOCUSPOCUS_AUTH = ['token', 'permission denied', 'authenticated'];

/** Hocuspocus' own message types (MessageType in @hocuspocus/server); null for the shared ones. */
function hocuspocusOwn(type: number, reader: ByteReader): DecodeResult {
  const rest = () => (reader.remaining ? varString(reader, 'text') : '');
  let result: DecodeOk;
  switch (type) {
    case 2: {
      const kind = varUint(reader, 'auth message type');
      const name = HOCUSPOCUS_AUTH[kind] ?? `type ${kind}`;
      const text = rest();
      const shown = kind === 0 ? '(token)' : text;
      result = ok('yjs', `Yjs auth ${name} ${shown}`.trimEnd(), { type: 'auth', auth: name, ...(kind === 0 ? { token: text } : { text }) });
      const pair: PairHint = kind === 0 ? { family: 'yjs', key: 'auth', role: 'request', method: 'auth' } : { family: 'yjs', key: 'auth', role: 'response', ...(kind === 1 && { error: true }) };
      end(reader);
      return withPairs(result, [pair]);
    }
    case 3: end(reader); return ok('yjs', 'Yjs query awareness', { type: 'query awareness' });
    case 5: case 6: {
      const text = rest();
      end(reader);
      const label = type === 5 ? 'stateless' : 'broadcast stateless';
      return ok('yjs', `Yjs ${label} ${JSON.stringify(text).slice(0, 150)}`, { type: label, payload: text });
    }
    case 7: {
      const reason = rest();
      end(reader);
      return ok('yjs', `Yjs close${reason ? ' ' + reason : ''}`, { type: 'close', ...(reason && { reason }) });
    }
    case 8: {
      const synced = varUint(reader, 'sync status');
      end(reader);
      return ok('yjs', `Yjs sync status ${synced ? 'synced' : 'not synced'}`, { type: 'sync status', synced: synced === 1 });
    }
    default: return null;
  }
}

function sync(reader: ByteReader): DecodeResult {
  const stepAt = reader.pos;
  const step = varUint(reader, 'sync step');
  if (step > 2) return fail('yjs', `unknown sync step ${step} at byte ${stepAt} (0 step 1, 1 step 2, 2 update)`);
  const payloadAt = reader.pos;
  const payload = varBytes(reader, step === 0 ? 'state vector' : 'update');
  end(reader);
  const offset = payloadAt + (reader.pos - payloadAt - payload.length);
  if (step === 0) {
    const vector = at(() => readStateVector(payload), offset);
    const clients = Object.keys(vector).length;
    const text = clients === 0 ? 'empty document' : `${clients} client${clients === 1 ? '' : 's'} ${preview(vector, 120)}`;
    return withPairs(ok('yjs', `Yjs sync step 1: state vector, ${text}`, { type: 'sync', step: SYNC_STEPS[0], stateVector: vector }), [{ family: 'yjs', key: 'sync', role: 'request', method: 'sync step 1' }]);
  }
  const update = at(() => readUpdate(payload), offset);
  const result = ok('yjs', `Yjs ${SYNC_STEPS[step]} (${byteCount(payload.length)}): ${describeUpdate(update)}`, {
    type: 'sync', step: SYNC_STEPS[step], size: payload.length, update: toTree(update), bytes: bytesLeaf(payload),
  });
  // Each side answers the other's step 1 with a step 2 (what the asker lacks).
  return step === 1 ? withPairs(result, [{ family: 'yjs', key: 'sync', role: 'response' }]) : result;
}

/** Runs a parser over an inner buffer, shifting its error offsets to the whole frame's. */
function at<T>(parse: () => T, offset: number): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ReadError) throw new ReadError(e.message.replace(/ at byte \d+$/, ''), e.offset + offset);
    throw e;
  }
}

function describeUpdate(u: UpdateSummary): string {
  if (u.clients.length === 0 && Object.keys(u.deleted).length === 0) return 'empty';
  const parts: string[] = [];
  const structs = u.clients.reduce((n, c) => n + c.structs, 0);
  if (structs) parts.push(`${structs} item${structs === 1 ? '' : 's'} from ${u.clients.map((c) => `${c.client}@${c.clock}`).join(', ')}`);
  if (u.types.length) parts.push(`in ${u.types.join(', ')}`);
  if (u.text) parts.push(`text ${JSON.stringify(u.text.length > 60 ? u.text.slice(0, 60) + '…' : u.text)}`);
  if (u.keys.length) parts.push(`keys ${u.keys.slice(0, 8).join(', ')}`);
  const deleted = Object.values(u.deleted).reduce((n, d) => n + d, 0);
  if (deleted) parts.push(`${deleted} deleted`);
  return parts.join('; ');
}

/** y-protocols awareness: a varUint count, then per client its id, clock and state as JSON text. */
function awareness(body: Uint8Array, outer: ByteReader): DecodeResult {
  end(outer);
  const reader = new ByteReader(body);
  const n = varUint(reader, 'awareness entries');
  if (n > body.length) reader.fail(`${n} awareness entries in ${body.length} bytes`, 0);
  const states: { client: number; clock: number; state: unknown }[] = [];
  for (let i = 0; i < n && i < MAX_AWARENESS; i++) {
    const client = varUint(reader, 'client');
    const clock = varUint(reader, 'clock');
    const jsonAt = reader.pos;
    const json = varString(reader, 'state');
    const parsed = parseJson(json);
    if (!parsed.ok) return fail('yjs', `awareness state at byte ${jsonAt} is not JSON: ${parsed.error}`);
    states.push({ client, clock, state: toTree(parsed.value) });
  }
  if (reader.remaining) reader.fail(`${reader.remaining} bytes after the awareness update`);
  const described = states.map((s) => (s.state === null ? `${s.client} left` : `${s.client}: ${preview(s.state, 140)}`));
  return ok('yjs', `Yjs awareness ${described.join(' · ') || '(none)'}`, { type: 'awareness', states });
}

function end(reader: ByteReader): void {
  if (reader.remaining) reader.fail(`${reader.remaining} bytes after the message`);
}
