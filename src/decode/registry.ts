/** Every decoder, and the order in which they may claim a frame by its content alone. */
import type { Decoder } from './types';
import { base64Decoder } from './decoders/base64';
import { cborDecoder } from './decoders/cbor';
import { hexDecoder } from './decoders/hex';
import { jsonDecoder } from './decoders/json';
import { msgpackDecoder } from './decoders/msgpack';
import { protobufDecoder } from './decoders/protobuf';
import { textDecoder } from './decoders/text';

/**
 * Protocols first (each claims only frames clearly its own), then generic formats: JSON before
 * text, containers (MessagePack, CBOR) before readable text, schema-less protobuf last because
 * the most random bytes pass for it.
 */
export const guessOrder: Decoder[] = [
  jsonDecoder, base64Decoder, msgpackDecoder, cborDecoder, textDecoder, protobufDecoder,
];

export const allDecoders: Decoder[] = [...guessOrder, hexDecoder];
