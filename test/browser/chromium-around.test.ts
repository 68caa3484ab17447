/**
 * Chromium: constructors reached around the patch are captured (see around-the-patch.ts).
 * Whether Chromium injects into a data: frame varies: that socket is captured or listed as uncaptured.
 */
import { test } from 'vitest';
import { useChromium, useServer } from '../helpers/lifecycle';
import { openPanelAsTab, type Chromium } from '../helpers/chromium';
import { checkAroundThePatch, serveAroundPage } from './around-the-patch';

const server = useServer();
const chromium = useChromium();

test('new iframes, srcdoc, blob: frames and the prototype\'s constructor are captured', async () => {
  const page = await chromium.browser.newPage();
  await page.goto(serveAroundPage(server));
  const panel = await openPanelAsTab(chromium, page);
  await checkAroundThePatch(server, page, panel, ['blank-iframe', 'srcdoc', 'proto-constructor', 'blob-frame']);
});
