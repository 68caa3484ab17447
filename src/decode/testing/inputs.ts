/** Inputs and contexts for decoder tests. */
import type { ConnectionInfo, DecodeInput, DecodeResult, Decoder } from '../types';
import { decodeFrame } from '../detect';
import { encodeUtf8 } from '../support/utf8';

export const noConnection: ConnectionInfo = { url: 'ws://localhost/', protocol: '', protocols: [] };

export function textInput(text: string, connection: Partial<ConnectionInfo> = {}, dir: DecodeInput['dir'] = 'received'): DecodeInput {
  return { bytes: encodeUtf8(text), text, dir, connection: { ...noConnection, ...connection } };
}

export function bytesInput(bytes: Uint8Array | number[], connection: Partial<ConnectionInfo> = {}, dir: DecodeInput['dir'] = 'received'): DecodeInput {
  return { bytes: bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes), text: null, dir, connection: { ...noConnection, ...connection } };
}

export function hex(text: string): Uint8Array {
  return Uint8Array.from((text.replace(/\s+/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16)));
}

/** Runs one decoder directly; nested payloads are decoded by content as in the panel. */
export function run(decoder: Decoder, input: DecodeInput, guessing = false): DecodeResult {
  return decoder.decode(input, {
    guessing,
    decodeInner: (payload) => decodeFrame(typeof payload === 'string' ? textInput(payload) : bytesInput(payload)),
  });
}

/** The summary, or `error: …`, or 'null'. */
export function summary(result: DecodeResult): string {
  return result === null ? 'null' : result.ok ? result.summary : `error: ${result.error}`;
}
