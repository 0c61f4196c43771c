/**
 * The Doximity content script's extractor alone (about 6 KB gzipped instead
 * of about 16 KB for ./extract). Same contract as ./extract: no zod at run time.
 */
import type { CaptureInput } from '../model/schemas';
import { extractDoximity } from './doximity';
import { isDoximityHost } from '../model/profile-links';
import type { ProblemAnswer } from './page-problem';
import { signInForm, statedProblem } from './site-problem';

function onDoximity(url: string): boolean {
  try {
    return isDoximityHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

export function extractRaw(doc: Document, url: string): CaptureInput | null {
  // "Log in to Doximity" or "Page Not Found" in the title is never a person's name.
  return onDoximity(url) && !statedProblem(doc) ? extractDoximity(doc, url) : null;
}

/**
 * What the content script answers: the profile, else why the page at a
 * profile address shows none (log-in page, profile not found), else null.
 */
export function readRaw(doc: Document, url: string): CaptureInput | ProblemAnswer | null {
  if (!onDoximity(url)) return null;
  const stated = statedProblem(doc);
  // At a profile address, a missing page is a profile that is not available.
  if (stated) return { problem: stated === 'not-found' ? 'unavailable' : stated };
  const profile = extractDoximity(doc, url);
  if (profile) return profile;
  return signInForm(doc) ? { problem: 'sign-in' } : null;
}

export function findPeopleRaw(doc: Document, url: string): CaptureInput[] {
  const one = extractRaw(doc, url);
  return one ? [one] : [];
}
