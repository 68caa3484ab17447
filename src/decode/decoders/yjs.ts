/**
 * Yjs over WebSocket (y-websocket, y-protocols): a varUint message type — 0 sync, 1 awareness,
 * 2 auth, 3 query awareness — then for sync a varUint step (0 step 1 with a state vector, 1 step 2
 * and 2 update, each a document update) and for awareness a list of `{ client, clock, state }`
 * whose state is JSON text, shown parsed. Document updates are summarised (clients, items, text
 * inserted, keys set, deletions), not dumped. Binary frames only.
 */
import type { DecodeResult, Decoder } from '../types';
import { ByteReader, ReadError } from '../support/byte-reader';
import { parseJson } from '../support/payload';
import { byteCount, preview } from '../support/preview';
import { fail, failFrom, ok } from '../support/result';
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
    try {
      return decodeMessage(new ByteReader(input.bytes), context.guessing);
    } catch (e) {
      return context.guessing ? null : failFrom('yjs', e);
    }
  },
};

function decodeMessage(reader: ByteReader, guessing: boolean): DecodeResult {
  const type = varUint(reader, 'message type');
  if (type === 0) return sync(reader);
  if (type === 1) return awareness(varBytes(reader, 'awareness update'), reader);
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
    return ok('yjs', `Yjs sync step 1: state vector, ${text}`, { type: 'sync', step: SYNC_STEPS[0], stateVector: vector });
  }
  const update = at(() => readUpdate(payload), offset);
  return ok('yjs', `Yjs ${SYNC_STEPS[step]} (${byteCount(payload.length)}): ${describeUpdate(update)}`, {
    type: 'sync', step: SYNC_STEPS[step], size: payload.length, update: toTree(update), bytes: bytesLeaf(payload),
  });
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
