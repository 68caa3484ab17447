/**
 * Export and import (suites/har.ts) in Chromium, on the panel page as a tab; and between the
 * export and the import tests, Chrome DevTools' own HAR code: our HAR is read by its HAR
 * importer with every message, and a HAR that Chrome DevTools itself writes imports into our panel.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { defineHarExportSuite, defineHarImportSuite, HAR_FRAMES } from './suites/har';

let chromium: Chromium;
let devtools: Page;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

const har = defineHarExportSuite(chromiumDriver(() => chromium), {
  async beforeGoto(page) {
    devtools = await page.openDevTools(); // DevTools records the Network log from here on
    await new Promise((r) => setTimeout(r, 2500));
  },
});

test('our HAR opens in Chrome DevTools\' HAR importer with every message', async () => {
  const ours = JSON.parse(await har.exportHar('copy'));
  const requests = await devtools.evaluate(`(async () => {
    const HAR = await import('./models/har/har.js');
    const requests = HAR.Importer.Importer.requestsFromHARLog(new HAR.HARFormat.HARLog(${JSON.stringify(ours.log)}));
    return requests.map((r) => ({ url: r.url(), type: r.resourceType().name(), frames: r.frames().map((f) => [f.type, f.opCode, f.text]) }));
  })()`) as Array<{ url: string; type: string; frames: unknown[] }>;
  expect(requests.map((r) => [r.url, r.type])).toEqual([[`${har.server.wsUrl}/echo`, 'websocket']]);
  // Echoes interleave with sends in time, so compare as sets; the count rules out extras.
  expect(requests[0].frames).toEqual(expect.arrayContaining(HAR_FRAMES));
  expect(requests[0].frames).toHaveLength(6);
});

test('a HAR written by Chrome DevTools imports into the panel; then back to live', async () => {
  const chromeHar = await devtools.evaluate(`(async () => {
    const Logs = await import('./models/logs/logs.js');
    const HAR = await import('./models/har/har.js');
    return JSON.stringify({ log: await HAR.Log.Log.build(Logs.NetworkLog.NetworkLog.instance().requests(), { sanitize: false }) });
  })()`) as string;
  const wsEntry = JSON.parse(chromeHar).log.entries.find((e: any) => e._resourceType === 'websocket');
  expect(wsEntry._webSocketMessages).toHaveLength(6);
  await har.importThenBackToLive('chrome.har', chromeHar);
});

defineHarImportSuite(har);
