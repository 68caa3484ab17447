/** Export → import through the panel's UI keeps every frame (suites/round-trip.ts), in Firefox ESR. */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type Firefox } from '../helpers/firefox';
import { firefoxDriver } from './shared/firefox-panel';
import { defineRoundTripSuite } from './suites/round-trip';

let firefox: Firefox;
beforeAll(async () => { firefox = await launchFirefox(); });
afterAll(() => firefox?.close());

defineRoundTripSuite(firefoxDriver(() => firefox));
