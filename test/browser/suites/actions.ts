/**
 * Acting on the page's live sockets from the panel (any browser, see ./driver.ts): send,
 * replay, simulate an incoming message / error / server close, close — checked against what
 * the page's own code saw and what the real server received. And the attacks: a page cannot
 * drive them. Run by chromium-actions.test.ts and firefox-actions.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fill, panelRows, waitFor } from '../../helpers/panel';
import { serveChatPage } from '../shared/pages';
import { chooseMenuItem, rightClickRow } from '../shared/panel';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

/**
 * Declares the tests (in order: each leaves the page's sockets as the next expects) and
 * returns what they ran on. They end with the page's third socket, on /echo?third, open.
 */
export function defineActionsSuite(driver: PanelDriver): PanelOnPage {
  const s: PanelOnPage = setUpPanelOnPage(driver, {} as PanelOnPage, {
    serve: serveChatPage,
    loaded: () => waitFor(() => s.server.received.length === 1, 'the page hello'),
    async opened() {
      await waitFor(async () => (await panelRows(s.panel)).length === 2, 'hello and echo in the panel');
      await s.panel.click('[data-testid="compose"]');
      await s.panel.waitForSelector('[data-testid="composer"]');
    },
  });

  const seen = () => s.page.evaluate(() => (window as any).seen as unknown[][]);
  const setComposer = async (mode: string, text: string) => {
    await s.panel.click(`[data-testid="compose-${mode}"]`);
    await fill(s.panel, 'composer-input', text);
  };
  /** Picks the composer's target connection and waits until the panel has re-rendered with it. */
  const target = (n: number) => s.panel.$$eval('[data-testid="composer-target"] option', async (opts, i) => {
    const select = document.querySelector('[data-testid="composer-target"]') as HTMLSelectElement;
    const value = (opts[i] as HTMLOptionElement).value;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    if ((document.querySelector('[data-testid="composer-target"]') as HTMLSelectElement).value !== value) throw new Error('target not applied');
  }, n);
  const rowTexts = () => s.panel.$$eval('[data-testid="frame-row"]', (els) => els.map((e) => e.textContent));

  test('send from the composer reaches the real server and is marked in the table', async () => {
    const { server, panel } = s;
    await target(0);
    await setComposer('json', '{"from":"panel"}');
    await panel.click('[data-testid="composer-send"]');
    await waitFor(() => server.received.some((m) => m.text === '{"from":"panel"}'), 'the server to get it');
    await waitFor(async () => (await seen()).some((x) => x[1] === '{"from":"panel"}'), 'the echo to reach the page');
    await waitFor(async () => (await rowTexts()).some((t) => t!.includes('panel{"from":"panel"}')), 'the sent frame marked "panel"');
  });

  test('a file loaded into the composer is sent as its exact bytes', async () => {
    const { server, panel } = s;
    const file = join(mkdtempSync(join(tmpdir(), 'wsinspect-file-')), 'payload.bin');
    writeFileSync(file, Buffer.from([0, 1, 2, 255, 128]));
    await (await panel.$('[data-testid="composer-file"]') as any).uploadFile(file);
    await waitFor(async () => (await panel.$eval('[data-testid="composer-input"]', (e) => (e as HTMLTextAreaElement).value)) === 'AAEC/4A=', 'the file as base64');
    await panel.click('[data-testid="composer-send"]');
    await waitFor(() => server.received.some((m) => m.binary && m.bytes.equals(Buffer.from([0, 1, 2, 255, 128]))), 'the bytes at the server');
  });

  test('invalid JSON and bad close codes are refused with a message', async () => {
    const { panel } = s;
    await setComposer('json', '{"broken":');
    expect(await panel.$eval('[data-testid="composer-error"]', (e) => e.textContent)).toMatch(/^Invalid JSON/);
    expect(await panel.$eval('[data-testid="composer-send"]', (e) => (e as HTMLButtonElement).disabled)).toBe(true);
    await fill(panel, 'close-code', '1234');
    await panel.click('[data-testid="close-socket"]');
    expect(await panel.$eval('[data-testid="composer-message"]', (e) => e.textContent)).toBe('Close code must be 1000 or 3000–4999');
  });

  test('simulated incoming text and binary reach every listener in order; the server sees nothing', async () => {
    const { server, panel } = s;
    const before = server.received.length;
    await setComposer('text', 'as if from the server');
    await panel.click('[data-testid="composer-simulate"]');
    await waitFor(async () => (await seen()).filter((x) => x[1] === 'as if from the server').length === 2, 'both listeners');
    expect((await seen()).filter((x) => x[1] === 'as if from the server').map((x) => x[0])).toEqual(['onmessage', 'listener']);
    await setComposer('hex', '01 02 ff');
    await panel.click('[data-testid="composer-simulate"]');
    await waitFor(async () => (await seen()).some((x) => x[1] === '1,2,255'), 'binary as an ArrayBuffer');
    expect(server.received.length).toBe(before);
    const badges = () => panel.$$eval('[data-testid="origin"]', (els) => els.map((e) => e.textContent));
    await waitFor(async () => (await badges()).filter((b) => b === 'simulated').length === 2, 'both marked simulated in the table');
  });

  test('replay a captured frame from the context menu', async () => {
    await rightClickRow(s.panel, 'page hello', '[data-testid="frame-row"][data-dir="sent"]');
    await chooseMenuItem(s.panel, 'Replay on its connection');
    await waitFor(() => s.server.received.filter((m) => m.text === 'page hello').length === 2, 'the replayed frame at the server');
  });

  test('simulate error, then a server close the page sees with our code', async () => {
    const { panel } = s;
    await panel.click('[data-testid="simulate-error"]');
    await waitFor(async () => (await seen()).some((x) => x[0] === 'error'), 'error event');
    await fill(panel, 'close-code', '4321');
    await fill(panel, 'close-reason', 'simulated');
    await target(0);
    await panel.click('[data-testid="simulate-close"]');
    await waitFor(async () => (await seen()).some((x) => x[0] === 'close'), 'close event');
    expect((await seen()).find((x) => x[0] === 'close')).toEqual(['close', 4321, 'simulated', true]);
    await waitFor(async () => (await panel.$$eval('[data-testid="connection-state"]', (els) => els.map((e) => e.textContent))).includes('closed 4321 "simulated" (simulated)'), 'simulated close in the panel');
  });

  test('close the other socket for real with a code the server receives', async () => {
    const { server, panel } = s;
    const closed = new Promise<[number, string]>((resolve) => {
      server.onClose = (code, reason) => resolve([code, reason]);
    });
    await fill(panel, 'close-code', '4002');
    await target(0);
    await panel.click('[data-testid="close-socket"]');
    expect(await closed).toEqual([4002, 'simulated']);
    await waitFor(async () => (await seen()).some((x) => x[0] === 'second-close'), 'the page sees its socket closed');
    expect((await seen()).find((x) => x[0] === 'second-close')).toEqual(['second-close', 4002, 'simulated']);
  });

  test('the page cannot drive the hook: fake handshakes and window messages do nothing', async () => {
    const { server, page, panel } = s;
    const before = server.received.length;
    const received = await page.evaluate(async () => {
      const got: unknown[] = [];
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => got.push(e.data);
      window.postMessage('__wsinspect_hook_v1__', '*', [channel.port2]);
      window.postMessage({ v: 1, type: 'command', tabId: 1, frameId: 0, conn: 'x:1', command: { op: 'send', payload: { kind: 'text', text: 'forged' } } }, '*');
      const third = new WebSocket(location.origin.replace('http', 'ws') + '/echo?third');
      await new Promise((r) => { third.onopen = r; });
      third.send('real');
      await new Promise((r) => setTimeout(r, 300));
      return got;
    });
    expect(received).toEqual([]); // nothing was ever reported to the page's fake port
    await waitFor(() => server.received.length === before + 1, 'only the real frame');
    expect(server.received.map((m) => m.text)).not.toContain('forged');
    await waitFor(async () => (await panelRows(panel)).some((r) => r.preview === 'real'), 'the new socket still captured');
  });

  return s;
}
