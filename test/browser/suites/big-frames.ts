/**
 * Big frames (any browser, see ./driver.ts): a frame over the preview threshold reaches the
 * panel as a marked preview; its full payload is fetched from the page on demand (a view that
 * needs it, copy, export) and is exact; a payload whose document is gone is exported as a
 * preview and says so. Run by chromium-big-frames.test.ts and firefox-big-frames.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { panelCount, waitFor } from '../../helpers/panel';
import type { TestServer } from '../../helpers/servers';
import { chooseMenuItem, rightClickRow } from '../shared/panel';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

/** The payloads, built the same way in the page and here: JSON text with non-ASCII and astral characters, and binary. */
const MAKE = `{
  text: (n) => '{"rows":[' + Array.from({ length: n }, (_, i) => '{"i":' + i + ',"s":"é€😀 row ' + i + '"}').join(',') + ']}',
  binary: (n) => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = (i * 31 + (i >> 9)) & 255; return b; },
}`;
const ROWS = 150_000; // ~5 MB of text
const BYTES = 4 * 1024 * 1024 + 5;
const make = eval(`(${MAKE})`) as { text(n: number): string; binary(n: number): Uint8Array };
const TEXT = make.text(ROWS);
const BINARY_BASE64 = Buffer.from(make.binary(BYTES)).toString('base64');

function serveBigPage(server: TestServer): string {
  server.page('/big', `<script>
    const make = ${MAKE};
    const ws = new WebSocket('${server.wsUrl}/echo');
    window.ready = new Promise((r) => { ws.onopen = r; });
    window.big = (kind) => ws.send(kind === 'text' ? make.text(${ROWS}) : make.binary(${BYTES}));
  </script>`);
  return `${server.url}/big`;
}

interface BigSuite extends PanelOnPage { downloads: string }

export function defineBigFramesSuite(driver: PanelDriver): void {
  const downloads = mkdtempSync(join(tmpdir(), 'wsinspect-big-'));
  const s: BigSuite = setUpPanelOnPage(driver, { downloads } as BigSuite, {
    serve: serveBigPage,
    loaded: async () => {
      await s.page.evaluate(async () => { await (window as any).ready; (window as any).big('text'); (window as any).big('binary'); });
      await waitFor(() => s.server.received.length === 2, 'both big frames at the server', 30_000);
    },
    clipboard: true,
    opened: () => waitFor(async () => (await panelCount(s.panel)) === '4 frames', 'the big frames and their echoes', 30_000),
  });
  afterAll(() => rmSync(downloads, { recursive: true, force: true }));

  const selectBig = async (dir: string, opcode: string) => {
    await s.panel.$$eval('[data-testid="frame-row"]', (rows, d, o) => {
      (rows.find((r) => r.getAttribute('data-dir') === d && r.getAttribute('data-opcode') === o) as HTMLElement).click();
    }, dir, opcode);
    await waitFor(() => s.panel.$('[data-testid="details"]'), 'the details pane');
  };
  const detailsText = (testid: string) => s.panel.$eval(`[data-testid="${testid}"]`, (e) => e.textContent ?? '').catch(() => null);

  const exportHar = async () => {
    const { panel } = s;
    for (const f of readdirSync(downloads)) rmSync(join(downloads, f));
    await driver.downloadTo(downloads);
    await panel.click('[data-testid="export"]');
    await panel.waitForSelector('[data-testid="export-dialog"]');
    await panel.click('[data-testid="export-download"]');
    const status = await waitFor(async () => { const t = await detailsText('export-status'); return t?.startsWith('Downloaded') && t; }, 'the export', 60_000);
    await panel.click('[data-testid="export"]'); // close the dialog
    const file = await waitFor(() => readdirSync(downloads).find((f) => f.endsWith('.har')), 'the downloaded file');
    const text = await waitFor(() => { try { const t = readFileSync(join(downloads, file!), 'utf8'); JSON.parse(t); return t; } catch { return ''; } }, 'the whole download', 30_000);
    return { status: status as string, messages: JSON.parse(text).log.entries.flatMap((e: any) => e._webSocketMessages) as Array<{ type: string; opcode: number; data: string; _truncated?: string }> };
  };

  test('a big text frame comes as a marked preview; the JSON tree fetches the full payload on demand', async () => {
    await selectBig('received', 'text');
    expect(await detailsText('details-truncated')).toMatch(/^This 5\.\d MB frame came as a preview: the panel has its first \d+\.\d KB\./);
    expect((await detailsText('details-body'))!.startsWith('{"rows":[{"i":0,"s":"é€😀 row 0"}')).toBe(true);
    await s.panel.click('[data-testid="tab-tree"]');
    expect(await detailsText('needs-full')).toMatch(/^The JSON tree needs the whole payload/);
    await s.panel.click('[data-testid="load-full-view"]');
    await waitFor(() => s.panel.$('[data-testid="json-tree"]'), 'the JSON tree of the full payload', 30_000);
    expect(await detailsText('json-tree')).toContain(`Array(${ROWS})`);
    expect(await s.panel.$('[data-testid="details-truncated"]')).toBeNull();
  });

  test('a big binary frame: "show more" past the preview loads the rest; copy as base64 copies it all', async () => {
    await selectBig('sent', 'binary');
    await s.panel.click('[data-testid="tab-base64"]');
    const before = (await detailsText('details-body'))!;
    expect(BINARY_BASE64.startsWith(before)).toBe(true);
    // Within the preview "show more" shows more of it; past the preview, it loads the rest first.
    for (let shown = 64; shown + 64 <= 255; shown += 64) {
      await s.panel.click('[data-testid="show-more"]');
      await waitFor(async () => (await detailsText('details-view'))?.includes(`showing the first ${shown + 64}.0 KB`), `${shown + 64} KB shown`);
      expect(await s.panel.$('[data-testid="full-progress"]')).toBeNull();
    }
    await s.panel.click('[data-testid="show-more"]');
    await waitFor(async () => !(await s.panel.$('[data-testid="details-truncated"]')), 'the full payload', 30_000);
    await waitFor(async () => ((await detailsText('details-body'))?.length ?? 0) > before.length, 'more base64');
    expect(BINARY_BASE64.startsWith((await detailsText('details-body'))!)).toBe(true);

    await s.panel.evaluate(() => navigator.clipboard.writeText('(nothing yet)'));
    await rightClickRow(s.panel, '00 1f 3e 5d'); // a binary row's preview: its first bytes in hex
    await chooseMenuItem(s.panel, 'Copy as base64');
    const copied = await waitFor(async () => { const t = await s.panel.evaluate(() => navigator.clipboard.readText()); return t !== "(nothing yet)" && t; }, "the clipboard", 30_000) as string;
    expect(copied.length).toBe(BINARY_BASE64.length);
    expect(copied === BINARY_BASE64).toBe(true);
  });

  test('the HAR export holds every big payload whole', async () => {
    const { status, messages } = await exportHar();
    expect(status).toMatch(/^Downloaded wsinspect-[\dT-]+Z\.har$/);
    expect(messages.map((m) => [m.type, m.opcode]).sort()).toEqual([['receive', 1], ['receive', 2], ['send', 1], ['send', 2]]);
    for (const m of messages) {
      expect(m._truncated).toBeUndefined();
      expect(m.data === (m.opcode === 1 ? TEXT : BINARY_BASE64), `${m.type} ${m.opcode} is exact`).toBe(true);
    }
  });

  test('a big frame whose document is gone (reloaded, log preserved) is exported as a preview and says so', async () => {
    const { page, panel } = s;
    await page.evaluate(() => (window as any).big('text'));
    await waitFor(async () => (await panelCount(panel)) === '6 frames', 'the third big frame and its echo', 30_000);
    await panel.click('[data-testid="preserve-log"]');
    await page.reload();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await panelCount(panel)).toBe('6 frames');
    const { status, messages } = await exportHar();
    expect(status).toMatch(/^Downloaded wsinspect-[\dT-]+Z\.har\. 2 big frames could not be fetched in full \(the page no longer holds them\): exported as previews, marked "truncated"$/);
    const cut = messages.filter((m) => m._truncated);
    expect(cut).toHaveLength(2);
    for (const m of cut) {
      expect(m._truncated).toMatch(/could not be fetched from the page \(the page no longer holds this payload: its document is gone .*\): data holds only its first \d+ bytes$/);
      expect(TEXT.startsWith(m.data) && m.data.length < TEXT.length).toBe(true);
    }
    expect(messages.filter((m) => !m._truncated).every((m) => m.data === (m.opcode === 1 ? TEXT : BINARY_BASE64))).toBe(true);
    await panel.click('[data-testid="preserve-log"]');
  });
}
