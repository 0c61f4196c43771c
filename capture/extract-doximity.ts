/**
 * The Doximity content script's extractor alone (about 6 KB gzipped instead
 * of about 16 KB for ./extract). Same contract as ./extract: no zod at run time.
 */
import type { CaptureInput } from '../model/schemas';
import { extractDoximity } from './doximity';
import { isDoximityHost } from '../model/profile-links';

function onDoximity(url: string): boolean {
  try {
    return isDoximityHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

export function extractRaw(doc: Document, url: string): CaptureInput | null {
  return onDoximity(url) ? extractDoximity(doc, url) : null;
}

export function findPeopleRaw(doc: Document, url: string): CaptureInput[] {
  const one = extractRaw(doc, url);
  return one ? [one] : [];
}
