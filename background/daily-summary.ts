/**
 * The opt-in daily summary: one browser notification a day when follow-ups
 * are due, and what clicking it does.
 */
import { browser } from 'wxt/browser';
import { i18n } from '../model/i18n';
import { dueLabel, localDay } from '../followups/rules';
import { openBrowserSidePanel } from '../platform/side-panel';
import { claimDailySummary, listDueFollowUps, releaseDailySummary } from '../storage/followups';
import { getSettings } from '../storage/settings';
import { setSectionRequest } from '../storage/ui-state';

export const SUMMARY_NOTIFICATION_ID = 'rapport-daily-summary';

/** "Priya Raman, Sam Lee and 3 others are waiting for a follow-up." */
export function summaryMessage(names: readonly string[], due: number): string {
  const shown = names.slice(0, 2);
  const others = due - shown.length;
  if (shown.length === 0) return i18n.t('background.summaryNone');
  const who =
    others > 0
      ? i18n.t('background.namesAndOthers', others, { names: shown.join(', '), n: others })
      : shown.length === 2
        ? i18n.t('background.twoNames', { a: shown[0]!, b: shown[1]! })
        : shown[0]!;
  return i18n.t('background.waiting', due, { who });
}

/**
 * Shows today's summary if the user asked for it, follow-ups are due and none
 * was shown yet today (the day is claimed in the database first, so alarms
 * firing together never notify twice). Returns whether it notified.
 */
export async function notifyDailySummary(due: number, now = Date.now()): Promise<boolean> {
  if (due === 0 || !browser.notifications) return false;
  const settings = await getSettings();
  if (!settings.dailySummary) return false;
  const day = localDay(now);
  if (!(await claimDailySummary(day))) return false;
  try {
    const names = (await listDueFollowUps(now, 2)).map((contact) => contact.fullName);
    await browser.notifications.create(SUMMARY_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: i18n.t('background.notificationTitle', { due: dueLabel(due) }),
      message: summaryMessage(names, due),
    });
    return true;
  } catch (error) {
    // Not shown (notifications blocked by the system): let a later alarm try again today.
    await releaseDailySummary(day);
    throw error;
  }
}

/** chrome.windows.WINDOW_ID_CURRENT: the click's window, known without an await. */
const WINDOW_ID_CURRENT = -2;

/**
 * Clicking the summary opens the follow-ups list in the side panel. Chrome
 * dispatches notifications.onClicked with a user gesture, so sidePanel.open()
 * is called first, in the same task; the panel learns which section to show
 * from a request written to the database. Where the panel cannot open (no
 * gesture, Firefox's sidebar, a browser without either), the same page opens
 * in a tab instead.
 */
export function openFollowUpsFromNotification(notificationId: string): void {
  if (notificationId !== SUMMARY_NOTIFICATION_ID) return;
  const opening = openBrowserSidePanel(WINDOW_ID_CURRENT);
  const requesting = setSectionRequest('followups');
  void browser.notifications.clear(notificationId).catch(() => undefined);
  requesting.catch((error: unknown) => console.error('Rapport: could not ask the panel for follow-ups', error));
  opening.catch(async () => {
    // The page reads the request when it loads: write it before opening.
    await requesting.catch(() => undefined);
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  });
}
