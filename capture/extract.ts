/**
 * Picks the extractor for a page by its address and returns what it read,
 * unvalidated. Scripts that run in pages bundle this, or one of the smaller
 * per-site entry points with the same API (./extract-linkedin,
 * ./extract-doximity, ./extract-web), so none of them imports zod at run time
 * (types only): the background validates with `validateCapture` from ./index.
 */
import type { CaptureInput } from '../model/schemas';
import * as doximity from './extract-doximity';
import * as linkedin from './extract-linkedin';
import * as web from './extract-web';
import { isDoximityHost, isLinkedInHost } from '../model/profile-links';

type Site = 'linkedin' | 'doximity' | 'web' | null;

function siteOf(url: string): Site {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'https:' && protocol !== 'http:') return null;
    if (isLinkedInHost(hostname)) return 'linkedin';
    if (isDoximityHost(hostname)) return 'doximity';
    return 'web';
  } catch {
    return null;
  }
}

/** The one person the page is about, or null (no person, or a page listing several). */
export function extractRaw(doc: Document, url: string): CaptureInput | null {
  switch (siteOf(url)) {
    case 'linkedin':
      return linkedin.extractRaw(doc, url);
    case 'doximity':
      return doximity.extractRaw(doc, url);
    case 'web':
      return web.extractRaw(doc, url);
    default:
      return null;
  }
}

/** What the page's script answers: its person, or its people, or why it shows no one (./site-problem). */
export function readPage(doc: Document, url: string): unknown {
  switch (siteOf(url)) {
    case 'linkedin':
      return linkedin.readRaw(doc, url);
    case 'doximity':
      return doximity.readRaw(doc, url);
    case 'web':
      return web.readRaw(doc, url);
    default:
      return null;
  }
}

/**
 * Every person the page offers, in page order: all entries of a listing
 * (directory, residents' page, search results), or the one person a profile
 * page is about, or none.
 */
export function findPeopleRaw(doc: Document, url: string): CaptureInput[] {
  switch (siteOf(url)) {
    case 'linkedin':
      return linkedin.findPeopleRaw(doc, url);
    case 'doximity':
      return doximity.findPeopleRaw(doc, url);
    case 'web':
      return web.findPeopleRaw(doc, url);
    default:
      return [];
  }
}
