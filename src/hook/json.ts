/**
 * JSON.stringify for what JSON.parse returned, that asks the page nothing: the native looks up
 * `toJSON` on every object (a getter the page put on Object.prototype would see the frame being
 * rewritten and the rule's value). Plain data only: strings, numbers, booleans, null, arrays and
 * objects with own enumerable keys, in JSON.stringify's order and format.
 */
import { natives } from './natives';

const stringify = JSON.stringify;
const keys = Object.keys;

export function stringifyParsed(value: unknown): string {
  if (typeof value !== 'object' || value === null) return stringify(value) ?? 'null';
  let out = '';
  if (natives.isArray(value)) {
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + stringifyParsed(value[i]);
    return `[${out}]`;
  }
  const own = keys(value);
  for (let i = 0; i < own.length; i++) {
    const item = (value as Record<string, unknown>)[own[i]];
    if (item === undefined) continue;
    out += `${out ? ',' : ''}${stringify(own[i])}:${stringifyParsed(item)}`;
  }
  return `{${out}}`;
}
