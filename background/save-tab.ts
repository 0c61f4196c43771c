/** Saves the person shown in a tab: read, validate, store. */
import { i18n } from '../model/i18n';
import { validateCapture, type Capture } from '../capture/index';
import { draftFromPartial } from '../capture/draft';
import { problemOf, type PageProblem } from '../capture/page-problem';
import { isDoximityHost, isLinkedInHost } from '../model/profile-links';
import type { SaveOutcome } from '../messages';
import { saveCapture, type SaveOptions } from '../storage/contacts';
import { fetchThumbnail } from './photo-thumb';
import { openPicker, peopleIn } from './save-chosen-person';
import { readTab } from './read-tab';

export async function saveTab(tabId: number, now = Date.now()): Promise<SaveOutcome> {
  const read = await readTab(tabId);
  if (read.kind === 'unreadable') return { kind: 'no-person', url: read.url, reason: read.reason };
  if (read.kind === 'needs-access') return read;
  // Page data is untrusted: it is validated here, in the background, whatever the content script did.
  const capture = validateCapture(read.raw);
  if (!capture) {
    const people = peopleIn(read.raw);
    // A listing page: the user chooses on the page; one person alone is saved at once.
    if (people.length > 1) return openPicker(tabId, read.url, people, now);
    if (people.length === 1 && people[0]) return saveOne(people[0], now, { listed: true });
    const problem = problemOf(read.raw);
    return {
      kind: 'no-person',
      url: read.url,
      reason: problem ? problemReason(problem, siteOf(read.url)) : i18n.t('background.noPerson'),
      draft: draftFromPartial(read.raw, read.url),
    };
  }
  return saveOne(capture, now);
}

/** Stores one capture, with a thumbnail of the photo when its host allows (fetched before the transaction). */
async function saveOne(capture: Capture, now: number, options: SaveOptions = {}): Promise<SaveOutcome> {
  const photoThumb = capture.photoUrl ? await fetchThumbnail(capture.photoUrl) : undefined;
  const result = await saveCapture(capture, now, { ...options, photoThumb });
  return { kind: 'saved', ...result };
}

type ProblemSite = 'linkedin' | 'doximity' | 'web';

function siteOf(url: string): ProblemSite {
  try {
    const { hostname } = new URL(url);
    return isLinkedInHost(hostname) ? 'linkedin' : isDoximityHost(hostname) ? 'doximity' : 'web';
  } catch {
    return 'web';
  }
}

/**
 * Why a page saved nobody, in words the user can act on (issue 13): LinkedIn's
 * and Doximity's states at a profile address, a directory site's 404 or sign-in page.
 */
export function problemReason(problem: PageProblem, site: ProblemSite = 'linkedin'): string {
  switch (problem) {
    case 'sign-in':
      return site === 'linkedin' ? i18n.t('capture.problemSignIn') : site === 'doximity' ? i18n.t('capture.problemSignInDoximity') : i18n.t('capture.problemSignInSite');
    case 'unavailable':
      return site === 'doximity' ? i18n.t('capture.problemUnavailableDoximity') : i18n.t('capture.problemUnavailable');
    case 'rate-limited':
      return i18n.t('capture.problemRateLimited');
    case 'error':
      return i18n.t('capture.problemError');
    case 'not-found':
      return site === 'doximity' ? i18n.t('capture.problemUnavailableDoximity') : i18n.t('capture.problemNotFound');
  }
}
