/**
 * Which tab this panel inspects, and DevTools facts about it. Inside DevTools that is
 * `devtools.inspectedWindow.tabId`; opened as a normal page (tests, debugging) the panel
 * takes `?tabId=N`, or `?tabUrl=prefix` to find the tab by its address.
 */
import browser from 'webextension-polyfill';

export const inDevTools = typeof browser.devtools?.inspectedWindow?.tabId === 'number';

export async function resolveTabId(): Promise<number> {
  if (inDevTools) return browser.devtools.inspectedWindow.tabId;
  const params = new URLSearchParams(location.search);
  const tabId = Number(params.get('tabId'));
  if (Number.isInteger(tabId) && tabId > 0) return tabId;
  const prefix = params.get('tabUrl');
  if (prefix) {
    const tabs = await browser.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(prefix));
    if (tab?.id !== undefined) return tab.id;
  }
  throw new Error('No inspected tab: open this panel from DevTools, or pass ?tabId=N');
}

export function devtoolsTheme(): 'dark' | 'light' {
  const name = inDevTools ? browser.devtools.panels.themeName : undefined;
  if (name === 'dark') return 'dark';
  if (name) return 'light';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Calls back when the inspected page navigates (DevTools only). */
export function onNavigated(callback: (url: string) => void): void {
  if (inDevTools) browser.devtools.network.onNavigated.addListener(callback);
}
