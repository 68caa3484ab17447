import browser from 'webextension-polyfill';
import { HandshakeLog } from './handshakes';
import { Router } from './router';

const handshakes = new HandshakeLog(browser.storage.session);

const router = new Router({
  extensionOrigin: browser.runtime.getURL(''),
  sendToTab(tabId, command) {
    browser.tabs.sendMessage(tabId, command).catch(() => { /* no relay in this tab (yet) */ });
  },
  sendToFrame(tabId, frameId, request) {
    browser.tabs.sendMessage(tabId, request, { frameId }).catch(() => { /* the frame is gone */ });
  },
  recentHandshakes: (tabId) => handshakes.forTab(tabId),
  askFrame: (tabId, frameId, request) => browser.tabs.sendMessage(tabId, request, { frameId }),
});

browser.runtime.onConnect.addListener((port) => router.connect(port));

// Handshakes the hook cannot see (sockets opened by workers) are still visible here.
browser.webRequest?.onBeforeRequest.addListener(
  (details) => {
    if (details.tabId < 0) return undefined;
    handshakes.record(details.tabId, { url: details.url, time: details.timeStamp, frameId: details.frameId });
    router.handshake(details.tabId, details.url, details.timeStamp, details.frameId);
    return undefined;
  },
  { urls: ['ws://*/*', 'wss://*/*'], types: ['websocket'] },
);
// A tab's handshakes belong to the page it shows: forgotten when it loads another one, or closes.
browser.webRequest?.onBeforeRequest.addListener(
  (details) => {
    if (details.tabId >= 0) handshakes.forget(details.tabId);
    return undefined;
  },
  { urls: ['<all_urls>'], types: ['main_frame'] },
);
browser.tabs.onRemoved.addListener((tabId) => handshakes.forget(tabId));
