/** The per-browser manifest, derived from the one source manifest.json. */
export type Browser = 'chrome' | 'firefox';

export const GECKO_ID = 'wsinspect@wsinspect.dev';

type Manifest = Record<string, any>;

export function manifestFor(base: Manifest, browser: Browser, version: string): Manifest {
  const m: Manifest = structuredClone(base);
  m.version = version;
  if (browser === 'chrome') return m;
  // Firefox: an event page instead of a service worker, an add-on id, no Chrome-only keys.
  m.background = { scripts: [m.background.service_worker], type: 'module' };
  // data_collection_permissions (required by addons.mozilla.org) needs Firefox 140 / Android 142.
  m.browser_specific_settings = {
    gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    gecko_android: { strict_min_version: '142.0' },
  };
  delete m.minimum_chrome_version;
  delete m.message_serialization; // Chrome's opt-in to what Firefox always does (structured clone)
  for (const script of m.content_scripts) delete script.match_origin_as_fallback;
  return m;
}
