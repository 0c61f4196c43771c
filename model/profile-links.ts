/**
 * Canonical profile links and the source identities derived from them.
 * Kept free of zod and DOM so that content scripts can import it cheaply.
 */

export type ProfileSite = 'linkedin' | 'doximity';

export interface ProfileRef {
  site: ProfileSite;
  /** Lower-case, percent-decoded slug (LinkedIn) or slug/id (Doximity). */
  slug: string;
  /** https, no query or fragment; LinkedIn's with a trailing slash. */
  canonicalUrl: string;
  /** `site:slug`, the key a contact is found by. */
  identity: string;
}

const LINKEDIN_HOST = /^([a-z]{2,3}\.|www\.|m\.)?linkedin\.com$/i;
const DOXIMITY_HOST = /^(www\.)?doximity\.com$/i;

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function parse(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

export function isLinkedInHost(hostname: string): boolean {
  return LINKEDIN_HOST.test(hostname);
}

export function isDoximityHost(hostname: string): boolean {
  return DOXIMITY_HOST.test(hostname);
}

/** Recognises a LinkedIn or Doximity profile link in any of its usual forms. */
export function profileRef(url: string): ProfileRef | null {
  const parsed = parse(url);
  if (!parsed) return null;
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (isLinkedInHost(parsed.hostname)) {
    // /in/<slug>/…, also Sales Navigator's /sales/lead/<id>,… which we only recognise.
    if (segments[0] === 'in' && segments[1]) {
      const slug = safeDecode(segments[1]).normalize('NFC').toLowerCase();
      if (!slug || /[\s/?#]/.test(slug)) return null;
      return {
        site: 'linkedin',
        slug,
        canonicalUrl: `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`,
        identity: `linkedin:${slug}`,
      };
    }
    return null;
  }
  if (isDoximityHost(parsed.hostname)) {
    if ((segments[0] === 'pub' || segments[0] === 'profiles') && segments[1]) {
      const slug = safeDecode(segments[1]).toLowerCase();
      return {
        site: 'doximity',
        slug,
        canonicalUrl: `https://www.doximity.com/${segments[0]}/${encodeURIComponent(slug)}`,
        identity: `doximity:${slug}`,
      };
    }
    return null;
  }
  return null;
}

/** The identity a contact saved from `url` is known by: a profile slug, or the page itself. */
export function identityForUrl(url: string): string | null {
  const ref = profileRef(url);
  if (ref) return ref.identity;
  const parsed = parse(url);
  if (!parsed) return null;
  parsed.hash = '';
  return `web:${parsed.href}`;
}

/** What kind of LinkedIn page an address is; `none` for any other site. */
export type LinkedInPageKind = 'profile' | 'profile-details' | 'sales-lead' | 'search-people' | 'other' | 'none';

/**
 * Classifies a LinkedIn address. `profile-details` is a profile's sub-page
 * (/in/<slug>/details/experience/…), which `profileRef` still maps to the
 * profile; Sales Navigator leads (/sales/lead/<id>,…) are recognised but
 * carry no public profile name, so `profileRef` does not map them.
 */
export function linkedInPage(url: string): { kind: LinkedInPageKind; salesNavigator: boolean } {
  const parsed = parse(url);
  if (!parsed || !isLinkedInHost(parsed.hostname)) return { kind: 'none', salesNavigator: false };
  const segments = parsed.pathname.split('/').filter(Boolean);
  const salesNavigator = segments[0] === 'sales';
  if (segments[0] === 'in' && segments[1]) {
    const rest = segments.slice(2);
    // /overlay/… and /recent-activity/… are dialogs and tabs over the same profile.
    const details = rest.length > 0 && rest[0] !== 'overlay' && rest[0] !== 'edit';
    return { kind: details ? 'profile-details' : 'profile', salesNavigator };
  }
  if (salesNavigator && (segments[1] === 'lead' || segments[1] === 'people') && segments[2]) {
    return { kind: 'sales-lead', salesNavigator };
  }
  if (segments[0] === 'search' && segments[1] === 'results' && segments[2] === 'people') {
    return { kind: 'search-people', salesNavigator };
  }
  return { kind: 'other', salesNavigator };
}

/**
 * The identity of one person saved from a page that lists several: the page's
 * own identity is shared by everyone on it, so the person's name is added
 * (`web:<page>#<name>`), and two residents saved from one page make two contacts.
 */
export function listedIdentity(pageUrl: string, fullName: string): string | null {
  const page = identityForUrl(pageUrl);
  const name = fullName.normalize('NFC').toLowerCase().replace(/[\s#]+/g, '-').replace(/^-+|-+$/g, '');
  return page && name ? `${page}#${name}` : null;
}
