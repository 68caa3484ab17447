import { expect, test } from 'vitest';
import { applyRules, defaultOps, parsePath, shouldIntercept, type Rule } from './rules';

const rule = (r: Partial<Rule>): Rule => ({ id: 'r', name: 'r', enabled: true, dir: 'both', urlContains: '', match: { regex: false, source: '', flags: '' }, action: { kind: 'block' }, ...r });
const run = (rules: Rule[], text: string | null, dir: 'sent' | 'received' = 'sent', url = 'ws://h/chat') => applyRules(rules, dir, url, text, defaultOps);

test('text and regex replace with capture groups', () => {
  expect(run([rule({ match: { regex: false, source: 'cat', flags: '' }, action: { kind: 'replace', with: 'dog' } })], 'cat and cat')).toEqual({ blocked: false, data: 'dog and dog', rule: 'r' });
  const swap = rule({ match: { regex: true, source: '(\\w+)@(\\w+)', flags: '' }, action: { kind: 'replace', with: '$2 at $1 ($&) $$' } });
  expect(run([swap], 'mail bob@example now')).toMatchObject({ data: 'mail example at bob (bob@example) $ now' });
});

test('block, direction, url filter, disabled rules, first match wins', () => {
  const block = rule({ name: 'block pings', dir: 'received', match: { regex: false, source: 'ping', flags: '' } });
  expect(run([block], 'ping', 'sent')).toBeNull();
  expect(run([block], 'ping', 'received')).toEqual({ blocked: true, rule: 'block pings' });
  expect(run([{ ...block, enabled: false }], 'ping', 'received')).toBeNull();
  expect(run([rule({ urlContains: '/other' })], 'x')).toBeNull();
  expect(run([rule({ name: 'a', action: { kind: 'replace', with: 'A' } }), rule({ name: 'b' })], 'x')).toMatchObject({ rule: 'a', data: 'A' });
});

test('JSON path set and delete; non-JSON leaves the frame alone', () => {
  const set = rule({ action: { kind: 'json-set', path: '$.user.name', keys: parsePath('$.user.name'), value: '"mallory"' } });
  expect(run([set], '{"user":{"name":"bob","id":1}}')).toMatchObject({ data: '{"user":{"name":"mallory","id":1}}' });
  const del = rule({ action: { kind: 'json-delete', path: '$.items[1]', keys: parsePath('$.items[1]') } });
  expect(run([del], '{"items":{"0":"a","1":"b"}}')).toMatchObject({ data: '{"items":{"0":"a"}}' });
  expect(run([set], 'not json')).toBeNull();
  expect(run([set], '{"user":5}')).toBeNull();
  expect(parsePath('$.a["b.c"][2].d')).toEqual(['a', 'b.c', '2', 'd']);
});

test('binary frames: only a catch-all block applies', () => {
  expect(run([rule({ action: { kind: 'replace', with: 'x' } })], null)).toBeNull();
  expect(run([rule({})], null)).toEqual({ blocked: true, rule: 'r' });
  expect(run([rule({ match: { regex: false, source: 'x', flags: '' } })], null)).toBeNull();
});

test('invalid regexes match nothing instead of throwing', () => {
  expect(run([rule({ match: { regex: true, source: '(', flags: '' } })], 'anything')).toBeNull();
});

test('intercept decisions', () => {
  const c = { sent: true, received: false, urlContains: 'chat', match: { regex: true, source: '^\\{', flags: '' }, timeoutMs: 30_000 };
  expect(shouldIntercept(c, 'sent', 'ws://h/chat', '{"a":1}', defaultOps)).toBe(true);
  expect(shouldIntercept(c, 'sent', 'ws://h/chat', 'plain', defaultOps)).toBe(false);
  expect(shouldIntercept(c, 'received', 'ws://h/chat', '{"a":1}', defaultOps)).toBe(false);
  expect(shouldIntercept(c, 'sent', 'ws://h/feed', '{"a":1}', defaultOps)).toBe(false);
  expect(shouldIntercept({ ...c, match: { regex: false, source: '', flags: '' } }, 'sent', 'ws://h/chat', null, defaultOps)).toBe(true);
});
