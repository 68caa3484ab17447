import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

/**
 * Extension pages forbid `eval`/`new Function` (MV3 CSP), and even a caught attempt is reported in
 * the console. Importing the decoders and decoding with every one of them must not try. Runs in
 * a child process because it replaces the global `Function`.
 */
test('decoding never generates code', () => {
  const here = (path: string) => JSON.stringify(fileURLToPath(new URL(path, import.meta.url)));
  const script = `
    let calls = 0;
    const count = { apply: (t, self, args) => (calls++, Reflect.apply(t, self, args)), construct: (t, args) => (calls++, Reflect.construct(t, args)) };
    globalThis.Function = new Proxy(Function, count);
    const { decodeFrame, listDecoders } = await import(${here('./index.ts')});
    const { createProtobufSchemaDecoder } = await import(${here('./decoders/protobuf-schema.ts')});
    const { loadFixture, fixtureInput } = await import(${here('./testing/fixtures.ts')});
    const { readdirSync } = await import('node:fs');
    const names = readdirSync(${here('../../test/fixtures/frames/')}).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    const inputs = names.flatMap((n) => loadFixture(n).map((f) => fixtureInput(f)));
    for (const input of inputs) for (const { id } of listDecoders()) decodeFrame(input, id);
    const schema = createProtobufSchemaDecoder('syntax = "proto3"; message M { map<string, int32> m = 1; repeated sint64 r = 2; }', 'M');
    for (const input of inputs) decodeFrame(input, schema);
    console.log(calls);`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.stdout.trim()).toBe('0');
}, 30_000);
