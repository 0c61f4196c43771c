import { browser } from 'wxt/browser';
import { ALARMS, requestBadgeRefresh, type RefreshOptions } from '../background/badge';
import { createContextMenus, registerQuickSaveListeners } from '../background/context-menu';
import { openFollowUpsFromNotification } from '../background/daily-summary';
import { routeMessage } from '../background/router';
import { classifySender } from '../background/senders';
import { acceptLivePort, onSyncAlarm, SYNC_ALARM } from '../background/sync';
import { SYNC_LIVE_PORT } from '../messages/sync';
import { updateTabIcon } from '../background/tab-icon';
import { purgeExpiredTrash } from '../storage/trash';

export default defineBackground(() => {
  // Every listener is registered synchronously, before any await, so that the
  // events which wake a stopped service worker are not missed.
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender));

  // Alarms that fire together after a sleep share one recount (requestBadgeRefresh coalesces them).
  browser.alarms.onAlarm.addListener((alarm) => {
    if ((Object.values(ALARMS) as string[]).includes(alarm.name)) void recount({ summary: true });
    if (alarm.name === ALARMS.periodic) void purgeTrash();
    if (alarm.name === SYNC_ALARM) void onSyncAlarm();
  });

  // An open Rapport page holds this port so that sync (when on) runs continuously; only our own pages may.
  browser.runtime.onConnect.addListener((port) => {
    const own = port.sender && classifySender(port.sender, browser.runtime.id, browser.runtime.getURL('/')) === 'extension-page';
    if (port.name === SYNC_LIVE_PORT && own) acceptLivePort(port);
    else port.disconnect();
  });

  // Chrome restores the last badge text after a restart, stale: recount from the database.
  browser.runtime.onStartup.addListener(() => recount({ summary: true }));
  browser.runtime.onInstalled.addListener(() => {
    void recount();
    // Menus persist across restarts: created once per install or update.
    createContextMenus().catch((error: unknown) => console.error('Rapport: could not create the menus', error));
  });

  // The context menu and the shortcut save like a toolbar click (they grant activeTab too).
  registerQuickSaveListeners();

  // Clicking the daily summary opens the follow-ups; sidePanel.open() needs the click's gesture, so no await first.
  browser.notifications?.onClicked.addListener((id) => openFollowUpsFromNotification(id));

  // LinkedIn moves from profile to profile without loading a page: follow its URL.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url || change.status === 'complete') void updateTabIcon(tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    browser.tabs.get(tabId).then((tab) => updateTabIcon(tabId, tab.url), () => undefined);
  });

  // Every start of the worker recounts and re-creates the alarms, whatever woke it.
  void recount();
  void purgeTrash();
});

/** Deleted contacts stay restorable for 30 days, then leave the trash (checked hourly and at start-up). */
function purgeTrash(): Promise<void> {
  return purgeExpiredTrash().then(
    () => undefined,
    (error: unknown) => console.error('Rapport: could not empty old trash', error),
  );
}

function recount(options: RefreshOptions = {}): Promise<void> {
  return requestBadgeRefresh(options).then(
    () => undefined,
    (error: unknown) => console.error('Rapport: could not recount follow-ups', error),
  );
}
