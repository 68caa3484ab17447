/**
 * What a feature suite (./*.ts) needs from a browser: the per-browser test files launch the
 * browser and hand the suite one of these (see ../shared/chromium-panel.ts and
 * ../shared/firefox-panel.ts), so that each test body exists once and runs in both browsers.
 */
import type { Page } from 'puppeteer-core';
import type { BrowserDriver } from '../libraries/run';

export interface PanelDriver extends BrowserDriver {
  /** The panel page as an ordinary tab inspecting `page`'s tab, rendered. */
  openPanel(page: Page): Promise<Page>;
  /** Lets the panel page read and write the clipboard where the browser asks for a permission (before openPanel). */
  grantClipboard?(): Promise<void>;
  /** prefers-color-scheme as the panel page sees it. */
  setColorScheme(panel: Page, scheme: 'dark' | 'light'): Promise<void>;
  /** Reloads the panel page and waits until it has rendered again. */
  reloadPanel(panel: Page): Promise<void>;
  /** Files the panel downloads are saved, under the names it gives them, in `folder`. */
  downloadTo(folder: string): Promise<void>;
}
