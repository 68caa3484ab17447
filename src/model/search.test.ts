import { expect, test } from 'vitest';
import type { FrameEvent } from '../protocol/capture';
import { CaptureStore } from './capture-store';
import { compileFilter, NO_FILTER } from './filters';
import { FrameView } from './frame-view';
import { framePosition, SearchIndex } from './search';

const frames = (from: number, texts: string[]): FrameEvent[] => texts.map((data, i) =>
  ({ kind: 'frame', seq: from + i, fseq: from + i, conn: 'd:1', time: from + i, dir: 'sent', opcode: 'text', data, size: data.length }));

test('finds matches incrementally and steps through them with wrap-around', () => {
  const store = new CaptureStore({ maxFrames: 100, preserveLog: false });
  const view = new FrameView();
  const filter = compileFilter(NO_FILTER);
  const search = new SearchIndex();
  store.apply({ v: 1, type: 'backlog', docId: 'd', url: 'u', timeOrigin: 1, events: frames(1, ['alpha', 'beta', 'alphabet']), last: true, frameId: 0 });
  view.update(store, filter);
  search.update(view, 'alpha');
  expect(search.positions).toEqual([0, 2]);
  store.apply({ v: 1, type: 'events', docId: 'd', events: frames(4, ['gamma', 'ALPHA']), frameId: 0 });
  view.update(store, filter);
  search.update(view, 'alpha');
  expect(search.positions).toEqual([0, 2, 4]);
  expect(search.step(null, false)).toBe(0);
  expect(search.step(0, false)).toBe(2);
  expect(search.step(4, false)).toBe(0);
  expect(search.step(0, true)).toBe(4);
  expect(search.rank(2)).toBe(2);
  expect(framePosition(view, 4)).toBe(4);
  search.update(view, '/(/');
  expect(search.error).toBeTruthy();
  expect(search.positions).toEqual([]);
});
