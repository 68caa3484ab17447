/**
 * Public surface of the decoders, for the panel.
 *
 * Protobuf with a user's `.proto` lives in './decoders/protobuf-schema' (createProtobufSchemaDecoder,
 * parseProtoSchema) and is not re-exported: it brings protobufjs (~235 KB), so import it lazily,
 * when the user loads a schema.
 */
export type { ConnectionInfo, DecodeContext, DecodeFailure, DecodeInput, DecodeOk, DecodeResult, Decoder, PairHint } from './types';
export { decodeFrame, findDecoder, listDecoders, type DecodeOptions, type DecoderInfo } from './detect';
export { frameInput, type CapturedFrame } from './input';
export { protocolLessons, type ProtocolLesson } from './lessons';
