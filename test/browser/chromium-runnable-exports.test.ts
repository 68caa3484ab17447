/** Recordings as a Playwright test and a mock server (suites/runnable-exports.ts), recorded in Chromium. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { defineRunnableExportsSuite } from './suites/runnable-exports';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

defineRunnableExportsSuite(chromiumDriver(() => chromium));
