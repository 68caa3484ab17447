/**
 * Layout and accessibility (any browser, see ./driver.ts), issue 13 findings 2 and 5: at DevTools'
 * real sizes (docked right 555×900, docked at the bottom 1280×250, 800×600, 1920×1080) and in each
 * state (idle, frame selected, composer, breakpoints, export and replay dialogs): every control is
 * inside the viewport and not covered (elementFromPoint at its centre, once scrolled into view in
 * its own region), no two regions overlap, the Data column keeps ≥ 35% of the table; axe-core
 * finds nothing serious or critical, in the light and the dark theme.
 * Run by chromium-layout.test.ts and firefox-layout.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { panelCount, waitFor } from '../../helpers/panel';
import { MIXED_TOTAL as TOTAL, serveMixedPage } from '../shared/pages';
import type { PanelDriver } from './driver';
import { setUpPanelOnPage, type PanelOnPage } from './setup';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const SIZES: Array<[number, number]> = [[555, 900], [1280, 250], [800, 600], [1920, 1080]];

/** Opens a state (clicks), and returns how to leave it. */
type State = [name: string, open: (panel: Page) => Promise<() => Promise<void>>];
const toggle = (testid: string, shown: string): State[1] => async (panel) => {
  await panel.click(`[data-testid="${testid}"]`);
  await panel.waitForSelector(`[data-testid="${shown}"]`);
  return async () => { await panel.click(`[data-testid="${testid}"]`); await waitFor(async () => !(await panel.$(`[data-testid="${shown}"]`)), `${shown} closed`); };
};
/** A dialog closes with its own Close button (its opening button may be under it in a short panel; Esc is tested in suites/manners.ts). */
const dialog = (testid: string, shown: string): State[1] => async (panel) => {
  await panel.click(`[data-testid="${testid}"]`);
  await panel.waitForSelector(`[data-testid="${shown}"]`);
  return async () => { await panel.$eval(`[data-testid="${shown}"]`, (d) => [...d.querySelectorAll('button')].find((b) => b.textContent === 'Close')!.click()); await waitFor(async () => !(await panel.$(`[data-testid="${shown}"]`)), `${shown} closed`); };
};
const STATES: State[] = [
  ['idle', async () => async () => {}],
  ['frame selected', async (panel) => {
    await panel.$eval('[data-testid="frame-row"]', (e) => (e as HTMLElement).click());
    await panel.waitForSelector('[data-testid="details"]');
    return async () => { await panel.click('[aria-label="Close details"]'); };
  }],
  ['composer', toggle('compose', 'composer')],
  ['breakpoints', toggle('breakpoints-toggle', 'breakpoints')],
  ['export dialog', dialog('export', 'export-dialog')],
  ['replay dialog', dialog('replay', 'replay-dialog')],
  ['requests dialog', dialog('requests', 'requests-dialog')],
];

/** A JSON-RPC request the echo server sends back: the panel pairs it (unanswered), so its Requests button shows. */
const RPC = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'layout.check', params: [] });
const SHOWN = TOTAL + 2;

export interface LayoutReport { problems: string[]; dataShare: number }

/** Runs in the panel: what is wrong with the layout as it is on screen now. */
function checkLayout(): LayoutReport {
  const problems: string[] = [];
  const name = (e: Element) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}${e.getAttribute('aria-label') ? `(${e.getAttribute('aria-label')})` : ''} "${(e.textContent ?? '').trim().slice(0, 20)}"`;
  const visible = (e: HTMLElement) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && Number(getComputedStyle(e).opacity) > 0;
  // An open dialog sits above the panel by design: then its own controls are the ones to reach, and it must fit the viewport.
  const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
  if (dialog) {
    const d = dialog.getBoundingClientRect();
    if (d.left < 0 || d.top < 0 || d.right > innerWidth + 1 || d.bottom > innerHeight + 1) problems.push(`the dialog goes past the viewport (${Math.round(d.left)},${Math.round(d.top)} to ${Math.round(d.right)},${Math.round(d.bottom)})`);
  }
  const controls = [...(dialog ?? document).querySelectorAll<HTMLElement>('button, input:not([type="file"]), select, textarea, label.file-button')].filter(visible);
  for (const c of controls) {
    c.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = c.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) { problems.push(`${name(c)} outside the viewport (${Math.round(x)}, ${Math.round(y)})`); continue; }
    const hit = document.elementFromPoint(x, y);
    const label = hit?.closest('label');
    if (!hit || !(c.contains(hit) || (label && label.contains(c)))) problems.push(`${name(c)} covered by ${hit ? name(hit) : 'nothing'}`);
  }
  const regions = [...document.querySelectorAll<HTMLElement>('.session-switch, [role="toolbar"][aria-label="Capture and filters"], .chips, .stats, .timeline, .connections, .frames, .details, .composer, .breakpoints')].filter(visible);
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const a = regions[i].getBoundingClientRect(), b = regions[j].getBoundingClientRect();
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) problems.push(`${regions[i].className} overlaps ${regions[j].className} (${Math.round(w)}×${Math.round(h)})`);
    }
    const r = regions[i].getBoundingClientRect();
    if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1) problems.push(`${regions[i].className} goes past the viewport`);
  }
  const header = document.querySelector('.row.header');
  const data = header?.querySelector('.c-data');
  const dataShare = header && data ? data.getBoundingClientRect().width / header.getBoundingClientRect().width : 0;
  return { problems, dataShare };
}

export async function axeSerious(panel: Page): Promise<string[]> {
  if (!(await panel.evaluate(() => 'axe' in window))) await panel.evaluate(AXE);
  const violations = await panel.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] })
    .then((r: any) => r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target.join(' ')).slice(0, 5) })))) as Array<{ id: string; impact: string; nodes: string[] }>;
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.join(', ')}`);
}

type LayoutSuite = PanelOnPage & { shares: Record<string, number> };

export function defineLayoutSuite(driver: PanelDriver): LayoutSuite {
  const s: LayoutSuite = setUpPanelOnPage(driver, { shares: {} } as LayoutSuite, {
    serve: serveMixedPage,
    loaded: async () => {
      await waitFor(() => s.server.received.length === 24, 'all frames at the server');
      await s.page.evaluate((rpc) => (window as any).sockets[0].send(rpc), RPC);
      await waitFor(() => s.server.received.length === 25, 'the JSON-RPC request at the server');
    },
    opened: () => waitFor(async () => (await panelCount(s.panel)) === `${SHOWN} frames`, 'every frame in the panel'),
  });

  for (const [width, height] of SIZES) {
    test(`${width}×${height}: controls reachable and uncovered, regions apart, Data ≥ 35%, in every state`, async () => {
      const { panel } = s;
      await panel.setViewport({ width, height });
      await driver.reloadPanel(panel); // the panel's defaults (connection list, chart) depend on its size at start
      await waitFor(async () => (await panelCount(panel)) === `${SHOWN} frames`, 'frames after the reload');
      await waitFor(() => panel.$('[data-testid="requests"]'), 'the Requests button');
      const failures: string[] = [];
      for (const [state, open] of STATES) {
        const close = await open(panel);
        // Dialogs place themselves after they render; the table's columns after its resize.
        const report = await waitFor(async () => { const r = await panel.evaluate(checkLayout); return r.problems.length === 0 && r.dataShare >= 0.35 ? r : null; }, `a clean layout (${state})`, 3000)
          .catch(() => panel.evaluate(checkLayout)) as LayoutReport;
        s.shares[`${width}×${height} ${state}`] = Math.round(report.dataShare * 100);
        failures.push(...report.problems.map((p) => `${state}: ${p}`));
        if (report.dataShare < 0.35) failures.push(`${state}: Data column is ${Math.round(report.dataShare * 100)}% of the table`);
        await close();
      }
      expect(failures).toEqual([]);
    });
  }

  test('axe-core: no serious or critical findings, light and dark, idle, with a frame, composer and breakpoints open, requests dialog', async () => {
    const { panel } = s;
    await panel.setViewport({ width: 1280, height: 800 });
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await driver.setColorScheme(panel, scheme);
      await waitFor(() => panel.evaluate((t) => document.documentElement.dataset.theme === t, scheme), `${scheme} theme`);
      found.push(...(await axeSerious(panel)).map((f) => `${scheme} idle: ${f}`));
      await panel.$eval('[data-testid="frame-row"]', (e) => (e as HTMLElement).click());
      await panel.waitForSelector('[data-testid="details"]');
      const closeCompose = await toggle('compose', 'composer')(panel);
      const closeBreak = await toggle('breakpoints-toggle', 'breakpoints')(panel);
      found.push(...(await axeSerious(panel)).map((f) => `${scheme} open: ${f}`));
      await closeCompose();
      await closeBreak();
      await panel.click('[aria-label="Close details"]');
      const closeRequests = await dialog('requests', 'requests-dialog')(panel);
      found.push(...(await axeSerious(panel)).map((f) => `${scheme} requests dialog: ${f}`));
      await closeRequests();
    }
    await driver.setColorScheme(panel, 'light');
    expect(found).toEqual([]);
  });

  return s;
}
