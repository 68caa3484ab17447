import { describe, expect, test } from 'vitest';
import { bytesInput, run, summary, textInput } from '../testing/inputs';
import { jsonDecoder } from './json';

describe('JSON', () => {
  test('one value per frame: compact one-line summary, tree as parsed', () => {
    const result = run(jsonDecoder, textInput('{ "user": "ada",\n  "tags": [1, 2] }'));
    expect(result).toEqual({ ok: true, format: 'json', summary: '{"user":"ada","tags":[1,2]}', tree: { user: 'ada', tags: [1, 2] } });
  });

  test('NDJSON', () => {
    expect(summary(run(jsonDecoder, textInput('{"a":1}\n{"a":2}\n')))).toBe('NDJSON 2 records: {"a":1}');
  });

  test('prefixes: XSSI guard, a length, any other number', () => {
    expect(summary(run(jsonDecoder, textInput(")]}'\n[1]")))).toBe("[guard )]}'] [1]");
    expect(summary(run(jsonDecoder, textInput('7{"a":1}')))).toBe('[length 7] {"a":1}');
    expect(summary(run(jsonDecoder, textInput('42{"a":1}')))).toBe('[prefix 42] {"a":1}');
  });

  test('UTF-8 binary frames', () => {
    expect(summary(run(jsonDecoder, bytesInput(new TextEncoder().encode('[true]'))))).toBe('[true]');
    expect(summary(run(jsonDecoder, bytesInput([0x5b, 0xff])))).toBe('error: binary frame is not UTF-8 text: invalid byte at 1');
  });

  test('errors carry the engine position; guessing returns null instead', () => {
    expect(summary(run(jsonDecoder, textInput('{"a":}')))).toBe('error: unexpected "}" at position 5 (line 1, column 6): expected a value');
    expect(run(jsonDecoder, textInput('{"a":}'), true)).toBeNull();
    expect(summary(run(jsonDecoder, textInput('  ')))).toBe('error: empty payload');
  });

  test('summaries are cut to one line; deep values are capped in the tree', () => {
    const long = run(jsonDecoder, textInput(JSON.stringify({ text: 'x'.repeat(500) })));
    expect(long?.ok && long.summary.length).toBeLessThanOrEqual(200);
    const deep = run(jsonDecoder, textInput('['.repeat(100) + ']'.repeat(100)));
    expect(JSON.stringify(deep?.ok && deep.tree)).toContain('<nested too deep>');
  });
});
