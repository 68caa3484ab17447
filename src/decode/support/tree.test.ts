import { describe, expect, test } from 'vitest';
import { toTree } from './tree';
import { clip, preview, textPreview } from './preview';

describe('toTree', () => {
  test('makes library values JSON-safe', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const value = {
      big: 2n ** 64n, small: 3n, nan: NaN, inf: -Infinity, negZero: -0, undef: undefined,
      bytes: new Uint8Array([1, 2]), floats: new Float32Array([0.5]), date: new Date(0), bad: new Date(NaN),
      map: new Map<unknown, unknown>([[1, 'x'], ['k', 'y']]), objectKeys: new Map([[{ o: 1 }, 2]]), set: new Set([1]),
      cyclic, error: new Error('e'),
    };
    expect(toTree(value)).toEqual({
      big: '18446744073709551616', small: 3, nan: '<NaN>', inf: '<-Infinity>', negZero: 0, undef: '<undefined>',
      bytes: '<2 bytes: 01 02>', floats: [0.5], date: '1970-01-01T00:00:00.000Z', bad: '<invalid date>',
      map: { 1: 'x', k: 'y' }, objectKeys: [{ key: { o: 1 }, value: 2 }], set: [1],
      cyclic: { a: 1, self: '<circular>' }, error: 'Error: e',
    });
  });

  test('keeps a __proto__ key as data, without touching the prototype', () => {
    const tree = toTree(new Map([['__proto__', { polluted: true }]])) as Record<string, unknown>;
    expect(Object.getPrototypeOf(tree)).toBe(Object.prototype);
    expect(JSON.stringify(tree)).toBe('{"__proto__":{"polluted":true}}');
  });

  test('caps depth', () => {
    expect(toTree([[[[1]]]], 2)).toEqual([[ '<nested too deep>' ]]);
  });
});

describe('previews', () => {
  test('clip keeps one line within the budget', () => {
    expect(clip('a\r\nb\tc')).toBe('a⏎b c');
    expect(clip('x'.repeat(300), 10)).toBe('xxxxxxxxx…');
  });

  test('preview stops walking huge values', () => {
    const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(preview(huge, 20)).toBe('[0,1,2,3,4,5,6,7,8,…');
  });

  test('textPreview: JSON compact, other text quoted', () => {
    expect(textPreview('{ "a": 1 }')).toBe('{"a":1}');
    expect(textPreview('hello')).toBe('"hello"');
  });
});
