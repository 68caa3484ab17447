/**
 * The client-library matrix in Firefox ESR (see libraries/run.ts): the same libraries and
 * servers as in Chromium; the panel page, opened as a tab for the library's page, must show
 * exactly the frames the server counted.
 */
import { afterAll, beforeAll, describe, onTestFinished, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { waitFor } from '../helpers/panel';
import { LIBRARIES, prebundleAll, runLibraryCase, type BrowserDriver } from './libraries/run';

let firefox: Firefox;
let driver: BrowserDriver;

/** The panel page as a tab, inspecting the tab whose address is `page`'s (each run has its own port). */
async function openPanelTab(page: Page): Promise<Page> {
  const panel = await firefox.browser.newPage();
  onTestFinished(() => panel.close().catch(() => {}));
  await panel.setViewport({ width: 1200, height: 900 });
  // With --remote-allow-system-access this navigation may never resolve: wait for content instead.
  panel.goto(`${firefox.extensionOrigin}/src/panel/panel.html?tabUrl=${encodeURIComponent(page.url())}`).catch(() => {});
  await waitFor(() => panel.$('[data-testid="count"]').catch(() => null), 'the panel page to render');
  return panel;
}

beforeAll(async () => {
  [firefox] = await Promise.all([launchFirefox(), prebundleAll()]);
  driver = { newPage: () => firefox.browser.newPage(), openPanel: openPanelTab };
});
afterAll(async () => { await firefox?.close(); });

describe('client libraries in Firefox', () => {
  for (const library of LIBRARIES) test(library.name, () => runLibraryCase(library, driver));
});
