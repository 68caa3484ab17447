import { expect, test } from 'vitest';
import { bytesToBase64 } from './bytes';
import type { Frame } from './capture-store';
import { buildPayload, parseSnippets, reformatJson, templateFromFrame } from './composer';

test('text, JSON, hex and base64 payloads, with precise errors', () => {
  expect(buildPayload('text', 'hi')).toEqual({ ok: true, payload: { kind: 'text', text: 'hi' } });
  expect(buildPayload('json', '{"a":1}')).toEqual({ ok: true, payload: { kind: 'text', text: '{"a":1}' } });
  expect(buildPayload('json', '{"a":')).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid JSON/) });
  expect(buildPayload('hex', 'de ad 0xBE:ef')).toEqual({ ok: true, payload: { kind: 'binary', base64: '3q2+7w==' } });
  expect(buildPayload('hex', 'abc')).toEqual({ ok: false, error: 'Invalid hex: odd number of digits' });
  expect(buildPayload('hex', 'zz')).toEqual({ ok: false, error: 'Invalid hex: unexpected "z"' });
  expect(buildPayload('base64', 'aGk=')).toEqual({ ok: true, payload: { kind: 'binary', base64: 'aGk=' } });
  expect(buildPayload('base64', 'a$b')).toEqual({ ok: false, error: 'Invalid base64' });
});

test('pretty / minify JSON', () => {
  expect(reformatJson('{"a":[1]}', true)).toBe('{\n  "a": [\n    1\n  ]\n}');
  expect(reformatJson('{ "a" : 1 }', false)).toBe('{"a":1}');
  expect(reformatJson('nope', true)).toBeNull();
});

test('templates from frames', () => {
  const f = (data: string, opcode: Frame['opcode'] = 'text'): Frame => ({ index: 0, pos: 0, conn: 'c', time: 0, dir: 'sent', opcode, data, size: 1 });
  expect(templateFromFrame(f('{"x":1}'))).toEqual({ mode: 'json', text: '{"x":1}' });
  expect(templateFromFrame(f('plain'))).toEqual({ mode: 'text', text: 'plain' });
  expect(templateFromFrame(f(bytesToBase64(new Uint8Array([1, 255])), 'binary'))).toEqual({ mode: 'hex', text: '01 ff' });
});

test('snippet import validates each entry', () => {
  expect(parseSnippets('[{"name":"a","mode":"json","text":"{}"}]')).toEqual([{ name: 'a', mode: 'json', text: '{}' }]);
  expect(() => parseSnippets('{')).toThrow(/^Not JSON/);
  expect(() => parseSnippets('{}')).toThrow('Expected a JSON array of snippets');
  expect(() => parseSnippets('[{"name":"a","mode":"json","text":"{}"},{"name":1}]')).toThrow(/^Snippet 2:/);
});
