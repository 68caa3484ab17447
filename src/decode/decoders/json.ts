/**
 * JSON, and the shapes JSON arrives in over WebSockets: one value per frame, newline-delimited
 * records (NDJSON), or a value behind a prefix — an XSSI guard like `)]}'` or a number such as a
 * length or a message code (`42{"a":1}`; socket.io's own `42[...]` is claimed by its decoder first).
 */
import type { Decoder, DecodeResult } from '../types';
import { payloadText, parseJson } from '../support/payload';
import { preview } from '../support/preview';
import { fail, ok } from '../support/result';
import { toTree } from '../support/tree';
import { utf8Length } from '../../model/bytes';

const XSSI_GUARD = /^\)\]\}'?,?\s*\n?/;
const NUMBER_PREFIX = /^(\d{1,10})(?=[[{])/;
/** More lines than this are not tried as NDJSON (each costs a parse). */
const MAX_NDJSON_LINES = 10_000;

export const jsonDecoder: Decoder = {
  id: 'json',
  label: 'JSON',
  affinity: (connection) => (/(^|\W)json($|\W)/i.test(connection.protocol) ? 0.4 : 0),
  decode(input, context) {
    const payload = payloadText(input);
    if (!payload.ok) return context.guessing ? null : fail('json', payload.error);
    const text = payload.text;
    if (!text.trim()) return context.guessing ? null : fail('json', 'empty payload');
    const whole = parseJson(text);
    if (whole.ok) return value(whole.value);
    return ndjson(text) ?? prefixed(text) ?? (context.guessing ? null : fail('json', whole.error));
  },
};

function value(parsed: unknown, prefix = ''): DecodeResult {
  const tree = toTree(parsed);
  return ok('json', prefix + preview(tree, 200 - prefix.length), tree);
}

function ndjson(text: string): DecodeResult {
  const lines = text.split('\n').filter((line) => line.trim());
  if (lines.length < 2 || lines.length > MAX_NDJSON_LINES) return null;
  const records: unknown[] = [];
  for (const line of lines) {
    const parsed = parseJson(line);
    if (!parsed.ok) return null;
    records.push(toTree(parsed.value));
  }
  return ok('json', `NDJSON ${records.length} records: ${preview(records[0])}`, records);
}

function prefixed(text: string): DecodeResult {
  const guard = XSSI_GUARD.exec(text);
  if (guard) {
    const parsed = parseJson(text.slice(guard[0].length));
    return parsed.ok ? value(parsed.value, `[guard ${guard[0].trim()}] `) : null;
  }
  const number = NUMBER_PREFIX.exec(text);
  if (number) {
    const rest = text.slice(number[1].length);
    const parsed = parseJson(rest);
    if (!parsed.ok) return null;
    const isLength = Number(number[1]) === utf8Length(rest);
    return value(parsed.value, isLength ? `[length ${number[1]}] ` : `[prefix ${number[1]}] `);
  }
  return null;
}
