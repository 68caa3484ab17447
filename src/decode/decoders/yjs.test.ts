import { describe, expect, test } from 'vitest';
import { decodeFixture, summaries } from '../testing/fixtures';
import { bytesInput, hex, run, summary } from '../testing/inputs';
import { decodeFrame } from '../detect';
import { yjsDecoder } from './yjs';

describe('Yjs (recorded from y-websocket 2 WebsocketProvider and its server utility)', () => {
  test('sync steps both ways, updates summarised, awareness JSON shown', () => {
    expect(summaries(decodeFixture('yjs'))).toEqual([
      'Yjs sync step 1: state vector, empty document',
      'Yjs sync step 1: state vector, 1 client {"3128808862":5}',
      'Yjs awareness 3128808862: {"user":{"name":"ada","color":"#ff8800"}}',
      'Yjs sync step 2 (25 B): 1 item from 3128808862@0; in content; text "hello"',
      'Yjs sync step 2 (2 B): empty',
      'Yjs awareness 3128808862: {"user":{"name":"ada","color":"#ff8800"}}',
      'Yjs update (25 B): 1 item from 3128808862@0; in content; text "hello"',
      'Yjs update (23 B): 1 item from 3128808862@5; text " world"',
      'Yjs update (30 B): 1 item from 3128808862@11; in meta; keys title',
      'Yjs update (23 B): 1 item from 3128808862@5; text " world"',
      'Yjs update (30 B): 1 item from 3128808862@11; in meta; keys title',
      'Yjs update (10 B): 6 deleted',
      'Yjs update (10 B): 6 deleted',
      'Yjs awareness 3128808862: {"user":{"name":"ada","color":"#ff8800"},"cursor":{"anchor":3,"head":3}}',
      'Yjs awareness 3128808862: {"user":{"name":"ada","color":"#ff8800"},"cursor":{"anchor":3,"head":3}}',
      'Yjs awareness 3128808862 left',
      'Yjs awareness 3128808862 left',
    ]);
  });

  test('Hocuspocus 3 (recorded from @hocuspocus/provider and @hocuspocus/server): document name prefix, its auth, stateless, close', () => {
    expect(summaries(decodeFixture('yjs-hocuspocus'))).toEqual([
      'Yjs [notes-1] auth token (token)',
      'Yjs [notes-1] sync step 1: state vector, empty document',
      'Yjs [notes-1] awareness 2200048216: {}',
      'Yjs [notes-1] auth authenticated read-write',
      'Yjs [notes-1] sync step 1: state vector, empty document',
      'Yjs [notes-1] sync step 2 (2 B): empty',
      'Yjs [notes-1] sync step 2 (2 B): empty',
      'Yjs [notes-1] update (22 B): 1 item from 2200048216@0; in content; text "hi"',
      'Yjs [notes-1] awareness 2200048216: {"user":{"name":"ada"}}',
      'Yjs [notes-1] sync status synced',
      'Yjs [notes-1] update (22 B): 1 item from 2200048216@0; in content; text "hi"',
      'Yjs [notes-1] sync status synced',
      'Yjs [notes-1] awareness 2200048216: {"user":{"name":"ada"}}',
      'Yjs [notes-1] stateless "ping?"',
      'Yjs [notes-1] stateless "echo:ping?"',
      'Yjs [notes-1] awareness 2200048216 left',
      'Yjs [notes-1] close',
      'Yjs [notes-1] awareness 2200048216 left',
      'Yjs [notes-1] close provider_initiated',
    ]);
  });

  test('the tree keeps the update summary and the raw bytes; awareness states parsed', () => {
    const results = decodeFixture('yjs');
    expect(results[8]).toMatchObject({ tree: { type: 'sync', step: 'update', update: { keys: ['title'], types: ['meta'], contents: { any: 1 } } } });
    expect(results[2]).toMatchObject({ tree: { type: 'awareness', states: [{ clock: 1, state: { user: { name: 'ada' } } }] } });
  });

  test('guessing: whole sync and awareness messages only', () => {
    expect(decodeFrame(bytesInput(hex('00 00 01 00')))?.format).toBe('yjs');
    expect(decodeFrame(bytesInput(hex('00 00 01 00 ff')))?.format).toBe('hex');
    expect(run(yjsDecoder, bytesInput(hex('03')), true)).toBeNull();
    expect(summary(run(yjsDecoder, bytesInput(hex('03'))))).toBe('Yjs query awareness');
    expect(summary(run(yjsDecoder, bytesInput(hex('02 00 06 64 65 6e 69 65 64'))))).toBe('Yjs auth permission denied: denied');
  });

  test('errors say what and where, in the whole frame', () => {
    expect(summary(run(yjsDecoder, bytesInput(hex('00 05'))))).toBe('error: unknown sync step 5 at byte 1 (0 step 1, 1 step 2, 2 update)');
    expect(summary(run(yjsDecoder, bytesInput(hex('00 02 09 01 00'))))).toBe('error: update: 9 bytes declared, 2 left at byte 2');
    expect(summary(run(yjsDecoder, bytesInput(hex('00 02 03 01 05 00'))))).toBe('error: number of structs 5 is more than the 1 bytes left at byte 4');
    expect(summary(run(yjsDecoder, bytesInput(hex('09'))))).toBe('error: unknown message type 9 at byte 0 (0 sync, 1 awareness, 2 auth, 3 query awareness)');
  });
});
