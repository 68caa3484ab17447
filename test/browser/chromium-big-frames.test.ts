/** Big frames fetched on demand and exported whole (suites/big-frames.ts), in Chromium. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { defineBigFramesSuite } from './suites/big-frames';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

defineBigFramesSuite(chromiumDriver(() => chromium));
