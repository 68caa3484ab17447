/** Reading the panel's DOM from a test, in whatever page or frame hosts it. */
import type { Frame, Page } from 'puppeteer-core';

export interface RowText { dir: string; opcode: string; preview: string }

export async function panelRows(panel: Frame | Page): Promise<RowText[]> {
  return panel.$$eval('[data-testid="frame-row"]', (rows) => rows
    .map((r) => ({ top: parseFloat((r as HTMLElement).style.top), dir: r.getAttribute('data-dir')!, opcode: r.getAttribute('data-opcode')!, preview: r.querySelector('[data-testid="frame-preview"]')!.textContent! }))
    .sort((a, b) => a.top - b.top)
    .map(({ dir, opcode, preview }) => ({ dir, opcode, preview })));
}

export async function panelCount(panel: Frame | Page): Promise<string> {
  return panel.$eval('[data-testid="count"]', (e) => e.textContent ?? '').catch(() => '');
}

/** Polls `check` until it returns a truthy value or the time is up. */
export async function waitFor<T>(check: () => Promise<T> | T, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Replaces an input's value the way typing would (an `input` event), in one step: no re-render can interleave. */
export async function fill(panel: Frame | Page, testid: string, text: string): Promise<void> {
  await panel.$eval(`[data-testid="${testid}"]`, (e, t) => {
    const input = e as HTMLInputElement | HTMLTextAreaElement;
    input.focus();
    input.value = t;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
