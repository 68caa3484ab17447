/** DevTools page: adds the "WebSockets" panel. */
import browser from 'webextension-polyfill';

browser.devtools.panels.create('WebSockets', '/icons/icon-32.png', '/src/panel/panel.html');
