/**
 * Firefox ESR: constructors reached around the patch are captured (see around-the-patch.ts).
 * Firefox runs no content script in data: or blob: frames: their sockets are listed as uncaptured.
 */
import { test } from 'vitest';
import { useFirefox, useServer } from '../helpers/lifecycle';
import { type Firefox } from '../helpers/firefox';
import { openFirefoxPanelTab } from './shared/firefox-panel';
import { checkAroundThePatch, serveAroundPage } from './around-the-patch';

const server = useServer();
const firefox = useFirefox();

test('new iframes, srcdoc frames and the prototype\'s constructor are captured', async () => {
  const page = await firefox.browser.newPage();
  const url = serveAroundPage(server);
  await page.goto(url);
  const panel = await openFirefoxPanelTab(firefox, url, 1400, '[data-testid="count"], [data-testid="empty"]');
  await checkAroundThePatch(server, page, panel, ['blank-iframe', 'srcdoc', 'proto-constructor']);
});
