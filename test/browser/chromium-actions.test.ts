/** Acting on the page's live sockets from the panel (suites/actions.ts) in Chromium, on the panel page as a tab. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { defineActionsSuite } from './suites/actions';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

defineActionsSuite(chromiumDriver(() => chromium));
