/** Breakpoints and rules (suites/intercept.ts) in Firefox ESR, on the panel page as a tab. */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { firefoxDriver } from './shared/firefox-panel';
import { defineInterceptSuite } from './suites/intercept';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

defineInterceptSuite(firefoxDriver(() => firefox));
