import { describe, expect, test } from 'vitest';
import { MAX_URL, parseHookMessage, validateHookMessage } from './hook';

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
    { k: 'error', id: 0, t: 1 },
    { k: 'error', id: 1.5, t: 1 },
    { k: 'error', id: 2 ** 60, t: 1 },
    { k: 'error', id: 1, t: '1' },
    { k: 'resolved', id: 1, t: 1, pauseId: -3, action: 'drop' },
    { k: 'close', id: 1, t: 1, code: 1e300, reason: '', wasClean: true },
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

describe('validateHookMessage (hostile times, ids, urls)', () => {
  const clock = { timeOrigin: 1_700_000_000_000, now: 1_700_000_100_000 };

  test.each([-1e20, 1e16, 1e13 * 1000, Infinity, -Infinity, NaN, 0, clock.timeOrigin - 3_600_000, clock.now + 3_600_000])(
    'a time of %d is replaced by the relay\'s now and marked clamped', (t) => {
      const verdict = validateHookMessage({ k: 'message', id: 1, t, data: 'x' }, clock);
      expect(verdict).toEqual({ ok: true, clamped: true, message: { k: 'message', id: 1, t: clock.now, data: 'x' } });
    });

  test('a time within the document\'s lifetime is kept as is', () => {
    for (const t of [clock.timeOrigin, clock.timeOrigin + 12.5, clock.now]) {
      expect(validateHookMessage({ k: 'error', id: 1, t }, clock)).toEqual({ ok: true, clamped: false, message: { k: 'error', id: 1, t } });
    }
  });

  test('without a clock, times outside the Date range still never pass', () => {
    expect(parseHookMessage({ k: 'error', id: 1, t: -1e20 })).toEqual({ k: 'error', id: 1, t: 0 });
    expect(parseHookMessage({ k: 'error', id: 1, t: 8.64e15 })).toEqual({ k: 'error', id: 1, t: 8.64e15 });
  });

  test('refusals say why', () => {
    expect(validateHookMessage(null)).toEqual({ ok: false, reason: 'not an object' });
    expect(validateHookMessage({ k: 'error', id: 0, t: 1 })).toEqual({ ok: false, reason: 'bad id' });
    // WebSocketStream connections count down from -1 (src/hook/stream.ts).
    expect(validateHookMessage({ k: 'error', id: -1, t: 1 })).toMatchObject({ ok: true });
    expect(validateHookMessage({ k: 'zzz', id: 1, t: 1 })).toEqual({ ok: false, reason: 'unknown kind' });
    expect(validateHookMessage({ k: 'open', id: 1, t: 1, protocol: 5 })).toEqual({ ok: false, reason: 'bad field' });
  });

  test('a socket url over the limit is kept, cut and marked with its full length', () => {
    const url = 'ws://x/?' + 'a'.repeat(70_000);
    const m = parseHookMessage({ k: 'new', id: 1, t: 1, url, protocols: [] }) as { url: string; urlLength?: number };
    expect(m.url).toHaveLength(MAX_URL);
    expect(m.url.endsWith('…')).toBe(true);
    expect(url.startsWith(m.url.slice(0, -1))).toBe(true);
    expect(m.urlLength).toBe(url.length);
    expect(parseHookMessage({ k: 'new', id: 1, t: 1, url: 'ws://x/', protocols: [] })).not.toHaveProperty('urlLength');
  });
});
