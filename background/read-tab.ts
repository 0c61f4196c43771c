/**
 * Reads the person shown in a tab. LinkedIn and Doximity tabs have our
 * read-only content script (host permission); any other page is read by
 * injecting the capture script once, which the user's click on the toolbar
 * icon allows through activeTab. Nothing here changes the page.
 */
import { browser } from 'wxt/browser';
import { i18n } from '../model/i18n';
import { profileRef, type ProfileRef } from '../model/profile-links';
import { EXTRACT_REQUEST } from '../messages';
import { SITE_LABELS, SITE_ORIGINS, hasHostAccess, siteLabels, withdrawnSiteOrigins } from '../platform/host-access';
import { TimeLimitError, withTimeLimit } from './time-limit';

export type TabRead =
  | { kind: 'page'; url: string; raw: unknown }
  | { kind: 'unreadable'; url?: string; reason: string }
  /**
   * The user took back Rapport's access to the site: ask for `origins` again (RELIABILITY S8).
   * `url` is missing when the browser hides the tab's address for that reason.
   */
  | { kind: 'needs-access'; url?: string; origins: string[]; reason: string };

/**
 * How long reading a page may take, content script or injected script, before
 * Rapport says so. A read takes milliseconds; Chromium's `executeScript` on a
 * tab it no longer lets Rapport see can stay pending for ever.
 */
export const READ_TIME_LIMIT_MS = 10_000;
export const readTooSlow = () => i18n.t('background.readTooSlow');

const CONTENT_SCRIPT_FILES = {
  linkedin: '/content-scripts/linkedin.js',
  doximity: '/content-scripts/doximity.js',
} as const;

/**
 * Without the "tabs" permission the browser tells an extension a tab's address
 * only for sites it may read (or after a click on its icon). A hidden address
 * while the user has turned off access to LinkedIn or Doximity may be such a
 * page: say so and offer both ways back, rather than "not a web page".
 */
export function hiddenTabReason(origins: readonly string[]): string {
  return (
    i18n.t('background.hiddenTab', { sites: siteLabels(origins) })
  );
}

export function withdrawnSiteReason(site: ProfileRef['site']): string {
  return i18n.t('background.withdrawnSite', { site: SITE_LABELS[site] });
}

async function askContentScript(tabId: number): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, EXTRACT_REQUEST);
}

async function readPage(tabId: number, ref: ProfileRef | null): Promise<unknown> {
  if (ref) {
    try {
      return await askContentScript(tabId);
    } catch {
      // The tab was open before Rapport was installed or reached the profile by
      // in-page navigation from a page we don't match: load the reader now.
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILES[ref.site]] });
      return askContentScript(tabId);
    }
  }
  const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/capture-page.js'] });
  return result?.result;
}

/** Why a tab whose address the browser hides cannot be read from the side panel, and what to do. */
export const hiddenTabReasonWithoutAccess = () => i18n.t('background.readsOnlyWhenAsked');

export async function readTab(tabId: number): Promise<TabRead> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { kind: 'unreadable', reason: i18n.t('background.tabClosed') };
  }
  if (!url) {
    const withdrawn = await withdrawnSiteOrigins();
    if (withdrawn.length > 0) return { kind: 'needs-access', origins: withdrawn, reason: hiddenTabReason(withdrawn) };
    // Chrome hides the address of a tab on a site Rapport may read only when asked (activeTab):
    // the side panel's Save is not such a request; the toolbar icon, the shortcut and the menu are.
    return { kind: 'unreadable', reason: hiddenTabReasonWithoutAccess() };
  }
  if (!url || !/^https?:/.test(url)) {
    return { kind: 'unreadable', url, reason: i18n.t('background.onlyWebPages') };
  }
  const ref = profileRef(url);
  try {
    // One limit for the whole read, so that a call that never settles ends as an error.
    return { kind: 'page', url, raw: await withTimeLimit(readPage(tabId, ref), READ_TIME_LIMIT_MS, readTooSlow()) };
  } catch (error) {
    if (ref && !(await hasHostAccess(ref.site))) {
      return { kind: 'needs-access', url, origins: [SITE_ORIGINS[ref.site]], reason: withdrawnSiteReason(ref.site) };
    }
    if (error instanceof TimeLimitError) return { kind: 'unreadable', url, reason: error.message };
    return {
      kind: 'unreadable',
      url,
      reason: i18n.t('background.couldNotRead'),
    };
  }
}
