/**
 * MessagePack after a short header: game and RPC servers often put a code byte or two (a message
 * type, a channel, a length) before a MessagePack document. Guessed when the bytes from offset
 * 1–4 on are exactly one non-empty map or array (msgpackr records allowed) and the frame as a
 * whole is not; the header is shown in hex.
 */
import type { Decoder } from '../types';
import { expandRecords, msgpackLength } from '../support/msgpack-sequence';
import { preview } from '../support/preview';
import { fail, ok } from '../support/result';
import { toTree } from '../support/tree';
import { hexPreview } from '../../model/bytes';
import { decodeMsgpackValue, isPlausibleContainer } from './msgpack';

const MAX_HEADER = 4;

export const msgpackOffsetDecoder: Decoder = {
  id: 'msgpack-offset',
  label: 'MessagePack after a header',
  affinity: () => 0,
  decode(input, context) {
    if (input.text !== null && context.guessing) return null;
    const bytes = input.bytes;
    for (let offset = 1; offset <= MAX_HEADER && offset < bytes.length; offset++) {
      if (msgpackLength(bytes, offset) !== bytes.length - offset) continue;
      let decoded;
      try {
        decoded = decodeMsgpackValue(expandRecords(bytes.subarray(offset)));
      } catch {
        continue; // records that expand too much
      }
      if (!decoded.ok || !isPlausibleContainer(decoded.value)) continue;
      const tree = toTree(decoded.value);
      const header = hexPreview(bytes.subarray(0, offset), offset);
      return ok('msgpack-offset', `MessagePack at offset ${offset} after ${header}: ${preview(tree, 150)}`, { header, offset, value: tree });
    }
    return context.guessing ? null : fail('msgpack-offset', `no MessagePack map or array fills the frame from offset 1 to ${MAX_HEADER}`);
  },
};
