/** CBOR (cbor-x), checked first by a strict scanner. Guessed only for a whole-frame map or array. */
// The no-eval build: the default one probes `new Function`, which the extension pages' CSP reports.
import { Decoder as CborXDecoder } from 'cbor-x/decode-no-eval';
import type { Decoder } from '../types';
import { scanCbor } from '../support/cbor-scan';
import { preview } from '../support/preview';
import { fail, ok } from '../support/result';
import { toTree } from '../support/tree';
import { isPlausibleContainer, type ValueResult } from './msgpack';

/** Decodes exactly one CBOR item filling `bytes`. */
export function decodeCborValue(bytes: Uint8Array): ValueResult {
  const problem = scanCbor(bytes);
  if (problem) return { ok: false, error: problem };
  try {
    // A fresh decoder each time: cbor-x decoders remember structures between calls.
    const decoder = new CborXDecoder({ mapsAsObjects: false, useRecords: false });
    return { ok: true, value: decoder.decode(bytes) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export const cborDecoder: Decoder = {
  id: 'cbor',
  label: 'CBOR',
  affinity: (connection) => (/cbor/i.test(connection.protocol) ? 0.4 : 0),
  decode(input, context) {
    if (input.text !== null && context.guessing) return null;
    const result = decodeCborValue(input.bytes);
    if (!result.ok) return context.guessing ? null : fail('cbor', result.error);
    if (context.guessing && !isPlausibleContainer(result.value)) return null;
    const tree = toTree(result.value);
    return ok('cbor', `CBOR ${preview(tree, 185)}`, tree);
  },
};
