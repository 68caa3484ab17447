import { expect, test } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { HandshakeLog } from './handshakes';

/** An in-memory stand-in for storage.session (only what HandshakeLog uses). */
function memoryArea(): Storage.StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key: string) { return key in data ? { [key]: structuredClone(data[key]) } : {}; },
    async set(items: Record<string, unknown>) { Object.assign(data, structuredClone(items)); },
    async remove(key: string) { delete data[key]; },
  } as unknown as Storage.StorageArea & { data: Record<string, unknown> };
}

const h = (n: number) => ({ url: `ws://x/${n}`, time: n, frameId: 0 });

test('keeps each tab\'s handshakes, pending ones included, and forgets a tab', async () => {
  const area = memoryArea();
  const log = new HandshakeLog(area);
  log.record(1, h(1));
  log.record(2, h(2));
  log.record(1, h(3));
  expect(await log.forTab(1)).toEqual([h(1), h(3)]); // not written yet
  await new Promise((r) => setTimeout(r, 150));
  expect(area.data['handshakes:1']).toEqual([h(1), h(3)]);
  expect(await new HandshakeLog(area).forTab(1)).toEqual([h(1), h(3)]); // a restarted worker reads them back
  log.forget(1);
  expect(await log.forTab(1)).toEqual([]);
  expect(await log.forTab(2)).toEqual([h(2)]);
});

test('keeps the newest 200 per tab and ignores what is not a handshake', async () => {
  const area = memoryArea();
  area.data['handshakes:7'] = [h(0), { url: 1 }, 'junk'];
  const log = new HandshakeLog(area);
  for (let i = 1; i <= 250; i++) log.record(7, h(i));
  const list = await log.forTab(7);
  expect(list).toHaveLength(200);
  expect(list.at(-1)).toEqual(h(250));
  expect(list[0]).toEqual(h(51));
});
