/** Layout at DevTools' sizes and axe-core (suites/layout.ts), in Firefox ESR. */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { firefoxDriver } from './shared/firefox-panel';
import { defineLayoutSuite } from './suites/layout';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

const layout = defineLayoutSuite(firefoxDriver(() => firefox));
afterAll(() => console.log('Data column share (%):', JSON.stringify(layout.shares)));
