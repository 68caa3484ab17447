/**
 * The panel's tools (suites/panel-ui.ts) in Firefox ESR, on the panel page as a tab; and a
 * filter inside Firefox's real DevTools.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { openPanelInFirefoxDevTools } from '../helpers/firefox-devtools';
import { waitFor } from '../helpers/panel';
import { firefoxDriver } from './shared/firefox-panel';
import { MIXED_TOTAL as TOTAL } from './shared/pages';
import { definePanelUiSuite } from './suites/panel-ui';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

const ui = definePanelUiSuite(firefoxDriver(() => firefox));

test('a filter typed into the panel inside Firefox\'s real DevTools', async () => {
  const devtools = await openPanelInFirefoxDevTools(firefox, ui.page);
  const count = () => devtools.evaluate<string | null>(`document.querySelector('[data-testid="count"]')?.textContent`);
  const total = await waitFor(async () => { const c = await count(); return c && /^\d+ frames$/.test(c) && parseInt(c, 10) >= TOTAL && c; }, 'frames in the DevTools panel');
  await devtools.evaluate(`(() => { const i = document.querySelector('[data-testid="filter"]'); i.focus(); i.value = 'needle';
    i.dispatchEvent(new window.Event('input', { bubbles: true })); })()`);
  await waitFor(async () => (await count()) === `shown 6 of ${total}`, 'the needle filter in DevTools');
  // The count can change a render before the rows do (the table's scroll position catches up on its scroll event).
  const needles = () => devtools.rows().then((rows) => rows.map((r) => r.preview).filter((p) => p.includes('needle')));
  await waitFor(async () => (await needles()).length === 6, 'the six rows in DevTools').catch(() => {});
  expect(await needles()).toHaveLength(6);
});
