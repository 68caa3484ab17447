/**
 * Turns what the page passed to send() (or received) into an exact, independent copy
 * the hook can hand over, without calling anything the page could have replaced and
 * without triggering page code twice.
 */
import type { RawPayload } from '../protocol/hook';
import { natives } from './natives';

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedBuffer = natives.getter<ArrayBuffer>(TypedArrayProto, 'buffer');
const typedOffset = natives.getter<number>(TypedArrayProto, 'byteOffset');
const typedLength = natives.getter<number>(TypedArrayProto, 'byteLength');
const viewBuffer = natives.getter<ArrayBuffer>(DataView.prototype, 'buffer');
const viewOffset = natives.getter<number>(DataView.prototype, 'byteOffset');
const viewLength = natives.getter<number>(DataView.prototype, 'byteLength');
export const bufferLength = natives.getter<number>(ArrayBuffer.prototype, 'byteLength');
const isDataView = (v: object): boolean => {
  try { viewLength(v); return true; } catch { return false; }
};

function copyView(view: ArrayBufferView): ArrayBuffer {
  const dv = isDataView(view);
  const buffer = dv ? viewBuffer(view) : typedBuffer(view);
  const offset = dv ? viewOffset(view) : typedOffset(view);
  const length = dv ? viewLength(view) : typedLength(view);
  const bytes = natives.Reflect.construct(natives.Uint8Array, [buffer, offset, length]) as Uint8Array;
  return natives.u8Slice(bytes).buffer as ArrayBuffer;
}

export function isArrayBuffer(v: unknown): v is ArrayBuffer {
  if (typeof v !== 'object' || v === null) return false;
  try { bufferLength(v); return true; } catch { return false; }
}

const blobSize = natives.getter<number>(Blob.prototype, 'size');
function isBlob(v: unknown): v is Blob {
  if (typeof v !== 'object' || v === null) return false;
  try { blobSize(v); return true; } catch { return false; }
}

export type Captured = { data: RawPayload; bytes?: ArrayBuffer };

/** A copy of binary data (ArrayBuffer, any view, or a Blob, which is immutable); null for text. */
export function captureBinary(data: unknown): Captured | null {
  if (isArrayBuffer(data)) {
    const bytes = natives.arraySlice(data);
    return { data: bytes, bytes };
  }
  if (natives.isView(data)) {
    const bytes = copyView(data as ArrayBufferView);
    return { data: bytes, bytes };
  }
  if (isBlob(data)) return { data };
  return null;
}

/**
 * send()'s argument as the browser will convert it: binary is kept; anything else becomes
 * a string exactly once (calling the page's toString a single time, as the browser would).
 * Symbols are left to the native send to reject.
 */
export function normalizeSendArgument(data: unknown): unknown {
  if (typeof data === 'string' || typeof data === 'symbol') return data;
  if (typeof data !== 'object' && typeof data !== 'function') return `${data as unknown as string}`;
  if (data === null) return 'null';
  if (isArrayBuffer(data) || natives.isView(data) || isBlob(data)) return data;
  return `${data as unknown as string}`;
}
