/**
 * Stands in for protobufjs's `util/codegen` (swapped in by a plugin in vite.config.ts). protobufjs generates decoders
 * with `new Function`, which extension pages forbid; the schema decoder walks protobufjs's
 * reflection objects instead and never calls this. Shipping the generator would only add an
 * eval that store reviews (web-ext lint) flag.
 */
export default function codegen(): never {
  throw new Error('code generation is disabled in wsinspect (extension pages forbid eval)');
}
