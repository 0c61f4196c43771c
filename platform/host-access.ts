/**
 * Whether Rapport may still read a site's pages. Host permissions can be taken
 * back at run time (Chrome's "site access" menu, Firefox's add-on permissions,
 * where MV3 host access is opt-in): a read that fails for that reason must ask
 * the user to grant access again rather than fail silently.
 */
import { browser } from 'wxt/browser';
import type { ProfileSite } from '../model/profile-links';

/** The host permission each profile site's content script runs under (the manifest declares the same). */
export const SITE_ORIGINS: Record<ProfileSite, string> = {
  linkedin: 'https://*.linkedin.com/*',
  doximity: 'https://*.doximity.com/*',
};

/** How the user knows each site. */
export const SITE_LABELS: Record<ProfileSite, string> = {
  linkedin: 'LinkedIn',
  doximity: 'Doximity',
};

const SITES = Object.keys(SITE_ORIGINS) as ProfileSite[];

export async function hasHostAccess(site: ProfileSite): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [SITE_ORIGINS[site]] });
  } catch {
    // A browser without the permissions API cannot withdraw access either.
    return true;
  }
}

/** The profile sites' origins the user has taken back, in the manifest's order: what Rapport may ask for again. */
export async function withdrawnSiteOrigins(): Promise<string[]> {
  const access = await Promise.all(SITES.map(hasHostAccess));
  return SITES.filter((_, i) => !access[i]).map((site) => SITE_ORIGINS[site]);
}

/** "LinkedIn", "LinkedIn and Doximity": the sites behind `origins`, for the user to read. */
export function siteLabels(origins: readonly string[]): string {
  const labels = origins.map((origin) => {
    const site = SITES.find((s) => SITE_ORIGINS[s] === origin);
    return site ? SITE_LABELS[site] : origin.replace(/^https?:\/\/(\*\.)?|\/\*$/g, '');
  });
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
