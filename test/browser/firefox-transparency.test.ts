/**
 * Differential transparency test in Firefox ESR: the probe page must observe the same
 * things with and without the extension (see probe/transparency-probe.js), including every
 * error it provokes through the hook's wrappers: stack, fileName/lineNumber/columnNumber,
 * DOMException filename/lineNumber/columnNumber, and the getters that read them (issue #3).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox } from '../helpers/firefox';
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
  const firefox = await launchFirefox({ extension });
  try {
    return await runProbe(firefox.browser, url, `${server.wsUrl}/echo`);
  } finally {
    await firefox.close();
  }
}

test('a page cannot tell the extension is there', async () => {
  const without = await observe(false);
  const sentWithout = server.received.length;
  const withExtension = await observe(true);
  expect(withExtension).toEqual(without);
  const half = server.received.length / 2;
  expect(half).toBe(sentWithout);
  expect(server.received.slice(half)).toEqual(server.received.slice(0, half));
  expect((without as any).socket.echoes).toHaveLength(8);
  // The probe really did provoke errors through the wrappers, and read them through Firefox's getters.
  expect((without as any).static.illegalSend.location[0]).toMatch(/^http:/);
  expect(JSON.stringify((without as any).static.errorGetters)).toContain('get stack');
});
