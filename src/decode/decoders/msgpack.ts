/** MessagePack (@msgpack/msgpack). Guessed only for a whole-frame map or array. */
import { Decoder as MsgpackDecoder, ExtensionCodec } from '@msgpack/msgpack';
import type { Decoder } from '../types';
import { scanMsgpack } from '../support/msgpack-scan';
import { preview } from '../support/preview';
import { fail, ok } from '../support/result';
import { toTree } from '../support/tree';

export type ValueResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * notepack.io (the MessagePack library of socket.io-msgpack-parser) writes `undefined` as the
 * extension type 0 holding one zero byte.
 */
const notepackCodec = new ExtensionCodec();
notepackCodec.register({
  type: 0,
  encode: () => null,
  decode: (data) => (data.length === 1 && data[0] === 0 ? undefined : { extension: 0, data: data.slice() }),
});

/**
 * Decodes exactly one MessagePack value filling `bytes`, after the scanner has checked its
 * structure (so the library's errors are rare: invalid UTF-8, bad timestamps). int64 stays exact
 * as bigint; the length limits are a second line of defence.
 */
export function decodeMsgpackValue(bytes: Uint8Array, options: { notepack?: boolean } = {}): ValueResult {
  const problem = scanMsgpack(bytes);
  if (problem) return { ok: false, error: problem };
  const decoder = new MsgpackDecoder({
    useBigInt64: true,
    ...(options.notepack && { extensionCodec: notepackCodec }),
    maxStrLength: bytes.length, maxBinLength: bytes.length, maxExtLength: bytes.length,
    maxArrayLength: bytes.length, maxMapLength: bytes.length,
    mapKeyConverter: (key) => (typeof key === 'string' || typeof key === 'number' ? key : JSON.stringify(toTree(key))),
  });
  try {
    return { ok: true, value: decoder.decode(bytes) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = (decoder as unknown as { pos?: number }).pos ?? 0;
    if (e instanceof RangeError && /outside the bounds|Insufficient data/.test(message)) {
      return { ok: false, error: `truncated: the data ends inside a value that needs bytes beyond ${bytes.length} (reading at byte ${pos})` };
    }
    return { ok: false, error: /\bat\b|buffer\[/.test(message) ? message : `${message} (at byte ${pos})` };
  }
}

/** A map or array with something in it: a single scalar is too easy to hit by accident. */
export function isPlausibleContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map) return value.size > 0;
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).length > 0;
}

export const msgpackDecoder: Decoder = {
  id: 'msgpack',
  label: 'MessagePack',
  affinity: (connection) => (/msgpack|messagepack/i.test(connection.protocol) ? 0.4 : 0),
  decode(input, context) {
    if (input.text !== null && context.guessing) return null;
    const result = decodeMsgpackValue(input.bytes);
    if (!result.ok) return context.guessing ? null : fail('msgpack', result.error);
    if (context.guessing && !isPlausibleContainer(result.value)) return null;
    const tree = toTree(result.value);
    return ok('msgpack', `MessagePack ${preview(tree, 180)}`, tree);
  },
};
