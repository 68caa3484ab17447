import { expect, test } from 'vitest';
import { parseJson, utf8WithInvalid } from './payload-views';

test('utf8WithInvalid keeps valid text and marks each invalid byte', () => {
  const enc = new TextEncoder();
  expect(utf8WithInvalid(enc.encode('héllo 😀'))).toEqual({ text: 'héllo 😀', invalid: 0 });
  const bytes = new Uint8Array([0x61, 0xff, 0x62, 0xc3, 0x63, 0xed, 0xa0, 0x80, 0xe2, 0x82, 0xac]);
  expect(utf8WithInvalid(bytes)).toEqual({ text: 'a⟨ff⟩b⟨c3⟩c⟨ed⟩⟨a0⟩⟨80⟩€', invalid: 5 });
});

test('parseJson: value, precise error, or not JSON', () => {
  expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  const bad = parseJson('{"a":1,,}');
  expect(bad?.ok).toBe(false);
  expect((bad as { error: string }).error).toMatch(/JSON|position|Unexpected/);
  expect(parseJson('hello')).toBeNull();
});

test('payloadViews converts only the prefix it shows, for text and base64 payloads', async () => {
  const { payloadViews, prefixBytes } = await import('./payload-views');
  const { bytesToBase64 } = await import('./bytes');
  const base = { index: 0, pos: 0, conn: 'd:1', time: 0, dir: 'sent' as const };
  const text = 'é'.repeat(10) + 'x'.repeat(100);
  expect(prefixBytes({ ...base, opcode: 'text', data: text, size: 120 }, 7)).toEqual(new TextEncoder().encode(text).subarray(0, 7));
  const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
  const frame = { ...base, opcode: 'binary' as const, data: bytesToBase64(bytes), size: 100 };
  for (const limit of [1, 2, 3, 4, 50, 99, 100, 200]) expect(prefixBytes(frame, limit)).toEqual(bytes.subarray(0, limit));
  const views = payloadViews(frame, 16);
  expect(views.truncated).toBe(true);
  expect(views.hex()).toBe('00000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  ................');
  expect(payloadViews({ ...base, opcode: 'text', data: 'hi', size: 2 }).text).toBe('hi');
});
