/**
 * Per-tab toolbar icon: a variant and a title tell whether the profile open in
 * the tab is already saved. The badge text is left to follow-ups.
 */
import { browser } from 'wxt/browser';
import { i18n } from '../model/i18n';
import { profileRef } from '../model/profile-links';
import type { DueCounts } from '../followups/due';
import { findByProfileUrl } from '../storage/contacts';
import { countDue } from '../storage/due';
import { actionTitle, defaultTabHint } from './action-title';

const ICON_PATHS = {
  default: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png' },
  saved: { 16: '/icon/saved-16.png', 32: '/icon/saved-32.png', 48: '/icon/saved-48.png' },
};

/**
 * Sets a tab's icon and title. `due` is what is due, which the title repeats
 * (a tab's own title hides the global one); counted here when not given.
 */
export async function updateTabIcon(tabId: number, url: string | undefined, due?: number | DueCounts): Promise<void> {
  const ref = url ? profileRef(url) : null;
  const [contact, count] = await Promise.all([
    ref ? findByProfileUrl(ref.canonicalUrl) : undefined,
    due ?? countDue(),
  ]);
  try {
    await browser.action.setIcon({ tabId, path: contact ? ICON_PATHS.saved : ICON_PATHS.default });
    await browser.action.setTitle({
      tabId,
      title: actionTitle(
        count,
        contact ? i18n.t('background.tabSaved', { name: contact.fullName }) : ref ? i18n.t('background.tabSaveThisPerson') : defaultTabHint(),
      ),
    });
  } catch {
    // The tab closed while we looked the profile up.
  }
}

/** Refreshes the icon of every open LinkedIn or Doximity tab, after data changed. */
export async function updateAllTabIcons(): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['https://*.linkedin.com/*', 'https://*.doximity.com/*'] });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : updateTabIcon(tab.id, tab.url))));
}

/**
 * Repeats a new follow-up count in every tab's own title. Profile tabs are
 * looked up again (their saved state may have changed too); other tabs, whose
 * address Rapport cannot see, get the default hint.
 */
export async function refreshAllTabTitles(due: number | DueCounts): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      if (tab.url && profileRef(tab.url)) return updateTabIcon(tab.id, tab.url, due);
      try {
        await browser.action.setTitle({ tabId: tab.id, title: actionTitle(due) });
      } catch {
        // The tab closed meanwhile.
      }
    }),
  );
}
