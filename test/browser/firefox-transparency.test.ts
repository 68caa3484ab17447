/**
 * Differential transparency test in Firefox ESR: the probe page must observe the same
 * things with and without the extension (see probe/transparency-probe.js).
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

/**
 * Known gap (issue #3): in Firefox, errors thrown through the hook's wrappers carry one
 * extra stack line, `name@<anonymous code>:L:C` (Firefox already hides our URL). Firefox
 * offers no way to rewrite a DOMException's stack from the page's world. Only those
 * lines, and only inside `stack` fields, are removed before comparing; anything else
 * that differs fails the test.
 */
function withoutHookFrames(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return key === 'stack' ? value.split('\n').filter((l) => !/^[\w$.<>/]*@<anonymous code>:\d+:\d+$/.test(l)).join('\n') : value;
  if (Array.isArray(value)) return value.map((v) => withoutHookFrames(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutHookFrames(v, k)]));
  return value;
}

test('a page cannot tell the extension is there (but for the known stack-frame gap)', async () => {
  const without = await observe(false);
  const sentWithout = server.received.length;
  const withExtension = await observe(true);
  expect(JSON.stringify(withExtension)).toContain('@<anonymous code>'); // the gap is still there: revisit when it is not
  expect(withoutHookFrames(withExtension)).toEqual(without);
  const half = server.received.length / 2;
  expect(half).toBe(sentWithout);
  expect(server.received.slice(half)).toEqual(server.received.slice(0, half));
  expect((without as any).socket.echoes).toHaveLength(8);
});
