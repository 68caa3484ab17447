import { expect, test } from 'vitest';
import type { Rule } from '../protocol/rules';
import { describeRule, regexError, rewriteNote } from './wording';

const rule = (patch: Partial<Rule>): Rule => ({ id: '1', name: 'r', enabled: true, dir: 'both', urlContains: '', match: { regex: false, source: '"user":"bot"', flags: '' }, action: { kind: 'replace', with: '' }, ...patch });

test('rule summaries quote payload text unambiguously and say what an empty replacement does', () => {
  expect(describeRule(rule({}))).toBe('Both ways: «"user":"bot"» → remove the match');
  expect(describeRule(rule({ dir: 'sent', action: { kind: 'replace', with: '"user":"me"' } }))).toBe('Sent: «"user":"bot"» → replace with «"user":"me"»');
  expect(describeRule(rule({ dir: 'received', match: { regex: true, source: 'a(\\d)', flags: 'i' }, action: { kind: 'block' }, urlContains: 'chat' })))
    .toBe('Received: /a(\\d)/i on urls containing «chat» → block the frame');
  expect(describeRule(rule({ match: { regex: false, source: '', flags: '' }, action: { kind: 'json-delete', path: '$.a', keys: ['a'] } }))).toBe('Both ways: every frame → delete $.a');
});

test('a frame edited at a breakpoint does not read "Rewritten by edited in the panel"', () => {
  expect(rewriteNote('edited in the panel')).toBe('Edited in the panel before it was forwarded.');
  expect(rewriteNote('mask tokens')).toBe('Rewritten by rule «mask tokens».');
});

test('regex errors say "Invalid regular expression" once', () => {
  let error: unknown;
  try { new RegExp('(unclosed'); } catch (e) { error = e; }
  expect(regexError(error)).toMatch(/^Invalid regular expression: (?!Invalid regular expression)/);
  expect(regexError(error).match(/Invalid regular expression/g)).toHaveLength(1);
});
