/** Layout at DevTools' sizes and axe-core (suites/layout.ts), in Chromium. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { defineLayoutSuite } from './suites/layout';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

const layout = defineLayoutSuite(chromiumDriver(() => chromium));
afterAll(() => console.log('Data column share (%):', JSON.stringify(layout.shares)));
