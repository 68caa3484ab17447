/**
 * A bounds-checked cursor over bytes for the binary protocol decoders. Every read that would run
 * past the end throws a `ReadError` naming what was being read and where, which decoders turn
 * into `{ ok: false, error }`.
 */
import { decodeUtf8 } from './utf8';

export class ReadError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at byte ${offset}`);
  }
}

export class ByteReader {
  pos: number;

  /** `start`/`end` bound the reader to a slice; offsets stay relative to the whole buffer. */
  constructor(readonly bytes: Uint8Array, start = 0, readonly end = bytes.length) {
    this.pos = start;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  fail(message: string, offset = this.pos): never {
    throw new ReadError(message, offset);
  }

  need(n: number, what: string): void {
    if (n > this.remaining) this.fail(`${what}: needs ${n} bytes, ${this.remaining} left`);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++];
  }

  u16(what: string): number {
    this.need(2, what);
    const v = (this.bytes[this.pos] << 8) | this.bytes[this.pos + 1];
    this.pos += 2;
    return v;
  }

  u32(what: string): number {
    this.need(4, what);
    const b = this.bytes;
    const v = b[this.pos] * 0x1000000 + ((b[this.pos + 1] << 16) | (b[this.pos + 2] << 8) | b[this.pos + 3]);
    this.pos += 4;
    return v;
  }

  u16le(what: string): number {
    this.need(2, what);
    const v = this.bytes[this.pos] | (this.bytes[this.pos + 1] << 8);
    this.pos += 2;
    return v;
  }

  u32le(what: string): number {
    this.need(4, what);
    const b = this.bytes;
    const v = b[this.pos] + b[this.pos + 1] * 0x100 + b[this.pos + 2] * 0x10000 + b[this.pos + 3] * 0x1000000;
    this.pos += 4;
    return v;
  }

  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** The rest of the slice. */
  rest(): Uint8Array {
    return this.take(this.remaining, 'rest');
  }

  /** A strict UTF-8 string of `n` bytes. */
  utf8(n: number, what: string): string {
    const start = this.pos;
    const decoded = decodeUtf8(this.take(n, what));
    if (!decoded.ok) this.fail(`${what}: invalid UTF-8`, start + decoded.offset);
    return decoded.text;
  }

  /**
   * Little-endian base-128 varint (protobuf, SignalR, MQTT remaining length), at most `maxBytes`
   * long. Returns a number while it fits in 2^53, else a bigint.
   */
  varint(what: string, maxBytes = 10): number | bigint {
    const start = this.pos;
    let result = 0;
    let big: bigint | null = null;
    for (let i = 0; i < maxBytes; i++) {
      if (this.pos >= this.end) this.fail(`${what}: varint cut short`, start);
      const b = this.bytes[this.pos++];
      const part = b & 0x7f;
      if (i < 7) result += part * 2 ** (7 * i);
      else big = (big ?? BigInt(result)) + (BigInt(part) << BigInt(7 * i));
      if ((b & 0x80) === 0) return big === null ? result : Number.isSafeInteger(Number(big)) ? Number(big) : big;
    }
    return this.fail(`${what}: varint longer than ${maxBytes} bytes`, start);
  }

  /** A varint that must be a small non-negative number (lengths, counts). */
  smallVarint(what: string, maxBytes = 10): number {
    const start = this.pos;
    const v = this.varint(what, maxBytes);
    if (typeof v !== 'number') return this.fail(`${what}: ${v} is too large`, start);
    return v;
  }
}
