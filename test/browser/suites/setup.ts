/** The set-up every feature suite starts from: a test server, its test page in a tab, and the panel inspecting that tab. */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/servers';
import type { PanelDriver } from './driver';

export interface PanelOnPage { server: TestServer; page: Page; panel: Page }

export interface SetUp<T extends PanelOnPage> {
  /** Serves the test page; its address. */
  serve(server: TestServer): string;
  /** Before the page loads (in its new tab). */
  beforeGoto?(page: Page): Promise<void>;
  /** Waits until the page's own traffic has happened, before the panel opens. */
  loaded?(s: T): Promise<unknown>;
  /** The panel reads and writes the clipboard. */
  clipboard?: boolean;
  /** Waits until the panel shows what the first test starts from. */
  opened(s: T): Promise<unknown>;
}

/** Registers beforeAll / afterAll filling in and tearing down `s` (fields the suite adds are its own). */
export function setUpPanelOnPage<T extends PanelOnPage>(driver: PanelDriver, s: T, o: SetUp<T>): T {
  beforeAll(async () => {
    s.server = await startTestServer();
    const url = o.serve(s.server);
    s.page = await driver.newPage();
    await o.beforeGoto?.(s.page);
    await s.page.goto(url);
    await o.loaded?.(s);
    if (o.clipboard) await driver.grantClipboard?.();
    s.panel = await driver.openPanel(s.page);
    await o.opened(s);
  });
  afterAll(async () => {
    await s.server?.close();
  });
  return s;
}
