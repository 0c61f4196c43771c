/**
 * Reads the person shown in a tab. LinkedIn and Doximity tabs have our
 * read-only content script (host permission); any other page is read by
 * injecting the capture script once, which the user's click on the toolbar
 * icon allows through activeTab. Nothing here changes the page.
 */
import { browser } from 'wxt/browser';
import { profileRef } from '../capture/urls';
import { EXTRACT_REQUEST } from '../messages';
import { SITE_NAMES, SITE_ORIGINS, hasHostAccess } from './host-access';

export type TabRead =
  | { kind: 'page'; url: string; raw: unknown }
  | { kind: 'unreadable'; url?: string; reason: string }
  /** The user took back Rapport's access to the site: ask for it again (RELIABILITY S8). */
  | { kind: 'needs-access'; url: string; origins: string[]; reason: string };

const CONTENT_SCRIPT_FILES = {
  linkedin: '/content-scripts/linkedin.js',
  doximity: '/content-scripts/doximity.js',
} as const;

async function askContentScript(tabId: number): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, EXTRACT_REQUEST);
}

export async function readTab(tabId: number): Promise<TabRead> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { kind: 'unreadable', reason: 'That tab is closed.' };
  }
  if (!url || !/^https?:/.test(url)) {
    return { kind: 'unreadable', url, reason: 'Rapport can only read web pages.' };
  }
  const ref = profileRef(url);
  try {
    if (ref) {
      try {
        return { kind: 'page', url, raw: await askContentScript(tabId) };
      } catch {
        // The tab was open before Rapport was installed or reached the profile by
        // in-page navigation from a page we don't match: load the reader now.
        await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILES[ref.site]] });
        return { kind: 'page', url, raw: await askContentScript(tabId) };
      }
    }
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/capture-page.js'],
    });
    return { kind: 'page', url, raw: result?.result };
  } catch {
    if (ref && !(await hasHostAccess(ref.site))) {
      return {
        kind: 'needs-access',
        url,
        origins: [SITE_ORIGINS[ref.site]],
        reason: `Rapport no longer has access to ${SITE_NAMES[ref.site]}. Grant access to save people from it.`,
      };
    }
    return {
      kind: 'unreadable',
      url,
      reason: 'Rapport could not read this page. Click the Rapport icon while the page is open to allow it.',
    };
  }
}
