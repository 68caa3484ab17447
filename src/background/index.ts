import browser from 'webextension-polyfill';
import { Router } from './router';

const router = new Router({
  extensionOrigin: browser.runtime.getURL(''),
  sendToTab(tabId, command) {
    browser.tabs.sendMessage(tabId, command).catch(() => { /* no relay in this tab (yet) */ });
  },
  sendToFrame(tabId, frameId, request) {
    browser.tabs.sendMessage(tabId, request, { frameId }).catch(() => { /* the frame is gone */ });
  },
  askFrame: (tabId, frameId, request) => browser.tabs.sendMessage(tabId, request, { frameId }),
});

browser.runtime.onConnect.addListener((port) => router.connect(port));

// Handshakes the hook cannot see (sockets opened by workers) are still visible here.
browser.webRequest?.onBeforeRequest.addListener(
  (details) => {
    if (details.tabId >= 0) router.handshake(details.tabId, details.url, details.timeStamp, details.frameId);
    return undefined;
  },
  { urls: ['ws://*/*', 'wss://*/*'], types: ['websocket'] },
);
