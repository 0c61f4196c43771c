/**
 * The LinkedIn content script's extractor alone (about 11 KB gzipped instead
 * of about 16 KB for ./extract, which also carries the Doximity and
 * generic-web extractors). Same contract as ./extract: no zod at run time.
 */
import type { CaptureInput } from '../model/schemas';
import { extractLinkedIn, findLinkedInPeople } from './linkedin';
import { linkedInProblem, type ProblemAnswer } from './page-problem';
import { isLinkedInHost } from '../model/profile-links';

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

/**
 * What the content script answers: the profile, else why the page at a
 * profile address shows none (sign-in wall, not available, rate limit,
 * error), else null.
 */
export function readRaw(doc: Document, url: string): CaptureInput | ProblemAnswer | null {
  const profile = extractRaw(doc, url);
  if (profile || !onLinkedIn(url)) return profile;
  const problem = linkedInProblem(doc);
  return problem ? { problem } : null;
}

export function findPeopleRaw(doc: Document, url: string): CaptureInput[] {
  if (!onLinkedIn(url)) return [];
  const one = extractLinkedIn(doc, url);
  return one ? [one] : findLinkedInPeople(doc, url);
}
