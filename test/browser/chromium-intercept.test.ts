/** Breakpoints and rules (suites/intercept.ts) in Chromium, on the panel page as a tab. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { defineInterceptSuite } from './suites/intercept';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

defineInterceptSuite(chromiumDriver(() => chromium));
