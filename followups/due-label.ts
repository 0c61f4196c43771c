/**
 * What is due, in words: "2 follow-ups, 1 letter due", for the badge's
 * tooltip, the tab titles and the popup. Only follow-ups due keeps the
 * follow-ups' own wording (./rules.ts dueLabel).
 */
import { i18n } from '#i18n';
import { dueTotal, type DueCounts } from './due';
import { dueLabel } from './rules';

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
