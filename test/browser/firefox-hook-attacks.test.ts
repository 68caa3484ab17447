/** The page attacks the hook (suites/hook-attacks.ts) in Firefox ESR, on the panel page as a tab. */
import { afterAll, beforeAll } from 'vitest';
import { FIREFOX_DIST, launchFirefox, type Firefox } from '../helpers/firefox';
import { firefoxDriver } from './shared/firefox-panel';
import { defineHookAttackSuite } from './suites/hook-attacks';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

defineHookAttackSuite(firefoxDriver(() => firefox), FIREFOX_DIST);
