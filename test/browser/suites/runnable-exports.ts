/**
 * Recordings become tests and mock servers (any browser records; run by chromium-runnable-exports.test.ts
 * and firefox-runnable-exports.test.ts): a page's traffic is recorded in the panel and exported
 * through the dialog as a Playwright test and as a mock server. Both then run for real with the
 * page's WebSocket server down: the Playwright test (@playwright/test, Debian's Chromium) passes
 * against the page and fails when the page sends something else; the mock server answers the page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CHROMIUM } from '../../helpers/chromium';
import { fill, panelCount, waitFor } from '../../helpers/panel';
import type { TestServer } from '../../helpers/servers';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Says hello (with an id that differs every run), then sends three bytes; lists what it gets. */
const PAGE = `<!doctype html><title>qa chat</title><ul id="log"></ul><script>
  const params = new URLSearchParams(location.search);
  const ws = new WebSocket(params.get('ws') || location.origin.replace('http', 'ws') + '/echo?qa');
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', id: Math.random().toString(36).slice(2), text: params.get('greet') || 'hi' }));
  ws.onmessage = (e) => {
    const li = document.createElement('li');
    li.textContent = typeof e.data === 'string' ? e.data : 'binary ' + new Uint8Array(e.data).join(',');
    document.getElementById('log').append(li);
    if (document.getElementById('log').children.length === 1) ws.send(new Uint8Array([1, 2, 3]));
  };
</script>`;

function serveQaPage(server: TestServer): string {
  server.page('/qa-chat', PAGE);
  return `${server.url}/qa-chat`;
}

/** The same page from a plain HTTP server: nothing answers WebSockets there. */
async function staticPageServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/qa-chat`, server };
}

function run(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number | null; output: string; child?: ReturnType<typeof spawn> }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('exit', (code) => done({ code, output }));
  });
}

export function defineRunnableExportsSuite(driver: PanelDriver): void {
  // Inside the repository: the exported files import @playwright/test and ws from its node_modules.
  const dir = mkdtempSync(join(ROOT, '.tmp-exports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const s: PanelOnPage = setUpPanelOnPage(driver, {} as PanelOnPage, {
    serve: serveQaPage,
    async beforeGoto() { await driver.downloadTo(dir); },
    opened: () => waitFor(async () => (await panelCount(s.panel)) === '4 frames', 'hello, bytes and their echoes'),
  });

  async function exportAs(format: 'playwright' | 'mock-server', pageUrl?: string): Promise<string> {
    const { panel } = s;
    await panel.click('[data-testid="export"]');
    await panel.waitForSelector('[data-testid="export-dialog"]');
    await panel.click(`[data-testid="export-${format}"]`);
    await panel.waitForSelector('[data-testid="export-volatile"]');
    if (pageUrl) await fill(panel, 'export-page-url', pageUrl);
    const before = new Set(readdirSync(dir));
    await panel.click('[data-testid="export-download"]');
    const ending = format === 'playwright' ? '.spec.mjs' : '.mock-server.mjs';
    const file = await waitFor(() => readdirSync(dir).find((f) => f.endsWith(ending) && !before.has(f)), `the ${format} file`);
    await panel.click('[data-testid="export"]'); // close the dialog
    return waitFor(() => { const text = readFileSync(join(dir, file!), 'utf8'); return text.includes('RECORDING') && text.trimEnd().endsWith(format === 'playwright' ? '});' : ');') ? join(dir, file!) : ''; }, 'the whole file');
  }

  test('the exported Playwright test passes against the page with its server down, and fails when the page changes', async () => {
    const spec = await exportAs('playwright', `${s.server.url}/qa-chat`);
    writeFileSync(join(dir, 'playwright.config.mjs'), `export default {
  testDir: '.', testMatch: /\\.spec\\.mjs$/, timeout: 60000, workers: 1, reporter: 'line', outputDir: './results',
  use: { browserName: 'chromium', headless: true, launchOptions: { executablePath: ${JSON.stringify(CHROMIUM)}, args: ['--no-sandbox', '--disable-gpu'] } },
};\n`);
    const { url, server } = await staticPageServer();
    try {
      const cli = join(ROOT, 'node_modules/@playwright/test/cli.js');
      const pass = await run([cli, 'test', '--config', 'playwright.config.mjs', spec], { WSINSPECT_PAGE_URL: url }, dir);
      expect(pass.output).toMatch(/1 passed/);
      expect(pass.code).toBe(0);
      const fail = await run([cli, 'test', '--config', 'playwright.config.mjs', spec], { WSINSPECT_PAGE_URL: `${url}?greet=changed` }, dir);
      expect(fail.code).not.toBe(0);
      expect(fail.output).toContain('what the page sent on');
      expect(fail.output).toMatch(/text\\?":\\?"changed/);
    } finally {
      server.close();
    }
  });

  test('the exported mock server answers the page as the recorded server did', async () => {
    const file = await exportAs('mock-server');
    const child = spawn(process.execPath, [file, '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const { url, server } = await staticPageServer();
    const page = await driver.newPage();
    try {
      const port = await waitFor(() => /listening on ws:\/\/[\d.]+:(\d+)/.exec(output)?.[1], 'the mock server');
      await page.goto(`${url}?ws=${encodeURIComponent(`ws://127.0.0.1:${port}/echo?qa`)}`);
      const log = () => page.$$eval('#log li', (els) => els.map((e) => e.textContent));
      await waitFor(async () => (await log()).length === 2, 'both recorded answers');
      expect((await log())[0]).toMatch(/^\{"type":"hello","id":"\w+","text":"hi"\}$/);
      expect((await log())[1]).toBe('binary 1,2,3');
      await page.close();
      await waitFor(() => output.includes('/echo?qa: as recorded'), 'the server to find the page as recorded');
    } finally {
      child.kill('SIGTERM');
      server.close();
      await page.close().catch(() => {});
    }
  });
}
