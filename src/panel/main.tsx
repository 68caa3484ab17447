import { render } from 'preact';
import { App } from './App';
import { devtoolsTheme, resolveTabId } from './inspected-tab';
import './panel.css';

document.documentElement.dataset.theme = devtoolsTheme();
const root = document.getElementById('app')!;
resolveTabId().then(
  (tabId) => render(<App tabId={tabId} />, root),
  (error: Error) => { root.textContent = error.message; },
);
