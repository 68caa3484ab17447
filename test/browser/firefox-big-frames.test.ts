/** Big frames fetched on demand and exported whole (suites/big-frames.ts), in Firefox ESR. */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { firefoxDriver } from './shared/firefox-panel';
import { defineBigFramesSuite } from './suites/big-frames';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

defineBigFramesSuite(firefoxDriver(() => firefox));
