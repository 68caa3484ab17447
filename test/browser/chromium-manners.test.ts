/** DevTools manners, following, wording, small fixes (suites/manners.ts), in Chromium. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { defineMannersSuite } from './suites/manners';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

defineMannersSuite(chromiumDriver(() => chromium));
