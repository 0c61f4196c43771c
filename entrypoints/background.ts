import { browser } from 'wxt/browser';
import { ALARMS, refreshBadge } from '../background/badge';
import { routeMessage } from '../background/router';
import { updateTabIcon } from '../background/tab-icon';

export default defineBackground(() => {
  // Every listener is registered synchronously, before any await, so that the
  // events which wake a stopped service worker are not missed.
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender));

  browser.alarms.onAlarm.addListener((alarm) => {
    if ((Object.values(ALARMS) as string[]).includes(alarm.name)) void refreshBadge();
  });

  // Chrome restores the last badge text after a restart, stale: recount from the database.
  browser.runtime.onStartup.addListener(() => void refreshBadge());
  browser.runtime.onInstalled.addListener(() => void refreshBadge());

  // LinkedIn moves from profile to profile without loading a page: follow its URL.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url || change.status === 'complete') void updateTabIcon(tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    browser.tabs.get(tabId).then((tab) => updateTabIcon(tabId, tab.url), () => undefined);
  });

  void refreshBadge();
});
