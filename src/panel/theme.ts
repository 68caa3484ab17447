/**
 * The panel's theme follows DevTools' live (issue 13, finding 4):
 * - Chrome: `chrome.devtools.panels.setThemeChangeHandler` (Chrome 99+) reports DevTools' theme changes;
 * - Firefox: `browser.devtools.panels.onThemeChanged`;
 * - as a normal tab (tests): the `prefers-color-scheme` media query's change event.
 * DevTools' "match system" setting reaches the panel as a theme change in both browsers.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { devtoolsTheme, inDevTools } from './inspected-tab';

export type Theme = 'light' | 'dark';

const themeOf = (name: string): Theme => (name === 'dark' ? 'dark' : 'light');

/** Calls `apply` with each new theme; returns a function that stops watching. */
export function watchTheme(apply: (theme: Theme) => void): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const onMedia = () => { if (!inDevTools) apply(media.matches ? 'dark' : 'light'); };
  media.addEventListener('change', onMedia);
  const onFirefox = (name: string) => apply(themeOf(name));
  const chromePanels = (globalThis as { chrome?: typeof chrome }).chrome?.devtools?.panels;
  if (inDevTools && chromePanels && typeof chromePanels.setThemeChangeHandler === 'function') {
    chromePanels.setThemeChangeHandler((theme) => apply(themeOf(String(theme))));
  } else if (inDevTools) {
    browser.devtools.panels.onThemeChanged?.addListener(onFirefox);
  }
  return () => {
    media.removeEventListener('change', onMedia);
    if (inDevTools) browser.devtools.panels.onThemeChanged?.removeListener?.(onFirefox);
  };
}

/** The current theme, kept on `<html data-theme>` for the stylesheet. */
export function useTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(devtoolsTheme);
  useEffect(() => watchTheme(setTheme), []);
  useEffect(() => { document.documentElement.dataset.theme = theme; }, [theme]);
  return theme;
}
