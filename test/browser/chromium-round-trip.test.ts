/** Export → import through the panel's UI keeps every frame (suites/round-trip.ts), in Chromium. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { defineRoundTripSuite } from './suites/round-trip';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

defineRoundTripSuite(chromiumDriver(() => chromium));
