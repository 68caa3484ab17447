import { expect, test } from 'vitest';
import type { FrameEvent } from '../protocol/capture';
import type { PanelMessage } from '../protocol/ports';
import { CaptureStore } from './capture-store';
import { compileFilter, NO_FILTER } from './filters';
import { FrameView } from './frame-view';

const frame = (fseq: number, dir: FrameEvent['dir'] = 'sent'): FrameEvent =>
  ({ kind: 'frame', seq: fseq, fseq, conn: 'd:1', time: fseq, dir, opcode: 'text', data: `m${fseq}`, size: 2 });
const msg = (events: FrameEvent[], type: 'backlog' | 'events' = 'events'): PanelMessage =>
  type === 'backlog'
    ? { v: 1, type, docId: 'd', url: 'u', timeOrigin: 1, events, last: true, frameId: 0 }
    : { v: 1, type, docId: 'd', events, frameId: 0 };

test('appends incrementally, follows cap drops, rebuilds on filter change', () => {
  const store = new CaptureStore({ maxFrames: 5, preserveLog: false });
  const view = new FrameView();
  const receivedOnly = compileFilter({ ...NO_FILTER, sent: false });
  store.apply(msg([frame(1), frame(2, 'received'), frame(3)], 'backlog'));
  expect(view.update(store, receivedOnly)).toBe(true);
  expect(view.frames.map((f) => f.data)).toEqual(['m2']);
  store.apply(msg([frame(4, 'received'), frame(5)]));
  expect(view.update(store, receivedOnly)).toBe(true);
  expect(view.frames.map((f) => f.data)).toEqual(['m2', 'm4']);
  expect(view.update(store, receivedOnly)).toBe(false);
  store.apply(msg([frame(6), frame(7, 'received')])); // cap 5: m1, m2 dropped
  view.update(store, receivedOnly);
  expect(view.frames.map((f) => f.data)).toEqual(['m4', 'm7']);
  view.update(store, compileFilter(NO_FILTER));
  expect(view.frames.map((f) => f.data)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
  store.clear();
  view.update(store, compileFilter(NO_FILTER));
  expect(view.frames).toEqual([]);
});
