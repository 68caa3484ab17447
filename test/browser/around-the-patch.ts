/**
 * Constructors a page can reach around the patch: a new about:blank iframe's
 * `contentWindow.WebSocket` used synchronously, a srcdoc frame, a data: and a blob: frame
 * (where the browser runs content scripts there), and `Object.getPrototypeOf(ws).constructor`.
 * Each sends one frame; the panel must show every one the browser lets an extension see.
 * Shared by the Chromium and Firefox test files.
 */
import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { panelRows, waitFor } from '../helpers/panel';
import type { TestServer } from '../helpers/servers';

export const AROUND = ['blank-iframe', 'srcdoc', 'proto-constructor', 'data-frame', 'blob-frame'] as const;

export function serveAroundPage(server: TestServer): string {
  // A JSON string literal, with "</" escaped so it cannot end the page's own <script> block.
  const frameHtml = (label: string) =>
    JSON.stringify(`<script>const w = new WebSocket('${server.wsUrl}/echo'); w.onopen = () => w.send('${label}');</script>`).replace(/<\//g, '<\\/');
  server.page('/around', `<!doctype html><body><script>
    window.go = () => {
    const blank = document.createElement('iframe');
    document.body.appendChild(blank);
    const Blank = blank.contentWindow.WebSocket;
    const a = new Blank('${server.wsUrl}/echo'); a.onopen = () => a.send('blank-iframe');
    const srcdoc = document.createElement('iframe');
    srcdoc.srcdoc = ${frameHtml('srcdoc')};
    document.body.appendChild(srcdoc);
    const first = new WebSocket('${server.wsUrl}/echo');
    const Proto = Object.getPrototypeOf(first).constructor;
    const p = new Proto('${server.wsUrl}/echo'); p.onopen = () => p.send('proto-constructor');
    const data = document.createElement('iframe');
    data.src = 'data:text/html,' + encodeURIComponent(${frameHtml('data-frame')});
    document.body.appendChild(data);
    const blob = document.createElement('iframe');
    blob.src = URL.createObjectURL(new Blob([${frameHtml('blob-frame')}], { type: 'text/html' }));
    document.body.appendChild(blob);
    };
  </script></body>`);
  return `${server.url}/around`;
}

/**
 * With the panel open on the page, opens the five sockets. Nothing may escape: each socket's
 * frame is in the panel, or the socket is listed as uncaptured. `mustCapture` are the ones the
 * browser always runs content scripts for (whether Chromium injects into a data: frame varies).
 */
export async function checkAroundThePatch(server: TestServer, page: Page, panel: Page | Frame, mustCapture: readonly string[]): Promise<void> {
  await page.evaluate(() => (window as any).go());
  await waitFor(() => AROUND.every((l) => server.received.some((m) => m.text === l)), 'all five frames at the server');
  const captured = async () => {
    const sent = (await panelRows(panel)).filter((r) => r.dir === 'sent').map((r) => r.preview);
    return AROUND.filter((l) => sent.includes(l));
  };
  const uncaptured = () => panel.$$eval('[data-testid="uncaptured"]', (els) => els.length);
  await waitFor(async () => (await captured()).length + (await uncaptured()) === AROUND.length, 'every socket captured or listed as uncaptured', 10_000).catch(() => {});
  const shown = await captured();
  expect(shown).toEqual(expect.arrayContaining([...mustCapture]));
  expect(shown.length + (await uncaptured())).toBe(AROUND.length);
}
