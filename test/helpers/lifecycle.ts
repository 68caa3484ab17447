/**
 * What a test file launches once for all its tests: `const server = useServer()` starts it in
 * beforeAll and closes it in afterAll. The value is a stand-in forwarding to the real object,
 * so test bodies use it as they would the object itself (not before beforeAll has run).
 */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from './chromium';
import { launchFirefox, type Firefox } from './firefox';
import { startTestServer, type TestServer } from './servers';

function forFile<T extends object>(start: () => Promise<T>, stop: (value: T) => unknown): T {
  let value: T | undefined;
  beforeAll(async () => { value = await start(); });
  afterAll(async () => { if (value) await stop(value); });
  return new Proxy({} as T, {
    get(_, key) {
      if (!value) throw new Error(`used before beforeAll: ${String(key)}`);
      const v = Reflect.get(value, key, value);
      return typeof v === 'function' ? v.bind(value) : v;
    },
    set(_, key, v) { return Reflect.set(value!, key, v); },
  });
}

export const useServer = (): TestServer => forFile(startTestServer, (s) => s.close());
export const useChromium = (options?: Parameters<typeof launchChromium>[0]): Chromium => forFile(() => launchChromium(options), (c) => c.close());
export const useFirefox = (options?: Parameters<typeof launchFirefox>[0]): Firefox => forFile(() => launchFirefox(options), (f) => f.close());
