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
