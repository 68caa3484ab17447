/**
 * Panel settings that persist across DevTools sessions (extension storage, never the page's).
 */
import browser from 'webextension-polyfill';

export interface Settings {
  preserveLog: boolean;
  timeMode: 'absolute' | 'relative';
  hideNoise: boolean;
  maxFrames: number;
  showTimeline: boolean;
  /** A request with no answer after this long is "unanswered". */
  unansweredAfterMs: number;
}

export const DEFAULT_SETTINGS: Settings = { preserveLog: false, timeMode: 'absolute', hideNoise: false, maxFrames: 1_000_000, showTimeline: true, unansweredAfterMs: 10_000 };
const KEY = 'wsinspect.settings';

function sanitize(raw: unknown): Settings {
  const s = { ...DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Partial<Record<keyof Settings, unknown>>;
  if (typeof r.preserveLog === 'boolean') s.preserveLog = r.preserveLog;
  if (r.timeMode === 'absolute' || r.timeMode === 'relative') s.timeMode = r.timeMode;
  if (typeof r.hideNoise === 'boolean') s.hideNoise = r.hideNoise;
  if (typeof r.showTimeline === 'boolean') s.showTimeline = r.showTimeline;
  if (typeof r.maxFrames === 'number' && r.maxFrames >= 1000 && r.maxFrames <= 10_000_000) s.maxFrames = Math.floor(r.maxFrames);
  if (typeof r.unansweredAfterMs === 'number' && r.unansweredAfterMs >= 100 && r.unansweredAfterMs <= 3_600_000) s.unansweredAfterMs = Math.floor(r.unansweredAfterMs);
  return s;
}

export async function loadSettings(): Promise<Settings> {
  try { return sanitize((await browser.storage.local.get(KEY))[KEY]); } catch { return DEFAULT_SETTINGS; }
}

export function saveSettings(settings: Settings): void {
  browser.storage.local.set({ [KEY]: settings }).catch(() => {});
}
