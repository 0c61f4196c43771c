/**
 * The toolbar badge: how many follow-ups are due. Recounted from the database
 * every time (never cached in the worker), and alarms wake the worker when the
 * next follow-up falls due and at local midnight.
 */
import { browser } from 'wxt/browser';
import { dueAfter } from '../followups/rules';
import { countDueFollowUps, nextFollowUpAfter } from '../storage/contacts';

export const ALARMS = {
  /** Safety net that recounts every hour even if no event arrives. */
  periodic: 'followups',
  /** When the earliest pending follow-up falls due. */
  next: 'followups-next',
  /** Local midnight, when a new day's follow-ups fall due. */
  midnight: 'followups-midnight',
} as const;

export function badgeTitle(due: number): string {
  if (due === 0) return 'Rapport: no follow-ups due';
  return `Rapport: ${due} follow-up${due === 1 ? '' : 's'} due`;
}

export async function refreshBadge(now = Date.now()): Promise<number> {
  const due = await countDueFollowUps(now);
  await browser.action.setBadgeText({ text: due > 0 ? String(due) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#B42318' });
  await browser.action.setTitle({ title: badgeTitle(due) });
  await scheduleAlarms(now);
  return due;
}

export async function scheduleAlarms(now = Date.now()): Promise<void> {
  if (!(await browser.alarms.get(ALARMS.periodic))) {
    await browser.alarms.create(ALARMS.periodic, { periodInMinutes: 60 });
  }
  await browser.alarms.create(ALARMS.midnight, { when: dueAfter(now, 1) });
  const next = await nextFollowUpAfter(now);
  if (next === undefined) await browser.alarms.clear(ALARMS.next);
  else await browser.alarms.create(ALARMS.next, { when: next });
}
