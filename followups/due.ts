/**
 * What is due and when: the one rule module for every reminder Rapport
 * raises (follow-ups, letters of recommendation, keeping in touch). Pure
 * functions of their arguments, so that the badge, the popup, the side panel
 * and the background agree.
 *
 * Every reminder falls due at the start of a local day, like follow-ups
 * (./rules.ts): "3 days before the deadline" is the morning of that day
 * wherever the user is, across daylight-saving changes. A letter's deadline
 * is a calendar day (YYYY-MM-DD) read in local time.
 *
 * Storage keeps the moment each letter and each contact next falls due
 * (`Letter.dueAt`, `Contact.keepInTouchAt`) from these functions on every
 * write, so that the badge counts through indexes alone.
 */
import { startOfDay, subDays } from 'date-fns';
import type { Contact, Letter, LetterStatus, Settings } from '../model/schemas';
import { dueAfter, followUpState } from './rules';

/** How long "Not now" puts off a reminder that has no later date of its own. */
export const REPEAT_DAYS = 7;

/** The local start of a calendar day `yyyy-MM-dd`; undefined for anything else. */
export function dayStart(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return undefined;
  return startOfDay(date).getTime();
}

/** Why a letter asks for attention. */
export type LetterReason =
  /** A nudge before its deadline: a polite check-in with the writer. */
  | 'nudge'
  /** Its deadline passed and it is not submitted. */
  | 'overdue'
  /** Asked with no deadline, and it has been a while. */
  | 'check_in'
  /** Submitted: a thank-you is owed. */
  | 'thank_you';

/** Statuses in which the letter is still owed by its writer. */
const PENDING: ReadonlySet<LetterStatus> = new Set(['asked', 'agreed']);

export function isPending(letter: Pick<Letter, 'status'>): boolean {
  return PENDING.has(letter.status);
}

type LetterClock = Pick<Letter, 'status' | 'deadline' | 'askedAt' | 'submittedAt' | 'remindedAt' | 'snoozedUntil' | 'createdAt'>;

/** The moments a letter's reminders fall due, in order, each with its reason. */
export function letterPoints(letter: LetterClock, settings: Pick<Settings, 'letterNudgeDays' | 'followUpDays'>): { at: number; reason: LetterReason }[] {
  if (letter.status === 'submitted') {
    return letter.submittedAt === undefined ? [] : [{ at: dueAfter(letter.submittedAt, 1), reason: 'thank_you' }];
  }
  if (!isPending(letter)) return [];
  const deadline = letter.deadline === undefined ? undefined : dayStart(letter.deadline);
  if (deadline === undefined) {
    return [{ at: dueAfter(letter.askedAt ?? letter.createdAt, settings.followUpDays), reason: 'check_in' }];
  }
  const nudges = [...new Set(settings.letterNudgeDays)]
    .sort((a, b) => b - a)
    .map((days) => ({ at: startOfDay(subDays(deadline, days)).getTime(), reason: 'nudge' as const }));
  return [...nudges, { at: dueAfter(deadline, 1), reason: 'overdue' }];
}

/** From when earlier reminders no longer count: the ask (or submission), or the last reminder the user dealt with. */
function baseline(letter: LetterClock): number {
  const start = letter.status === 'submitted' ? (letter.submittedAt ?? letter.createdAt) : (letter.askedAt ?? letter.createdAt);
  return Math.max(start, letter.remindedAt ?? 0);
}

/**
 * When the letter's next reminder falls due, or undefined when it needs
 * nothing (planned, thanked, declined, withdrawn). The first reminder after
 * the baseline (the ask, or the reminder last dealt with); the last one
 * (overdue, thank-you) at once if the letter was asked after it; once it is
 * dealt with, the same again a week later (an overdue letter or an unsent thank-you does not go away on
 * its own). A snooze holds it until the snooze ends. "Agreed" changes
 * nothing here: the letter is still owed.
 */
export function letterDueAt(letter: LetterClock, settings: Pick<Settings, 'letterNudgeDays' | 'followUpDays'>): number | undefined {
  const points = letterPoints(letter, settings);
  const last = points.at(-1);
  if (!last) return undefined;
  const from = baseline(letter);
  let natural = points.find((point) => point.at > from)?.at;
  if (natural === undefined) {
    // The last reminder (overdue, thank-you) is never skipped: due at once until dealt with, then weekly.
    const handled = letter.remindedAt ?? Number.NEGATIVE_INFINITY;
    natural = handled >= last.at ? dueAfter(handled, REPEAT_DAYS) : from;
  }
  return Math.max(natural, letter.snoozedUntil ?? 0);
}

/** Why the letter asks for attention at `now` (the latest of its reminders that has come), when it is due. */
export function letterReason(letter: LetterClock, settings: Pick<Settings, 'letterNudgeDays' | 'followUpDays'>, now: number): LetterReason | undefined {
  const due = letterDueAt(letter, settings);
  if (due === undefined || due > now) return undefined;
  const points = letterPoints(letter, settings);
  return [...points].reverse().find((point) => point.at <= now)?.reason ?? points[0]!.reason;
}

/** Calendar days from `now` until the deadline's day: 0 on the day, negative once it has passed. */
export function daysLeft(deadline: string | undefined, now: number): number | undefined {
  const at = deadline === undefined ? undefined : dayStart(deadline);
  if (at === undefined) return undefined;
  // Round: a day is 23 or 25 hours long across a daylight-saving change.
  return Math.round((at - startOfDay(now).getTime()) / 86_400_000);
}

/** What a change of status sets on a letter: the date of that step, and a fresh reminder clock. */
export function patchForLetterStatus(
  letter: Pick<Letter, 'askedAt' | 'agreedAt' | 'submittedAt'>,
  status: LetterStatus,
  at: number,
): Partial<Letter> {
  const fresh = { status, remindedAt: undefined, snoozedUntil: undefined };
  switch (status) {
    case 'asked':
      return { ...fresh, askedAt: at };
    case 'agreed':
      return { ...fresh, agreedAt: at, askedAt: letter.askedAt ?? at };
    case 'submitted':
      return { ...fresh, submittedAt: at, askedAt: letter.askedAt ?? at };
    case 'thanked':
      return { ...fresh, thankedAt: at };
    case 'planned':
    case 'declined':
    case 'withdrawn':
      return fresh;
  }
}

/** The keep-in-touch interval that applies to a contact: its own, else the shortest of its tags'. */
export function keepInTouchInterval(
  contact: Pick<Contact, 'keepInTouchDays' | 'tags'>,
  byTag: Settings['keepInTouchByTag'],
): number | undefined {
  if (contact.keepInTouchDays !== undefined) return contact.keepInTouchDays;
  const intervals = contact.tags.map((tag) => byTag[tag]).filter((days): days is number => days !== undefined);
  return intervals.length > 0 ? Math.min(...intervals) : undefined;
}

type KeepInTouchFields = Pick<
  Contact,
  'keepInTouchDays' | 'tags' | 'status' | 'nextFollowUpAt' | 'lastInteractionAt' | 'createdAt' | 'keepInTouchFrom' | 'keepInTouchSnoozedUntil'
>;

/**
 * When keeping in touch with a contact next falls due: the interval after
 * the last logged interaction (or after "Not now", or after the contact was
 * saved), held by a snooze. Off unless an interval is set; and a contact
 * awaiting a reply is governed by the follow-up clock instead.
 */
export function keepInTouchAt(contact: KeepInTouchFields, byTag: Settings['keepInTouchByTag']): number | undefined {
  const days = keepInTouchInterval(contact, byTag);
  if (days === undefined) return undefined;
  if (contact.status === 'awaiting_reply' || contact.nextFollowUpAt !== undefined) return undefined;
  const from = Math.max(contact.lastInteractionAt ?? contact.createdAt, contact.keepInTouchFrom ?? 0);
  return Math.max(dueAfter(from, days), contact.keepInTouchSnoozedUntil ?? 0);
}

/**
 * One thing due, as the badge counts it and the due lists show it. A
 * discriminated union, so that more kinds (an interview thank-you, say)
 * join without changing the others.
 */
export type DueItem =
  | { kind: 'follow_up'; contactId: string; dueAt: number; noResponse: boolean }
  | { kind: 'letter'; contactId: string; letterId: string; dueAt: number; reason: LetterReason }
  | { kind: 'keep_in_touch'; contactId: string; dueAt: number };
export type DueKind = DueItem['kind'];

/**
 * How many of each kind are due, and the interview thank-yous
 * (followups/interview-thanks.ts; listed by the due list on their own, so
 * they are counted here but are not a DueItem kind).
 */
export type DueCounts = Record<DueKind, number> & { interview_thanks?: number };

export const NO_DUE: DueCounts = { follow_up: 0, letter: 0, keep_in_touch: 0, interview_thanks: 0 };

export function dueTotal(counts: DueCounts): number {
  return Object.values(counts).reduce((sum: number, n) => sum + (n ?? 0), 0);
}

/** A follow-up as a due item, when it is due. */
export function followUpItem(contact: Contact, settings: Pick<Settings, 'maxFollowUps'>, now: number): DueItem | undefined {
  const state = followUpState(contact, settings, now);
  if (state !== 'due' && state !== 'no_response') return undefined;
  return { kind: 'follow_up', contactId: contact.id, dueAt: contact.nextFollowUpAt!, noResponse: state === 'no_response' };
}

/** A letter as a due item, when one of its reminders has come. */
export function letterItem(letter: Letter, settings: Pick<Settings, 'letterNudgeDays' | 'followUpDays'>, now: number): DueItem | undefined {
  const reason = letterReason(letter, settings, now);
  if (!reason) return undefined;
  return { kind: 'letter', contactId: letter.writerId, letterId: letter.id, dueAt: letterDueAt(letter, settings)!, reason };
}

/** Keeping in touch as a due item, when it has come. */
export function keepInTouchItem(contact: Contact, byTag: Settings['keepInTouchByTag'], now: number): DueItem | undefined {
  const at = keepInTouchAt(contact, byTag);
  return at !== undefined && at <= now ? { kind: 'keep_in_touch', contactId: contact.id, dueAt: at } : undefined;
}

/** Letters before follow-ups before keeping in touch when due the same moment: deadlines are the hardest. */
const ORDER: Record<DueKind, number> = { letter: 0, follow_up: 1, keep_in_touch: 2 };

/** Oldest first, so that what has waited longest leads. */
export function sortDue(items: DueItem[]): DueItem[] {
  return [...items].sort((a, b) => a.dueAt - b.dueAt || ORDER[a.kind] - ORDER[b.kind]);
}

/** What an item's id is in a list: one per kind and record. */
export function dueKey(item: DueItem): string {
  return item.kind === 'letter' ? `letter:${item.letterId}` : `${item.kind}:${item.contactId}`;
}
