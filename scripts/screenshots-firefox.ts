// The panel in Firefox ESR at DevTools' sizes, light and dark, with the demo's traffic: for looking
// at the layout by eye (the README's pictures are Chromium's, scripts/screenshots.mjs).
//
//   npm run build && OUT=/tmp/look-firefox npx tsx scripts/screenshots-firefox.ts
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
// @ts-expect-error: plain JavaScript (demo/server.mjs), run by node as it is
import { startDemoServer } from '../demo/server.mjs';
import { launchFirefox } from '../test/helpers/firefox';
import { openFirefoxPanelTab, setFirefoxColorScheme } from '../test/browser/shared/firefox-panel';

const OUT = resolve(process.env.OUT ?? '/tmp/look-firefox');
const SIZES: Array<[string, number, number]> = [['narrow', 555, 900], ['short', 1280, 250], ['wide', 1920, 1080]];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
mkdirSync(OUT, { recursive: true });

const demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
const firefox = await launchFirefox();
try {
  const page = await firefox.browser.newPage();
  await page.goto(demo.url);
  await sleep(6500);
  for (const scheme of ['light', 'dark'] as const) {
    await setFirefoxColorScheme(firefox, scheme);
    for (const [name, width, height] of SIZES) {
      const panel = await openFirefoxPanelTab(firefox, demo.url, height);
      await panel.setViewport({ width, height });
      await sleep(1500);
      await panel.screenshot({ path: join(OUT, `firefox-${name}-${scheme}.png`) as `${string}.png` });
      await panel.click('[data-testid="requests"]');
      await sleep(300);
      await panel.screenshot({ path: join(OUT, `firefox-${name}-${scheme}-requests.png`) as `${string}.png` });
      await panel.close();
      console.log(`wrote ${name} ${scheme}`);
    }
  }
  await setFirefoxColorScheme(firefox, 'system');
} finally {
  await firefox.close();
  await demo.close();
}
