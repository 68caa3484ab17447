import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bytesInput, hex, summary } from '../testing/inputs';
import { decodeFrame } from '../detect';
import type { Decoder } from '../types';
import { createProtobufSchemaDecoder, parseProtoSchema } from './protobuf-schema';
import { CHAT_PROTO, encodeChatMessage } from '../testing/protobuf-chat';

describe('protobuf with a .proto schema', () => {
  test('lists the message types of a schema', () => {
    expect(parseProtoSchema(CHAT_PROTO)).toMatchObject({ ok: true, messageTypes: ['chat.Author', 'chat.Message'] });
    expect(parseProtoSchema('message {')).toMatchObject({ ok: false, error: "illegal type name '{' (line 1)" });
  });

  test('decodes with field names, enums, maps, packed fields, 64-bit integers', () => {
    const decoder = createProtobufSchemaDecoder(CHAT_PROTO, 'chat.Message');
    if ('error' in decoder) throw new Error(decoder.error);
    expect(decoder.id).toBe('protobuf:chat.Message');
    const result = decodeFrame(bytesInput(encodeChatMessage()), decoder);
    expect(result).toEqual({
      ok: true,
      format: 'protobuf-schema',
      summary: 'Message {"id":150,"text":"hello","author":{"name":"ada","karma":-2},"scores":[1,-1],"counts":{"a":1},"kind":"IMAGE","ratio":0.5,"flags":7,"blob":"<2 bytes: 00 ff>","pinned":true}',
      tree: { id: 150, text: 'hello', author: { name: 'ada', karma: -2 }, scores: [1, -1], counts: { a: 1 }, kind: 'IMAGE', ratio: 0.5, flags: 7, blob: '<2 bytes: 00 ff>', pinned: true },
    });
  });

  test('unknown fields are kept, mismatched wire types are errors with the byte', () => {
    const decoder = createProtobufSchemaDecoder(CHAT_PROTO, 'chat.Author');
    if ('error' in decoder) throw new Error(decoder.error);
    expect(decodeFrame(bytesInput(hex('0a 01 61 78 05')), decoder)).toMatchObject({ tree: { name: 'a', '<unknown fields>': { '15:varint': 5 } } });
    expect(summary(decodeFrame(bytesInput(hex('08 05')), decoder))).toBe('error: field name (string) has wire type 0, expected 2 at byte 0');
  });

  test('packed encoding of a singular field, even empty (found by the fuzz run)', () => {
    const decoder = createProtobufSchemaDecoder(CHAT_PROTO, 'chat.Message') as Decoder;
    expect(decodeFrame(bytesInput(hex('32 00')), decoder)).toMatchObject({ ok: true, tree: {} });
    expect(decodeFrame(bytesInput(hex('32 02 00 01')), decoder)).toMatchObject({ ok: true, tree: { kind: 'IMAGE' } });
  });

  test('an unknown type is reported', () => {
    expect(createProtobufSchemaDecoder(CHAT_PROTO, 'chat.Nope')).toMatchObject({ error: expect.stringMatching(/no such type/) });
  });

  test('works where code generation is forbidden (extension pages CSP)', () => {
    const script = `
      import { createProtobufSchemaDecoder } from ${JSON.stringify(fileURLToPath(new URL('./protobuf-schema.ts', import.meta.url)))};
      const d = createProtobufSchemaDecoder('syntax = "proto3"; message M { string s = 1; }', 'M');
      const r = d.decode({ bytes: new Uint8Array([10, 2, 104, 105]), text: null, dir: 'received', connection: { url: '', protocol: '', protocols: [] } }, { guessing: false, decodeInner: () => null });
      console.log(JSON.stringify(r.tree));`;
    const child = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('{"s":"hi"}');
  });
});
