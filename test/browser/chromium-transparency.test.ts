/**
 * Differential transparency test in Chromium: the same probe page, run with and without
 * the extension, must observe exactly the same things (see probe/transparency-probe.js).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { startTestServer, type TestServer } from '../helpers/servers';
import { runProbe, serveProbePage } from './transparency';

let server: TestServer;
let url: string;
beforeAll(async () => {
  server = await startTestServer();
  url = serveProbePage(server);
});
afterAll(() => server?.close());

async function observe(extension: boolean) {
  const chromium: Chromium = await launchChromium({ extension });
  try {
    return await runProbe(chromium.browser, url, `${server.wsUrl}/echo`);
  } finally {
    await chromium.close();
  }
}

test('a page cannot tell the extension is there', async () => {
  const without = await observe(false);
  const sentWithout = server.received.length;
  const withExtension = await observe(true);
  expect(withExtension).toEqual(without);
  // Same bytes reached the server both times.
  const half = server.received.length / 2;
  expect(half).toBe(sentWithout);
  expect(server.received.slice(half)).toEqual(server.received.slice(0, half));
  // The probe really did run its socket probes.
  expect((without as any).socket.echoes).toHaveLength(8);
});
