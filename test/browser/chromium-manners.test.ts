/**
 * DevTools manners, following, wording, small fixes (suites/manners.ts), in Chromium; and Esc in
 * the panel inside Chrome's real DevTools: the console drawer stays as it is while the panel uses Esc.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openPanelInDevTools, type Chromium } from '../helpers/chromium';
import { waitFor } from '../helpers/panel';
import { chromiumDriver } from './shared/chromium-panel';
import { defineMannersSuite } from './suites/manners';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

const ui = defineMannersSuite(chromiumDriver(() => chromium));

test('in Chrome\'s real DevTools, an Esc the panel uses does not toggle the console drawer; one it does not use does', async () => {
  const panel = await openPanelInDevTools(chromium, ui.page);
  const devtools = panel.page();
  const drawer = () => devtools.evaluate(`(async () => (await import('./ui/legacy/legacy.js')).InspectorView.InspectorView.instance().drawerVisible())()`) as Promise<boolean>;
  await waitFor(() => panel.$('[data-testid="frame-row"]'), 'rows in the DevTools panel');
  const before = await drawer();
  await (await panel.$('[data-testid="frame-row"]'))!.click();
  await panel.waitForSelector('.row.selected');
  await devtools.keyboard.press('Escape');
  await waitFor(async () => !(await panel.$('.row.selected')), 'Esc cleared the selection');
  await new Promise((r) => setTimeout(r, 500)); // DevTools' own handling, if any, would have happened by now
  expect(await drawer()).toBe(before);
  // Nothing of the panel's to close: this Esc is DevTools' (the forwarding is real, the test above meaningful).
  await devtools.keyboard.press('Escape');
  await waitFor(async () => (await drawer()) !== before, 'the drawer toggled by an Esc the panel did not use', 5000);
});
