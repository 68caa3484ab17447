/**
 * The client-library matrix in Chromium: socket.io (websocket-only and polling→upgrade),
 * graphql-ws, mqtt, @stomp/stompjs and reconnecting-websocket against their real servers;
 * the panel's frame count must equal what the server saw (see libraries/run.ts).
 */
import { afterAll, beforeAll, describe, onTestFinished, test } from 'vitest';
import { launchChromium, openPanelAsTab, type Chromium } from '../helpers/chromium';
import { LIBRARIES, prebundleAll, runLibraryCase, type BrowserDriver } from './libraries/run';

let chromium: Chromium;
let driver: BrowserDriver;

beforeAll(async () => {
  [chromium] = await Promise.all([launchChromium(), prebundleAll()]);
  driver = {
    newPage: () => chromium.browser.newPage(),
    async openPanel(page) {
      const panel = await openPanelAsTab(chromium, page);
      onTestFinished(() => panel.close().catch(() => {}));
      return panel;
    },
  };
});
afterAll(async () => { await chromium?.close(); });

describe('client libraries in Chromium', () => {
  for (const library of LIBRARIES) test(library.name, () => runLibraryCase(library, driver));
});
