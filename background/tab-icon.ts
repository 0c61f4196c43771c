/**
 * Per-tab toolbar icon: a variant and a title tell whether the profile open in
 * the tab is already saved. The badge text is left to follow-ups.
 */
import { browser } from 'wxt/browser';
import { profileRef } from '../capture/urls';
import { findByProfileUrl } from '../storage/contacts';

const ICON_PATHS = {
  default: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png' },
  saved: { 16: '/icon/saved-16.png', 32: '/icon/saved-32.png', 48: '/icon/saved-48.png' },
};

export async function updateTabIcon(tabId: number, url: string | undefined): Promise<void> {
  const ref = url ? profileRef(url) : null;
  const contact = ref ? await findByProfileUrl(ref.canonicalUrl) : undefined;
  try {
    await browser.action.setIcon({ tabId, path: contact ? ICON_PATHS.saved : ICON_PATHS.default });
    await browser.action.setTitle({
      tabId,
      title: contact
        ? `Rapport: ${contact.fullName} is saved (click to update)`
        : ref
          ? 'Rapport: save this person'
          : 'Rapport: save a person from this page',
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
