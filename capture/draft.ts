/**
 * What the add-by-hand form starts from when a page gave no person to save
 * (issue 13): the fields a reader did find — a name candidate, a title, an
 * organization, an e-mail — and the page's address when it is a link worth
 * keeping. Pure; runs in the background on what a content script sent, so
 * everything is checked here as untrusted.
 *
 * Nothing is invented, and a page that says what it is instead of a person
 * (a sign-in wall, a "profile not found" page) gives no text at all: its
 * sentences are about the site, never about someone.
 */
import { profileRef } from '../model/profile-links';
import { isHttp } from './extract-web';
import { problemOf } from './page-problem';
import { clean } from './text';

/** The form's prefill: the fields of `AddRequest['initial']` (storage/ui-state) and the link. */
export interface AddDraft {
  profileUrl?: string;
  initial: { fullName?: string; title?: string; organization?: string; email?: string };
}

const TEXT_FIELDS = ['fullName', 'title', 'organization'] as const;
/** The form's limits (storage/ui-state's `line(300)`); a longer "name" is page text, not a field. */
const MAX_LENGTH = 300;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

function field(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = clean(value);
  return text && text.length <= MAX_LENGTH ? text : undefined;
}

/** Own properties only: a page's `__proto__` or `constructor` is never read as a field. */
function own(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/**
 * The fields found on the page: a reader's `partial` (the web reader's name
 * heading without a profile's signs), else the capture itself when it was
 * read but failed validation (a person with no valid name still has a title).
 */
function foundFields(raw: unknown): object | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const partial = own(raw, 'partial');
  if (typeof partial === 'object' && partial !== null && !Array.isArray(partial)) return partial;
  return 'people' in raw ? undefined : raw;
}

/**
 * The prefill for a page that gave no person. `raw` is what the page's
 * script answered (unvalidated), `url` the tab's address.
 */
export function draftFromPartial(raw: unknown, url: string | undefined): AddDraft {
  const problem = problemOf(raw);
  const draft: AddDraft = { initial: {} };
  if (url && isHttp(url)) {
    // A state page's address is kept only when it is a person's profile address (LinkedIn's sign-in wall at /in/…).
    if (!problem || profileRef(url)) draft.profileUrl = url;
  }
  if (problem) return draft;
  const found = foundFields(raw);
  if (!found) return draft;
  for (const key of TEXT_FIELDS) {
    const value = field(own(found, key));
    if (value) draft.initial[key] = value;
  }
  const email = field(own(found, 'email'));
  if (email && EMAIL.test(email)) draft.initial.email = email;
  // A profile link the reader found beats the page's own address.
  const link = field(own(found, 'profileUrl'));
  if (link && isHttp(link) && !problem) draft.profileUrl = link;
  return draft;
}
