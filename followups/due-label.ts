/**
 * What is due, in words: "2 follow-ups, 1 letter due", for the badge's
 * tooltip, the tab titles and the popup. Only follow-ups due keeps the
 * follow-ups' own wording (./rules.ts dueLabel). And each follow-up's line in
 * the due list: how late it is and where it stands.
 */
import { differenceInCalendarDays } from 'date-fns';
import { i18n } from '../model/i18n';
import type { Contact, Settings } from '../model/schemas';
import { dueTotal, type DueCounts } from './due';
import { dueLabel, followUpState } from './rules';

export function dueCountsLabel(counts: DueCounts | number): string {
  if (typeof counts === 'number') return dueLabel(counts);
  const thanks = counts.interview_thanks ?? 0;
  if (counts.letter === 0 && counts.keep_in_touch === 0 && thanks === 0) return dueLabel(counts.follow_up);
  const parts = [
    counts.follow_up > 0 ? i18n.t('letters.due.followUps', counts.follow_up, { n: counts.follow_up }) : undefined,
    counts.letter > 0 ? i18n.t('letters.due.letters', counts.letter, { n: counts.letter }) : undefined,
    counts.keep_in_touch > 0 ? i18n.t('letters.due.keepInTouch', counts.keep_in_touch, { n: counts.keep_in_touch }) : undefined,
    thanks > 0 ? i18n.t('letters.due.interviewThanks', thanks, { n: thanks }) : undefined,
  ].filter(Boolean);
  return i18n.t('letters.due.summary', { parts: parts.join(', ') });
}

export function countOf(counts: DueCounts | number): number {
  return typeof counts === 'number' ? counts : dueTotal(counts);
}

/** Due before today: a day or more late. */
export function isOverdue(nextFollowUpAt: number, now: number): boolean {
  return differenceInCalendarDays(now, nextFollowUpAt) >= 1;
}

/** How late a follow-up is: "Due today", "Due since yesterday", "3 days overdue". */
export function followUpDueText(nextFollowUpAt: number, now: number): string {
  const days = differenceInCalendarDays(now, nextFollowUpAt);
  if (days <= 0) return i18n.t('popup.dueToday');
  if (days === 1) return i18n.t('popup.dueSinceYesterday');
  return i18n.t('popup.daysOverdue', days, { n: days });
}

/** Where a follow-up stands: the reminder, "Follow-up 2 of 3", or the follow-ups sent without a reply. */
export function followUpStageText(contact: Contact, settings: Settings, now: number): string {
  if (followUpState(contact, settings, now) === 'no_response') {
    const sent = contact.followUpsSent;
    return i18n.t('popup.followUpsSentNoReply', sent, { n: sent });
  }
  if (contact.status !== 'awaiting_reply') return i18n.t('popup.reminder');
  return settings.maxFollowUps > 0
    ? i18n.t('popup.followUpNOf', { n: Math.min(contact.followUpsSent + 1, settings.maxFollowUps), max: settings.maxFollowUps })
    : i18n.t('popup.followUp');
}
