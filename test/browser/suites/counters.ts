/**
 * Counters and hostile reports, in any browser (part of the security suite): what the page world
 * reports is validated, times no Date can hold are replaced and counted, a socket with a very long
 * url stays listed (cut and marked), and every way capture can lose something is counted once and
 * shown. The page's world is untrusted: the forging page stands in for one that got hold of the
 * hook's reporting (README, security model: known limit). Here a script that runs before the
 * hook (as a test can add) swaps the port in the hook's handshake for one of its own.
 */
import type { Page } from 'puppeteer-core';
import { expect, onTestFinished, test } from 'vitest';
import { panelCount, panelRows, waitFor } from '../../helpers/panel';
import type { TestServer } from '../../helpers/servers';
import { HOOK_HANDSHAKE, MAX_URL } from '../../../src/protocol/hook';
import { DEFAULT_LIMITS } from '../../../src/relay/backlog';
import { watchErrors } from '../robustness/panel';
import type { SecurityDriver } from './security';

/** Each shown loss notice, by its data-testid. */
export function lossTexts(panel: Page): Promise<Record<string, string>> {
  return panel.$$eval('.chips .warning[data-testid]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-testid'), e.textContent ?? ''])));
}

const FORGED_CONNECTIONS = 2_100;
/** The three open sockets stay; the closed ones beyond the backlog's cap are forgotten. */
const FORGOTTEN = 3 + FORGED_CONNECTIONS - DEFAULT_LIMITS.maxConnections;

/** Runs in the forging page: hook reports no hook would send, on the port the relay took. */
function forge(count: number): void {
  const w = window as any;
  const now = () => performance.timeOrigin + performance.now();
  const batch: unknown[] = [
    { k: 'new', id: 1, t: now(), url: 'ws://forged.test/ok', protocols: [], api: 'WebSocket' },
    { k: 'open', id: 1, t: now(), protocol: '', extensions: '' },
    { k: 'message', id: 1, t: now(), data: 'valid time' },
    { k: 'new', id: 2, t: -1e20, url: 'ws://forged.test/bad-times', protocols: [], api: 'WebSocket' },
    { k: 'message', id: 2, t: -1e20, data: 'time -1e20' },
    { k: 'message', id: 2, t: 1e16, data: 'time 1e16' },
    { k: 'send', id: 2, t: Infinity, data: 'time Infinity', state: 1 },
    { k: 'send', id: 2, t: NaN, data: 'time NaN', state: 1 },
    { k: 'message', id: 2, t: performance.timeOrigin - 86_400_000, data: 'a day before the page' },
    { k: 'new', id: 3, t: now(), url: `ws://forged.test/long?${'a'.repeat(70_000)}`, protocols: [], api: 'WebSocket' },
    { k: 'message', id: 3, t: now(), data: 'on the long url' },
    // Refused: bad ids (3: zero, fractional, unsafe; WebSocketStreams count down from -1), an unknown kind, bad fields (2), not objects (2).
    { k: 'message', id: 0, t: now(), data: 'zero id' },
    { k: 'message', id: 1.5, t: now(), data: 'fractional id' },
    { k: 'message', id: 2 ** 60, t: now(), data: 'unsafe id' },
    { k: 'explode', id: 1, t: now() },
    { k: 'close', id: 1, t: now(), code: 1e300, reason: '', wasClean: true },
    { k: 'message', id: 1, t: now(), data: { length: 3 } },
    'a string',
    null,
  ];
  for (let i = 0; i < count; i++) {
    batch.push({ k: 'new', id: 100 + i, t: now(), url: `ws://forged.test/churn/${i}`, protocols: [], api: 'WebSocket' });
    batch.push({ k: 'close', id: 100 + i, t: now(), code: 1000, reason: '', wasClean: true });
  }
  w.forgedPort.postMessage(batch);
}

export function defineCounterSuite(b: SecurityDriver, server: () => TestServer): void {
  async function openPage(path: string, html: string, errors: string[], before?: string): Promise<Page> {
    server().page(path, html);
    const page = await b.newPage();
    onTestFinished(() => page.close().catch(() => {}));
    watchErrors(page, 'page', errors);
    if (before) await page.evaluateOnNewDocument(before);
    await page.goto(`${server().url}${path}`);
    return page;
  }

  async function panelFor(page: Page, errors: string[]): Promise<Page> {
    const panel = await b.openPanel(page);
    onTestFinished(() => panel.close().catch(() => {}));
    watchErrors(panel, 'panel', errors);
    return panel;
  }

  test('forged reports with absurd times, bad ids and a 70,000-character url: nothing crashes or hides, each is counted', async () => {
    const errors: string[] = [];
    const before = `{
      const post = window.postMessage;
      window.postMessage = function (message, origin, transfer) {
        if (message !== ${JSON.stringify(HOOK_HANDSHAKE)}) return post.call(this, message, origin, transfer);
        const c = new MessageChannel();
        window.forgedPort = c.port1;
        return post.call(this, message, origin, [c.port2]);
      };
    }`;
    const page = await openPage('/forged', '<!doctype html><title>forged</title>', errors, before);
    await page.evaluate(forge, FORGED_CONNECTIONS);
    const panel = await panelFor(page, errors);

    // Every frame with a bad time is listed, at a time that formats (the relay's clock).
    await waitFor(async () => {
      if ((await panelCount(panel)) !== '7 frames') throw new Error(`${await panelCount(panel)} ${await panel.evaluate(() => document.body.innerText.slice(0, 300))}`);
      return true;
    }, 'the 7 forged frames with valid ids');
    const times = await waitFor(async () => {
      const t = await panel.$$eval('[data-testid="frame-row"] .c-time', (els) => els.map((e) => [e.textContent, e.getAttribute('title')]));
      return t.length === 7 ? t : null;
    }, 'every row rendered');
    for (const [clock, full] of times!) {
      expect(clock).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
      expect(full).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    // The long url's socket is listed, its url cut and marked.
    const urls = await panel.$$eval('[data-testid="connection"] .conn-url', (els) => els.map((e) => e.textContent ?? ''));
    expect(urls.filter((u) => u.includes('forged.test/ok') || u.includes('bad-times'))).toHaveLength(2);
    const long = urls.find((u) => u.includes('/long?'));
    expect(long, 'the socket with the long url').toBeDefined();
    expect(long!.endsWith('a…')).toBe(true);
    expect(long!.length).toBeLessThan(MAX_URL + 20);

    const notices = await waitFor(async () => {
      const n = await lossTexts(panel);
      return n.rejected && n.clamped && n.forgotten ? n : null;
    }, 'the loss notices');
    expect(notices).toEqual({
      rejected: '8 malformed reports from the page refused',
      clamped: '6 event times out of range, replaced',
      forgotten: `${FORGOTTEN.toLocaleString('en-US')} closed connections forgotten before DevTools opened`,
    });
    const why = await panel.$eval('[data-testid="rejected"]', (e) => e.getAttribute('title'));
    expect(why).toContain('bad id: 3');
    expect(why).toContain('bad field: 2');
    expect(why).toContain('not an object: 2');
    expect(why).toContain('unknown kind: 1');
    expect(errors).toEqual([]);
  });

  test('no panel listening: the hook keeps what it captures and posts almost nothing; a panel opened later gets every frame', async () => {
    const N = 500;
    const errors: string[] = [];
    // Runs before the hook: puts a counting relay between the hook's port and the relay's.
    const before = `{
      const post = window.postMessage;
      window.crossings = { toRelay: 0, toHook: 0 };
      window.postMessage = function (message, origin, transfer) {
        if (message !== ${JSON.stringify(HOOK_HANDSHAKE)}) return post.call(this, message, origin, transfer);
        const hook = transfer[0], c = new MessageChannel();
        hook.onmessage = (e) => { crossings.toRelay++; c.port1.postMessage(e.data); };
        c.port1.onmessage = (e) => { crossings.toHook++; hook.postMessage(e.data); };
        return post.call(this, message, origin, [c.port2]);
      };
    }`;
    const page = await openPage('/quiet', `<!doctype html><script>
      window.echoes = (n) => new Promise((done) => {
        const ws = new WebSocket('${server().wsUrl}/echo');
        let left = n;
        ws.onopen = () => ws.send('ping ' + left);
        ws.onmessage = () => { if (--left > 0) ws.send('ping ' + left); else done(); };
      });
    </script>`, errors, before);
    await page.evaluate((n) => (window as any).echoes(n), N);
    const quiet = await page.evaluate(() => ({ ...(window as any).crossings }));
    // A doorbell for the first report and its pull; then one per 256 KB waiting (here < 256 KB).
    expect(quiet.toRelay, `messages to the relay for ${2 * N} frames and the socket's events`).toBeLessThanOrEqual(4);
    const panel = await panelFor(page, errors);
    await waitFor(async () => (await panelCount(panel)) === `${2 * N} frames`, `all ${2 * N} frames in the panel`);
    // Live now: what the page does next is posted as it happens.
    await page.evaluate(() => (window as any).echoes(3));
    await waitFor(async () => (await panelCount(panel)) === `${2 * N + 6} frames`, 'the live frames too');
    const live = await page.evaluate(() => ({ ...(window as any).crossings }));
    expect(live.toRelay - quiet.toRelay, 'live reports, posted as they happen').toBeGreaterThanOrEqual(6);
    expect(await lossTexts(panel)).toEqual({});
    expect(errors).toEqual([]);
  });

  test('a real socket whose url is over 65,536 characters stays listed with its frames, its url cut and marked', async () => {
    const errors: string[] = [];
    const long = `${server().wsUrl}/echo?${'q'.repeat(70_000)}`;
    const page = await openPage('/long-url', `<!doctype html><script>
      window.echoed = false;
      const ws = new WebSocket(${JSON.stringify(long)});
      ws.onopen = () => ws.send('long url hello');
      ws.onmessage = () => { window.echoed = true; };
    </script>`, errors);
    await waitFor(() => page.evaluate(() => (window as any).echoed), 'the page to get its echo');
    const panel = await panelFor(page, errors);
    await waitFor(async () => (await panelCount(panel)) === '2 frames', 'the frame and its echo');
    const urls = await waitFor(async () => {
      const u = await panel.$$eval('[data-testid="connection"] .conn-url', (els) => els.map((e) => e.textContent ?? ''));
      return u.length ? u : null;
    }, 'the socket in the list');
    expect(urls!).toHaveLength(1);
    expect(urls![0]).toContain('/echo?qqqq');
    expect(urls![0].endsWith('q…')).toBe(true);
    expect(await panel.$eval('[data-testid="connection"]', (e) => e.textContent)).toContain('↑1 (');
    expect(await panel.$eval('[data-testid="connection"]', (e) => e.getAttribute('title'))).toContain(`(url cut: the page's was ${long.length.toLocaleString('en-US')} characters long)`);
    expect(errors).toEqual([]);
  });

  test('Preserve log on, the page floods and navigates away: every frame it sent is kept, and nothing is counted lost', async () => {
    const N = 20_000;
    const errors: string[] = [];
    server().page('/after-flood', '<!doctype html><title>next</title>');
    const page = await openPage('/flood', `<!doctype html><script>
      const ws = new WebSocket('${server().wsUrl}/sink');
      window.opened = new Promise((resolve) => { ws.onopen = resolve; });
      window.floodAndLeave = (n) => { for (let i = 0; i < n; i++) ws.send('flood-' + i); location.href = '/after-flood'; };
    </script>`, errors);
    await page.evaluate(() => (window as any).opened);
    const panel = await panelFor(page, errors);
    await waitFor(() => panel.$('[data-testid="connection"]'), 'the socket in the panel (the relay is live)');
    await waitFor(() => panel.$('[data-testid="preserve-log"]'), 'the toolbar');
    if (!(await panel.$eval('[data-testid="preserve-log"]', (e) => (e as HTMLInputElement).checked))) await panel.click('[data-testid="preserve-log"]');
    // The setting persists: off again for the tests after this one.
    onTestFinished(async () => {
      await panel.click('[data-testid="preserve-log"]').catch(() => {});
      await new Promise((r) => setTimeout(r, 200)); // the setting is stored asynchronously
    });
    await waitFor(() => panel.$eval('[data-testid="preserve-log"]', (e) => (e as HTMLInputElement).checked), 'Preserve log on');
    await page.evaluate((n) => (window as any).floodAndLeave(n), N).catch(() => {}); // the page may be gone before the answer
    await waitFor(() => page.evaluate(() => document.title === 'next').catch(() => false), 'the next page');
    await waitFor(async () => {
      const text = await panel.$eval('[data-testid="connection"]', (e) => e.textContent ?? '');
      if (!text.includes(`↑${N} (`)) throw new Error(`${text} / ${await panelCount(panel)} / ${JSON.stringify(await lossTexts(panel))}`);
      return true;
    }, `all ${N} sent frames of the first document in the panel`, 30_000);
    expect(await panelCount(panel)).toBe(`${N} frames`);
    expect(await lossTexts(panel)).toEqual({});
    expect(errors).toEqual([]);
    await panel.click('[data-testid="preserve-log"]');
    await waitFor(() => panel.$eval('[data-testid="preserve-log"]', (e) => !(e as HTMLInputElement).checked), 'Preserve log off again');
  });

  test('back to a page from the back/forward cache: what it captures afterwards reaches the panel', async () => {
    const errors: string[] = [];
    server().page('/elsewhere', '<!doctype html><title>elsewhere</title>');
    const page = await openPage('/cached', `<!doctype html><title>cached</title><script>
      window.ws = new WebSocket('${server().wsUrl}/echo?cached');
      window.ws.onopen = () => window.ws.send('before leaving');
      // A page loaded anew (no cache) has a new socket, maybe still connecting: send once open.
      window.more = () => new Promise((resolve) => {
        const go = () => { window.ws.send('after coming back'); resolve(); };
        if (window.ws.readyState === WebSocket.CONNECTING) window.ws.addEventListener('open', go); else go();
      });
    </script>`, errors);
    const panel = await panelFor(page, errors);
    await waitFor(async () => (await panelCount(panel)) === '2 frames', 'the frame and its echo');
    await page.goto(`${server().url}/elsewhere`);
    await page.goBack();
    await waitFor(() => page.evaluate(() => document.title === 'cached').catch(() => false), 'the page again');
    await page.evaluate(() => (window as any).more());
    // Chromium closed the socket when the page entered the cache (the send is discarded); a browser
    // that loads the page anew sends it on a new socket. Either way the panel shows it.
    await waitFor(async () => (await panelRows(panel)).some((r) => r.dir === 'sent' && r.preview === 'after coming back'), 'the frame sent after coming back');
    expect(await lossTexts(panel)).toEqual({});
    expect(errors.filter((e) => !/Back-Forward Cache|already in CLOSING or CLOSED/.test(e))).toEqual([]);
  });
}
