/**
 * Export and import (suites/har.ts) in Firefox ESR, on the panel page as a tab. (Chrome
 * DevTools' own HAR reader and writer are covered by chromium-har.test.ts.)
 */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { firefoxDriver } from './shared/firefox-panel';
import { defineHarExportSuite, defineHarImportSuite } from './suites/har';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

defineHarImportSuite(defineHarExportSuite(firefoxDriver(() => firefox)));
