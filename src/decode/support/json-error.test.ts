import { describe, expect, test } from 'vitest';
import { describeJsonError } from './json-error';

describe('describeJsonError', () => {
  test.each([
    ['{"a":}', 'unexpected "}" at position 5 (line 1, column 6): expected a value'],
    ['{"a" 1}', 'unexpected "1" at position 5 (line 1, column 6): expected ":"'],
    ['[1,2', 'unexpected end of input at position 4 (line 1, column 5): expected "," or "]"'],
    ['{a:1}', 'unexpected "a" at position 1 (line 1, column 2): expected a property name in double quotes'],
    ['[1]\n x', 'unexpected "x" at position 5 (line 2, column 2): expected end of input'],
    ['"abc', 'unterminated string starting at position 0'],
    ['["\\q"]', 'invalid escape at position 2'],
    ['[01]', 'unexpected "1" at position 2 (line 1, column 3): expected "," or "]"'],
    ['', 'unexpected end of input at position 0 (line 1, column 1): expected a value'],
    ['{"a":[{}, []]', 'unexpected end of input at position 13 (line 1, column 14): expected "," or "}"'],
  ])('%j', (text, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(describeJsonError(text)).toBe(message);
  });
});
