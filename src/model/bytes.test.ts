import { expect, test } from 'vitest';
import { base64ToBytes, bytesToBase64, hexPreview, utf8Length } from './bytes';

test('utf8Length matches TextEncoder, including astral and lone surrogates', () => {
  for (const s of ['', 'abc', 'é', '€', '😀', 'a😀b', '\ud800', 'x\udc00y', '\ud83d', 'mixed ü € 😀 \ud800!']) {
    expect(utf8Length(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).length);
  }
});

test('base64 round-trips every byte value and large buffers', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
  const big = new Uint8Array(200_000).map((_, i) => (i * 7) & 255);
  expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
  expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=');
});

test('hexPreview cuts with an ellipsis', () => {
  expect(hexPreview(new Uint8Array([0, 15, 255]))).toBe('00 0f ff');
  expect(hexPreview(new Uint8Array(5), 4)).toBe('00 00 00 00 …');
});

test('utf8Length of long text (native encoder in slices) counts a pair across a slice edge once', () => {
  const edge = 1 << 20;
  for (const s of ['a'.repeat(edge - 1) + '😀' + 'b'.repeat(10), 'é'.repeat(edge + 5) + '\ud800', '€'.repeat(3 * edge + 7) + '😀'.repeat(9)]) {
    expect(utf8Length(s)).toBe(Buffer.byteLength(s));
  }
});

test('utf8LengthPaced pauses between slices and counts as utf8Length does', async () => {
  const { utf8LengthPaced } = await import('./bytes');
  const s = 'a'.repeat((1 << 20) - 1) + '😀' + 'é€'.repeat(1 << 20) + '\ud800';
  let pauses = 0;
  expect(await utf8LengthPaced(s, async () => { pauses++; }, 1)).toBe(Buffer.byteLength(s));
  expect(pauses).toBe(Math.ceil(s.length / (1 << 20)) - 1);
  expect(await utf8LengthPaced('short ü', async () => { pauses = -1; })).toBe(8);
  expect(pauses).not.toBe(-1);
});
