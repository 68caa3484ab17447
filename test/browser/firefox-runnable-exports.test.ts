/** Recordings as a Playwright test and a mock server (suites/runnable-exports.ts), recorded in Firefox ESR. */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { firefoxDriver } from './shared/firefox-panel';
import { defineRunnableExportsSuite } from './suites/runnable-exports';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

defineRunnableExportsSuite(firefoxDriver(() => firefox));
