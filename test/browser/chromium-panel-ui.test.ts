/** The panel's tools (suites/panel-ui.ts) in Chromium, on the panel page as a tab. */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from '../helpers/chromium';
import { chromiumDriver } from './shared/chromium-panel';
import { definePanelUiSuite } from './suites/panel-ui';

let chromium: Chromium;
beforeAll(async () => { chromium = await launchChromium(); });
afterAll(() => chromium?.close());

definePanelUiSuite(chromiumDriver(() => chromium));
