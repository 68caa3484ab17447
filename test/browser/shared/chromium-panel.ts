/** The Chromium side of the feature suites (../suites/driver.ts): the panel page as a tab, CDP for the rest. */
import type { Chromium } from '../../helpers/chromium';
import { openPanelAsTab } from '../../helpers/chromium';
import type { PanelDriver } from '../suites/driver';

/** `chromium` is read when a test runs: the test file launches it in beforeAll. */
export function chromiumDriver(chromium: () => Chromium): PanelDriver {
  return {
    newPage: () => chromium().browser.newPage(),
    openPanel: (page) => openPanelAsTab(chromium(), page),
    async grantClipboard() {
      const { browser, extensionId } = chromium();
      await browser.defaultBrowserContext().overridePermissions(`chrome-extension://${extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    },
    setColorScheme: (panel, scheme) => panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    async reloadPanel(panel) {
      await panel.reload();
      await panel.waitForSelector('#app > *');
    },
    async downloadTo(folder) {
      const session = await chromium().browser.target().createCDPSession();
      await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder });
    },
  };
}
