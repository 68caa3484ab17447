/** Reading the panel page (a tab, in Chromium or Firefox) for the robustness and security suites. */
import type { Page } from 'puppeteer-core';
import { waitFor } from '../../helpers/panel';

/**
 * Collects what would mean a broken page or panel: uncaught errors, console errors (CSP
 * violations among them) and a crashed renderer. Returns the list it appends to.
 */
export function watchErrors(page: Page, label: string, into: string[] = []): string[] {
  page.on('pageerror', (e) => {
    const message = (e as Error).message ?? String(e);
    // Firefox reports a socket it had to fail as an uncaught error of the page: the page's business.
    if (label === 'page' && /can.t establish a connection to the server at ws:|connection to ws:.* was interrupted/.test(message)) return;
    into.push(`${label} pageerror: ${message}`);
  });
  page.on('error', (e) => into.push(`${label} crashed: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The page's own business, not ours: a socket the browser had to fail, the test server's 404 for /favicon.ico.
    if (/^WebSocket connection to .* failed/.test(m.text()) || m.location()?.url?.endsWith('/favicon.ico')) return;
    into.push(`${label} console: ${m.text()}`);
  });
  return into;
}

/** Each rendered row as "direction opcode size", top to bottom. */
export async function rowSizes(panel: Page): Promise<string[]> {
  return panel.$$eval('[data-testid="frame-row"]', (rows) => rows
    .sort((a, b) => parseFloat((a as HTMLElement).style.top) - parseFloat((b as HTMLElement).style.top))
    .map((r) => `${r.getAttribute('data-dir')} ${r.getAttribute('data-opcode')} ${r.querySelector('.c-size')!.textContent}`));
}

/** Clicks the rendered row at position `index` (top to bottom) and waits for its details. */
export async function selectRow(panel: Page, index: number): Promise<void> {
  await panel.$$eval('[data-testid="frame-row"]', (rows, i) => {
    const sorted = rows.sort((a, b) => parseFloat((a as HTMLElement).style.top) - parseFloat((b as HTMLElement).style.top));
    (sorted[i] as HTMLElement).click();
  }, index);
  await waitFor(() => panel.$('[data-testid="frame-row"][aria-selected="true"]'), 'the row to be selected');
  await waitFor(() => panel.$('[data-testid="details"]'), 'the details pane');
}

export interface DetailsView { body: string; notice: string | null; warning: string | null }

/** Opens a details tab (tree, text, hex, base64, utf8) and reads it. */
export async function detailsOf(panel: Page, tab: string): Promise<DetailsView> {
  await panel.$eval(`[data-testid="tab-${tab}"]`, (e) => (e as HTMLElement).click());
  await waitFor(() => panel.$eval(`[data-testid="tab-${tab}"]`, (e) => e.getAttribute('aria-selected') === 'true'), `the ${tab} tab`);
  return panel.$eval('[data-testid="details"]', (d) => ({
    body: d.querySelector('[data-testid="details-body"], [data-testid="json-tree"]')?.textContent ?? '',
    notice: [...d.querySelectorAll('.warning')].map((e) => e.textContent!).find((t) => t.startsWith('Large payload')) ?? null,
    warning: d.querySelector('[data-testid="invalid-utf8"]')?.textContent ?? null,
  }));
}

/** Each listed connection as "url state[ · error]". */
export async function connectionStates(panel: Page): Promise<string[]> {
  return panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => {
    const url = e.querySelector('.conn-url')!.textContent!.replace(/^#\d+ /, '');
    const meta = e.querySelector('.conn-meta')!.textContent!;
    return `${url} ${meta}`;
  }));
}
