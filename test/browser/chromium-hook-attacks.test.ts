/** The page attacks the hook (suites/hook-attacks.ts) in Chromium, on the panel page as a tab. */
import { afterAll, beforeAll } from 'vitest';
import { CHROME_DIST, launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { defineHookAttackSuite } from './suites/hook-attacks';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

defineHookAttackSuite(chromiumDriver(() => chromium), CHROME_DIST);
