/**
 * Acting on the page's live sockets from the panel (suites/actions.ts) in Firefox ESR, on the
 * panel page as a tab; and a send from the composer inside Firefox's real DevTools.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { openPanelInFirefoxDevTools } from '../helpers/firefox-devtools';
import { panelRows, waitFor } from '../helpers/panel';
import { firefoxDriver } from './shared/firefox-panel';
import { defineActionsSuite } from './suites/actions';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

const actions = defineActionsSuite(firefoxDriver(() => firefox));

test('send from the composer inside Firefox\'s real DevTools', async () => {
  const devtools = await openPanelInFirefoxDevTools(firefox, actions.page);
  await waitFor(async () => (await devtools.rows()).some((r) => r.preview === 'real'), 'the page\'s frames in the DevTools panel');
  await devtools.evaluate(`document.querySelector('[data-testid="compose"]').click()`);
  await waitFor(() => devtools.evaluate<boolean>(`!!document.querySelector('[data-testid="composer-input"]')`), 'the composer');
  // The default target is the last open connection: the page's third socket (the others are closed).
  expect(await devtools.evaluate<string>(`document.querySelector('[data-testid="composer-target"]').selectedOptions[0].textContent`)).toMatch(/\/echo\?third$/);
  await devtools.evaluate(`(() => { document.querySelector('[data-testid="compose-text"]').click();
    const i = document.querySelector('[data-testid="composer-input"]'); i.value = 'from the toolbox';
    i.dispatchEvent(new window.Event('input', { bubbles: true })); })()`);
  await waitFor(() => devtools.evaluate<boolean>(`!document.querySelector('[data-testid="composer-send"]').disabled`), 'send enabled');
  await devtools.evaluate(`document.querySelector('[data-testid="composer-send"]').click()`);
  await waitFor(() => actions.server.received.some((m) => m.text === 'from the toolbox'), 'the server to get it');
  await waitFor(async () => (await devtools.rows()).filter((r) => r.preview === 'from the toolbox').length === 2, 'sent and echoed in the DevTools panel');
  expect(await devtools.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="frame-row"]')].filter((r) => r.textContent.includes('from the toolbox')).map((r) => r.getAttribute('data-dir') + ' ' + (r.querySelector('[data-testid="origin"]')?.textContent ?? ''))`))
    .toEqual(expect.arrayContaining(['sent panel', 'received ']));
  await waitFor(async () => (await panelRows(actions.panel)).some((r) => r.preview === 'from the toolbox'), 'the panel tab sees it too');
});
