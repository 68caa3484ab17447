import { render } from 'preact';
import { App } from './App';
import { PanelContext } from './context';
import { devtoolsTheme, resolveTabId } from './inspected-tab';
import { PanelState } from './state';
import './panel.css';

/** Narrower than this (DevTools docked at the side), the connection list starts collapsed. */
const WIDE_ENOUGH_FOR_CONNECTIONS = 900;

document.documentElement.dataset.theme = devtoolsTheme();
const root = document.getElementById('app')!;
resolveTabId().then(
  (tabId) => render(
    <PanelContext.Provider value={new PanelState(tabId, innerWidth >= WIDE_ENOUGH_FOR_CONNECTIONS)}><App /></PanelContext.Provider>,
    root,
  ),
  (error: Error) => { root.textContent = error.message; },
);
