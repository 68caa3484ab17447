/**
 * Firefox ESR (Debian's) with the unpacked Firefox build installed as a temporary add-on
 * over WebDriver BiDi (see ../shared/browser-testing.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from '../../scripts/manifest-for';

export const FIREFOX_DIST = resolve(import.meta.dirname, '../../dist/firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Fixed so that moz-extension:// addresses are predictable in tests. */
export const EXTENSION_UUID = '6f0b3c1e-2a4d-4e8b-9c7a-1d2e3f4a5b6c';

export interface Firefox { browser: Browser; extensionOrigin: string; close(): Promise<void> }

export async function launchFirefox(options: { extension?: boolean } = {}): Promise<Firefox> {
  const profile = mkdtempSync(join(tmpdir(), 'wsinspect-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  });
  if (options.extension ?? true) await browser.installExtension(FIREFOX_DIST);
  return {
    browser,
    extensionOrigin: `moz-extension://${EXTENSION_UUID}`,
    async close() {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
