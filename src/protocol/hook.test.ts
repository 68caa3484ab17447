import { describe, expect, test } from 'vitest';
import { parseHookMessage } from './hook';

describe('parseHookMessage', () => {
  test('accepts each well-formed message and returns a copy', () => {
    const m = { k: 'new', id: 1, t: 5.25, url: 'ws://x/', protocols: ['a', 'b'], api: 'WebSocket', extra: 'dropped' };
    const parsed = parseHookMessage(m);
    expect(parsed).toEqual({ k: 'new', id: 1, t: 5.25, url: 'ws://x/', protocols: ['a', 'b'], api: 'WebSocket' });
    expect((parsed as { protocols: string[] }).protocols).not.toBe(m.protocols);
    expect(parseHookMessage({ k: 'open', id: 1, t: 1, protocol: 'p', extensions: '' })).toMatchObject({ k: 'open' });
    expect(parseHookMessage({ k: 'send', id: 1, t: 1, data: 'hi', state: 1 })).toMatchObject({ data: 'hi' });
    expect(parseHookMessage({ k: 'message', id: 1, t: 1, data: new ArrayBuffer(2) })).toMatchObject({ k: 'message' });
    expect(parseHookMessage({ k: 'message', id: 1, t: 1, data: new Blob(['x']) })).toMatchObject({ k: 'message' });
    expect(parseHookMessage({ k: 'error', id: 1, t: 1 })).toEqual({ k: 'error', id: 1, t: 1 });
    expect(parseHookMessage({ k: 'close', id: 1, t: 1, code: 1000, reason: '', wasClean: true })).toMatchObject({ code: 1000 });
  });

  test.each([
    null, 'x', 42, [], {},
    { k: 'nope', id: 1, t: 1 },
    { k: 'error', id: '1', t: 1 },
    { k: 'error', id: 1, t: NaN },
    { k: 'new', id: 1, t: 1, url: 5, protocols: [] },
    { k: 'new', id: 1, t: 1, url: 'ws://x', protocols: [1] },
    { k: 'new', id: 1, t: 1, url: 'ws://x', protocols: 'a' },
    { k: 'send', id: 1, t: 1, data: { length: 3 }, state: 1 },
    { k: 'send', id: 1, t: 1, data: new Uint8Array(2), state: 1 },
    { k: 'message', id: 1, t: 1 },
    { k: 'close', id: 1, t: 1, code: 1000, reason: 'x'.repeat(2000), wasClean: true },
    { k: 'close', id: 1, t: 1, code: 1000, reason: '', wasClean: 'yes' },
  ])('rejects %j', (m) => {
    expect(parseHookMessage(m)).toBeNull();
  });
});
