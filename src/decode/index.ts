/** Public surface of the decoders, for the panel. */
export type { ConnectionInfo, DecodeContext, DecodeFailure, DecodeInput, DecodeOk, DecodeResult, Decoder } from './types';
export { decodeFrame, findDecoder, listDecoders, type DecoderInfo } from './detect';
export { frameInput, type CapturedFrame } from './input';
export { createProtobufSchemaDecoder, parseProtoSchema } from './decoders/protobuf-schema';
