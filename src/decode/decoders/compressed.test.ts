import { gzipSync, zlibSync } from 'fflate';
import { expect, test } from 'vitest';
import { decodeFrame, frameInput } from '../index';
import { bytesToBase64 } from '../../model/bytes';

const conn = { url: 'ws://h/', protocol: '', protocols: [] };
const binary = (bytes: Uint8Array) => frameInput({ dir: 'received', opcode: 'binary', data: bytesToBase64(bytes) }, conn);
const json = new TextEncoder().encode(JSON.stringify({ type: 'tick', price: 42.5, items: Array.from({ length: 50 }, (_, i) => i) }));

test('gzip and zlib payloads are inflated and decoded again by content', () => {
  const gz = decodeFrame(binary(gzipSync(json)));
  expect(gz).toMatchObject({ ok: true, format: 'compressed' });
  expect(gz!.ok && gz!.summary).toMatch(new RegExp(`^gzip \\d+ B → ${json.length} B → `));
  expect(gz!.ok && gz!.nested).toMatchObject({ ok: true, format: 'json' });
  const z = decodeFrame(binary(zlibSync(json)));
  expect(z).toMatchObject({ ok: true, format: 'compressed', nested: { format: 'json' } });
});

test('corrupt data is an error only when the user chose the decoder; a bomb is stopped', () => {
  const broken = gzipSync(json).slice(0, 30);
  expect(decodeFrame(binary(broken))).not.toMatchObject({ format: 'compressed' });
  expect(decodeFrame(binary(broken), 'compressed')).toMatchObject({ ok: false, error: expect.stringMatching(/^gzip data is corrupt/) });
  const bomb = gzipSync(new Uint8Array(20 * 1024 * 1024));
  const r = decodeFrame(binary(bomb), 'compressed');
  expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/inflates to more than/) });
});
