/**
 * The LinkedIn content script's extractor alone (about 8 KB gzipped instead
 * of about 16 KB for ./extract, which also carries the Doximity and
 * generic-web extractors). Same contract as ./extract: no zod at run time.
 */
import type { CaptureInput } from '../storage/schemas';
import { extractLinkedIn, findLinkedInPeople } from './linkedin';
import { isLinkedInHost } from './urls';

function onLinkedIn(url: string): boolean {
  try {
    return isLinkedInHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

export function extractRaw(doc: Document, url: string): CaptureInput | null {
  return onLinkedIn(url) ? extractLinkedIn(doc, url) : null;
}

export function findPeopleRaw(doc: Document, url: string): CaptureInput[] {
  if (!onLinkedIn(url)) return [];
  const one = extractLinkedIn(doc, url);
  return one ? [one] : findLinkedInPeople(doc, url);
}
