/** DevTools manners, following, wording, small fixes (suites/manners.ts), in Firefox ESR. */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { firefoxDriver } from './shared/firefox-panel';
import { defineMannersSuite } from './suites/manners';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

defineMannersSuite(firefoxDriver(() => firefox));
