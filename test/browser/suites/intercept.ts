/**
 * Breakpoints and rules (any browser, see ./driver.ts), checked against what the real server
 * received and what the page's own code saw: rewrite and block rules in both directions,
 * frames held until forwarded (edited) or dropped, order kept, timeout, Forward all, and
 * release when the panel goes away. Run by chromium-intercept.test.ts and firefox-intercept.test.ts.
 */
import { expect, test } from 'vitest';
import { fill, panelCount, waitFor } from '../../helpers/panel';
import { serveAppPage } from '../shared/pages';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

/** Declares the tests (in order: the last one closes the panel) and returns what they ran on. */
export function defineInterceptSuite(driver: PanelDriver): PanelOnPage {
  const s: PanelOnPage = setUpPanelOnPage(driver, {} as PanelOnPage, {
    serve: serveAppPage,
    async opened() {
      await waitFor(async () => (await panelCount(s.panel)) === '2 frames', 'ready and its echo');
      await s.panel.click('[data-testid="breakpoints-toggle"]');
      await s.panel.waitForSelector('[data-testid="breakpoints"]');
    },
  });

  const seen = () => s.page.evaluate(() => (window as any).seen as string[]);
  const serverTexts = () => s.server.received.map((m) => m.text);
  const say = (...texts: string[]) => s.page.evaluate((t) => (window as any).say(...t), texts);
  const settle = () => new Promise((r) => setTimeout(r, 200)); // rules and breakpoints reach the hook

  async function addRule(o: { name: string; dir: string; match: string; regex?: boolean; action: string; value?: string; path?: string }) {
    await fill(s.panel, 'rule-name', o.name);
    await s.panel.select('[data-testid="rule-dir"]', o.dir);
    await fill(s.panel, 'rule-match', o.match);
    if (o.regex) await s.panel.click('[data-testid="rule-regex"]');
    await s.panel.select('[data-testid="rule-action"]', o.action);
    if (o.path !== undefined) await fill(s.panel, 'rule-path', o.path);
    if (o.value !== undefined) await fill(s.panel, 'rule-value', o.value);
    await s.panel.click('[data-testid="rule-add"]');
  }

  test('rules rewrite outgoing text (regex with groups) and edit incoming JSON', async () => {
    await addRule({ name: 'cats to dogs', dir: 'sent', match: 'cat(s?)', regex: true, action: 'replace', value: 'dog$1' });
    await addRule({ name: 'rename user', dir: 'received', match: '"user"', action: 'json-set', path: '$.user', value: '"mallory"' });
    await waitFor(async () => (await s.panel.$$('[data-testid="rule"]')).length === 2, 'two rules listed');
    await settle();
    await say('my cats and a cat', '{"user":"bob"}');
    await waitFor(() => serverTexts().includes('{"user":"bob"}'), 'both at the server');
    expect(serverTexts()).toContain('my dogs and a dog');
    expect(serverTexts()).not.toContain('my cats and a cat');
    await waitFor(async () => (await seen()).includes('{"user":"mallory"}'), 'the page sees the edited echo');
    expect(await seen()).not.toContain('{"user":"bob"}');
    await waitFor(async () => (await s.panel.$$('[data-testid="rewritten"]')).length === 2, 'two rewritten rows');
  });

  test('a block rule keeps frames from the page and from the server', async () => {
    await addRule({ name: 'no pings', dir: 'both', match: 'ping', action: 'block' });
    await settle();
    const before = s.server.received.length;
    await say('ping', 'pong');
    await waitFor(async () => (await seen()).includes('pong'), 'pong echoed');
    expect(s.server.received.length).toBe(before + 1);
    expect(serverTexts()).not.toContain('ping');
    await waitFor(async () => (await s.panel.$$('[data-testid="blocked"]')).length === 1, 'the blocked row');
    // Rules off again for the breakpoint tests.
    for (const b of await s.panel.$$('[data-testid="rule"] button')) await b.click().catch(() => {});
    await waitFor(async () => (await s.panel.$$('[data-testid="rule"]')).length === 0, 'rules removed');
  });

  // Rules go to every frame's hook (each has its own, reached through its own relay): they must
  // reach sockets of every frame, about:blank ones included, not only the top one.
  test('rules apply to sockets in an about:blank iframe and a same-origin iframe opened before them', async () => {
    await s.page.evaluate(async (wsUrl) => {
      const open = (win: any) => new Promise((resolve) => {
        const ws = new win.WebSocket(`${wsUrl}/echo`);
        ws.onopen = () => resolve(ws);
      });
      const blank = document.createElement('iframe');
      document.body.append(blank);
      const same = document.createElement('iframe');
      same.src = '/app?frame';
      document.body.append(same);
      await new Promise((r) => { same.onload = r; });
      (window as any).frameSockets = [await open(blank.contentWindow), await open(same.contentWindow)];
    }, s.server.wsUrl);
    await addRule({ name: 'frames', dir: 'sent', match: 'from a frame', action: 'replace', value: 'rewritten in a frame' });
    await settle();
    await s.page.evaluate(() => (window as any).frameSockets.forEach((ws: WebSocket) => ws.send('from a frame')));
    await waitFor(() => serverTexts().filter((t) => t === 'rewritten in a frame').length === 2, 'both frames\' frames rewritten');
    expect(serverTexts()).not.toContain('from a frame');
    for (const b of await s.panel.$$('[data-testid="rule"] button')) await b.click().catch(() => {});
    await waitFor(async () => (await s.panel.$$('[data-testid="rule"]')).length === 0, 'rules removed');
  });

  test('outgoing breakpoint: held in order, forwarded edited; later frames wait behind it', async () => {
    await s.panel.click('[data-testid="break-sent"]');
    await fill(s.panel, 'break-match', 'hold me');
    await settle();
    const before = s.server.received.length;
    await say('hold me 1', 'then me');
    await s.panel.waitForSelector('[data-testid="held"]');
    await new Promise((r) => setTimeout(r, 300));
    expect(s.server.received.length).toBe(before);
    expect(await s.panel.$$('[data-testid="held"]')).toHaveLength(1);
    await fill(s.panel, 'held-text', 'edited 1');
    await s.panel.click('[data-testid="held-forward"]');
    await waitFor(() => s.server.received.length === before + 2, 'both frames sent');
    expect(serverTexts().slice(-2)).toEqual(['edited 1', 'then me']);
    await s.panel.click('[data-testid="break-sent"]');
  });

  test('incoming breakpoint: drop one, forward all the rest', async () => {
    await s.panel.click('[data-testid="break-received"]');
    await fill(s.panel, 'break-match', 'secret');
    await settle();
    await say('secret A', 'secret B', 'public');
    await waitFor(async () => (await s.panel.$$('[data-testid="held"]')).length === 2, 'two held echoes');
    expect(await seen()).not.toContain('public'); // waits behind the held ones: order is kept
    await s.panel.click('[data-testid="held-drop"]');
    await waitFor(async () => (await s.panel.$$('[data-testid="held"]')).length === 1, 'one left');
    await s.panel.click('[data-testid="forward-all"]');
    await waitFor(async () => (await seen()).includes('public'), 'the rest delivered');
    expect((await seen()).slice(-2)).toEqual(['secret B', 'public']);
    expect(await seen()).not.toContain('secret A');
  });

  test('held frames are forwarded after the timeout, and when the panel goes away', async () => {
    await s.panel.click('[data-testid="break-received"]');
    await fill(s.panel, 'break-match', 'slow');
    // 3 s: long enough that a panel starved of CPU still draws the held frame before it goes on.
    await s.panel.$eval('.breakpoints input[type="number"]', (e) => { const i = e as HTMLInputElement; i.value = '3'; i.dispatchEvent(new Event('input', { bubbles: true })); });
    await settle();
    await settle();
    const asked = Date.now();
    await say('slow one');
    await s.panel.waitForSelector('[data-testid="held"]');
    await waitFor(async () => (await seen()).includes('slow one'), 'forwarded after 3 s', 10_000);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(2900);

    await say('slow two');
    await s.panel.waitForSelector('[data-testid="held"]');
    expect(await seen()).not.toContain('slow two');
    await s.panel.close();
    await waitFor(async () => (await seen()).includes('slow two'), 'released when the panel closed', 5000);
    await say('after close');
    await waitFor(async () => (await seen()).includes('after close'), 'no breakpoint any more');
  });

  return s;
}
