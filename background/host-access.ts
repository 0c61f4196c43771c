/**
 * Whether Rapport may still read a site's pages. Host permissions can be taken
 * back at run time (Chrome's "site access" menu, Firefox's add-on permissions,
 * where MV3 host access is opt-in): a read that fails for that reason must ask
 * the user to grant access again rather than fail silently.
 */
import { browser } from 'wxt/browser';
import type { ProfileSite } from '../capture/urls';

/** The host permission each profile site's content script runs under (the manifest declares the same). */
export const SITE_ORIGINS: Record<ProfileSite, string> = {
  linkedin: 'https://*.linkedin.com/*',
  doximity: 'https://*.doximity.com/*',
};

export const SITE_NAMES: Record<ProfileSite, string> = {
  linkedin: 'linkedin.com',
  doximity: 'doximity.com',
};

export async function hasHostAccess(site: ProfileSite): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [SITE_ORIGINS[site]] });
  } catch {
    // A browser without the permissions API cannot withdraw access either.
    return true;
  }
}
