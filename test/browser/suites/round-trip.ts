/**
 * Issue 13, finding 1, through the UI (any browser, see ./driver.ts): a recording of three
 * interleaved sockets, one closed by the page, then a reload with the log preserved (three more),
 * is exported as HAR, NDJSON and JSON with the Export dialog, imported back with the file input,
 * and must come back whole: the same frame count, the same per-connection counts, and exported
 * again, the same frames in the same order. Run by chromium-round-trip.test.ts and firefox-round-trip.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { TestServer } from '../../helpers/servers';
import { panelCount, waitFor } from '../../helpers/panel';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

/** Per page load: 3 sockets × 7 text sends + 1 binary send on the third, all echoed. */
const PER_LOAD = (3 * 7 + 1) * 2;
const TOTAL = PER_LOAD * 2;

function serveInterleavedPage(server: TestServer): string {
  server.page('/interleaved', `<script>
    const socks = [0, 1, 2].map((i) => new WebSocket('${server.wsUrl}/echo?s' + i));
    let open = 0;
    const go = () => {
      for (let i = 0; i < 21; i++) socks[i % 3].send('s' + (i % 3) + '-' + i);
      socks[2].send(new Uint8Array([1, 2, 255]));
      setTimeout(() => socks[1].close(4001, 'done'), 500);
    };
    socks.forEach((s) => { s.onopen = () => { if (++open === 3) go(); }; });
  </script>`);
  return `${server.url}/interleaved`;
}

type Format = 'har' | 'ndjson' | 'json';

/** Every frame of an export as `connection direction opcode data`, in the file's recording order. */
function framesOf(format: Format, text: string): string[] {
  if (format === 'ndjson') {
    return text.trim().split('\n').map((l) => JSON.parse(l)).filter((o) => !o.event).map((o) => `${o.connection} ${o.dir} ${o.opcode} ${o.data}`);
  }
  const rows: Array<{ order: number; text: string }> = [];
  if (format === 'har') {
    JSON.parse(text).log.entries.forEach((e: any, i: number) => e._webSocketMessages.forEach((m: any) => rows.push({ order: m._order, text: `${i + 1} ${m.type} ${m.opcode} ${m.data}` })));
  } else {
    JSON.parse(text).connections.forEach((c: any, i: number) => c.frames.forEach((f: any) => rows.push({ order: f.order, text: `${i + 1} ${f.dir} ${f.opcode} ${f.data}` })));
  }
  return rows.sort((a, b) => a.order - b.order).map((r) => r.text);
}

export function defineRoundTripSuite(driver: PanelDriver): PanelOnPage {
  const dir = mkdtempSync(join(tmpdir(), 'wsinspect-rt-'));
  const downloads = mkdtempSync(join(tmpdir(), 'wsinspect-rt-downloads-'));
  afterAll(() => { for (const d of [dir, downloads]) rmSync(d, { recursive: true, force: true }); });

  const s: PanelOnPage = setUpPanelOnPage(driver, {} as PanelOnPage, {
    serve: serveInterleavedPage,
    loaded: () => waitFor(() => s.server.received.length === PER_LOAD / 2, 'the first load\'s frames at the server'),
    opened: () => waitFor(async () => (await panelCount(s.panel)) === `${PER_LOAD} frames`, 'the first load in the panel'),
  });

  /** Per connection, as its list entry shows it: number, url and the frame counts each way (not its api badge: imported). */
  const connections = () => s.panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => {
    const counts = /↑\d+ \([^)]*\) ↓\d+ \([^)]*\)/.exec(e.textContent ?? '')?.[0];
    const url = [...(e.querySelector('.conn-url')?.childNodes ?? [])].filter((n) => (n as Element).getAttribute?.('data-testid') !== 'api').map((n) => n.textContent).join('');
    return `${url.replace(/\s+/g, ' ')} ${counts}`;
  }));

  const exportAs = async (format: Format): Promise<string> => {
    const { panel } = s;
    await panel.click('[data-testid="export"]');
    await panel.waitForSelector('[data-testid="export-dialog"]');
    await panel.click(`[data-testid="export-${format}"]`);
    await panel.click('[data-testid="export-download"]');
    const status = await waitFor(async () => {
      const t = await panel.$eval('[data-testid="export-status"]', (e) => e.textContent ?? '');
      return /^Downloaded wsinspect-\S+$/.test(t) && t;
    }, `the ${format} download`);
    await panel.click('[data-testid="export"]'); // closes the dialog
    const file = join(downloads, (status as string).slice('Downloaded '.length));
    // The file is complete when it parses (JSON) or ends with a newline (NDJSON).
    return waitFor(() => {
      if (!existsSync(file)) return '';
      const text = readFileSync(file, 'utf8');
      if (format === 'ndjson') return text.endsWith('\n') ? text : '';
      try { JSON.parse(text); return text; } catch { return ''; }
    }, 'the whole file');
  };

  test('a recording of interleaved sockets, a close and a reload (log preserved)', async () => {
    await driver.downloadTo(downloads);
    await s.panel.click('[data-testid="preserve-log"]');
    await waitFor(() => s.panel.$eval('[data-testid="preserve-log"]', (e) => (e as HTMLInputElement).checked), 'preserve log on');
    await waitFor(async () => (await connections()).length === 3 && (await s.panel.$$('[data-testid="connection"][data-state="closed"]')).length === 1, 'the page\'s close');
    await s.page.reload();
    await waitFor(async () => (await panelCount(s.panel)) === `${TOTAL} frames`, 'both loads in the panel', 30_000);
    await waitFor(async () => (await s.panel.$$('[data-testid="connection"][data-state="closed"]')).length >= 2, 'the second load\'s close');
    expect(await connections()).toHaveLength(6);
  });

  for (const format of ['har', 'ndjson', 'json'] as const) {
    test(`${format.toUpperCase()}: exported and imported through the UI, every frame comes back in order`, async () => {
      const { panel } = s;
      await panel.click('[data-testid="show-live"]');
      await waitFor(async () => (await panelCount(panel)) === `${TOTAL} frames`, 'the live view');
      const live = await connections();
      const exported = await exportAs(format);
      expect(framesOf(format, exported)).toHaveLength(TOTAL);

      const file = join(dir, `round-trip.${format}`);
      writeFileSync(file, exported);
      await (await panel.$('input[data-testid="import-file"]'))!.uploadFile(file);
      await waitFor(async () => (await panel.$eval('[data-testid="show-imported"]', (e) => e.textContent).catch(() => '')) === `Imported: round-trip.${format}`, 'the imported session');
      await waitFor(async () => (await panelCount(panel)) === `${TOTAL} frames`, 'every imported frame');
      expect(await connections()).toEqual(live);

      const again = await exportAs(format);
      expect(framesOf(format, again)).toEqual(framesOf(format, exported));
    });
  }
  return s;
}
