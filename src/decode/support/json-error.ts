/**
 * Where a JSON text goes wrong. Engines' JSON.parse messages often omit the position (V8 says
 * `Unexpected token '}', "{"a":}" is not valid JSON`), so after a failed parse this scanner walks
 * the text once, iteratively, and names the first offending character and what was expected there.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

type Expect = 'value' | 'key' | 'colon' | 'comma-or-close';

export function describeJsonError(text: string): string {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = skipSpace(text, 0);
  const at = (position: number, what: string) => {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const found = position >= text.length ? 'end of input' : `${JSON.stringify(text[position])}`;
    return `unexpected ${found} at position ${position} (line ${line}, column ${column}): expected ${what}`;
  };
  while (i < text.length) {
    const c = text[i];
    if (expect === 'value' || expect === 'key') {
      if (c === '"') {
        const end = stringEnd(text, i);
        if (typeof end === 'string') return end;
        i = end;
        expect = expect === 'key' ? 'colon' : 'comma-or-close';
      } else if (expect === 'key') {
        if (c === '}' && text[previousNonSpace(text, i)] === '{') { stack.pop(); i++; expect = 'comma-or-close'; }
        else return at(i, 'a property name in double quotes');
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        expect = c === '{' ? 'key' : 'value';
      } else if (c === ']' && text[previousNonSpace(text, i)] === '[') {
        stack.pop();
        i++;
        expect = 'comma-or-close';
      } else {
        const end = matchAt(NUMBER, text, i) ?? matchAt(LITERAL, text, i);
        if (end === null) return at(i, 'a value');
        i = end;
        expect = 'comma-or-close';
      }
    } else if (expect === 'colon') {
      if (c !== ':') return at(i, '":"');
      i++;
      expect = 'value';
    } else {
      const open = stack[stack.length - 1];
      if (open === undefined) return at(i, 'end of input');
      if (c === ',') { i++; expect = open === '{' ? 'key' : 'value'; }
      else if (c === (open === '{' ? '}' : ']')) { stack.pop(); i++; }
      else return at(i, `"," or "${open === '{' ? '}' : ']'}"`);
    }
    if (stack.length === 0 && expect === 'comma-or-close') {
      const rest = skipSpace(text, i);
      return rest < text.length ? at(rest, 'end of input') : 'invalid JSON';
    }
    i = skipSpace(text, i);
  }
  return at(text.length, expect === 'comma-or-close' ? `"," or "${stack[stack.length - 1] === '{' ? '}' : ']'}"` : expect === 'colon' ? '":"' : 'a value');
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  return i;
}

function previousNonSpace(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\n' || text[j] === '\r' || text[j] === '\t')) j--;
  return j;
}

function matchAt(pattern: RegExp, text: string, i: number): number | null {
  pattern.lastIndex = i;
  return pattern.test(text) ? pattern.lastIndex : null;
}

/** Index after the closing quote of the string starting at `start`, or the error. */
function stringEnd(text: string, start: number): number | string {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return `control character U+${c.toString(16).padStart(4, '0')} in a string at position ${i}`;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(e ?? 'x')) return `invalid escape at position ${i}`;
      i += e === 'u' ? 5 : 1;
    }
  }
  return `unterminated string starting at position ${start}`;
}
