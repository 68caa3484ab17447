/**
 * Firefox: a restart of the extension's event page mid-burst (suites/restart.ts) counts nothing
 * lost. The event page is terminated from the browser's chrome scope, as about:debugging's
 * "Terminate background script" does.
 */
import { test } from 'vitest';
import { GECKO_ID } from '../../scripts/manifest-for';
import { useFirefox, useServer } from '../helpers/lifecycle';
import { inFirefoxChrome, openFirefoxPanelTab } from './shared/firefox-panel';
import { restartMidBurst } from './suites/restart';

const server = useServer();
const firefox = useFirefox();

test('an event-page restart mid-burst, after the page\'s backlog evicted frames the panel had: nothing counted lost', async () => {
  await restartMidBurst({
    newPage: () => firefox.browser.newPage(),
    openPanel: (page) => openFirefoxPanelTab(firefox, page.url(), 900, '#app > *'),
    restartBackground: async () => {
      const done = await inFirefoxChrome<string>(firefox, `async (id) => {
        const extension = WebExtensionPolicy.getByID(id).extension;
        await extension.terminateBackground({ ignoreDevToolsAttached: true });
        return String(extension.backgroundState);
      }`, GECKO_ID);
      if (done === 'running') throw new Error('the event page is still running');
    },
  }, server);
}, 180_000);
