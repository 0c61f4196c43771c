/**
 * Follow-ups in the database: which are due and when the next one falls due
 * (read through the nextFollowUpAt index, for the badge, the due list and the
 * alarms), the actions offered next to a due follow-up (popup, side panel), and
 * the small state the background keeps about its daily summary. Every change
 * goes through the contacts and interactions repositories, so it is validated
 * and applies the rules in followups/rules.ts.
 */
import { patchForSnooze, snoozeUntil, type SnoozeChoice } from '../followups/rules';
import { updateContact, setStatus } from './contacts';
import { db } from './db';
import { dueIndex } from './due-index';
import { logInteraction } from './interactions';
import type { Contact } from '../model/schemas';

/** Puts a due follow-up off by 1 day, 3 days, a week or until a chosen date. */
export async function snoozeFollowUp(
  contactId: string,
  choice: SnoozeChoice | { date: string },
  now = Date.now(),
): Promise<Contact> {
  return updateContact(contactId, patchForSnooze(snoozeUntil(choice, now)), now);
}

/** The contact answered: log it on the timeline, which also clears the follow-up clock. */
export async function markReplyReceived(contactId: string, now = Date.now()): Promise<Contact> {
  return (await logInteraction(contactId, { kind: 'reply_received' }, now)).contact;
}

/** After the last polite follow-up went unanswered: stop asking. */
export async function markNoResponse(contactId: string, now = Date.now()): Promise<Contact> {
  return setStatus(contactId, 'no_response', now);
}

const SUMMARY_DAY_KEY = 'followups:summary-day';

/**
 * Claims today's daily summary: true the first time it is called on local day
 * `day`, false after. Read and written in one transaction of the database, not
 * kept in the worker's memory, so that alarms firing together after a sleep,
 * or a worker restarted mid-day, never notify twice.
 */
export async function claimDailySummary(day: string): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(SUMMARY_DAY_KEY);
    if (row?.value === day) return false;
    await db.settings.put({ key: SUMMARY_DAY_KEY, value: day });
    return true;
  });
}

/** Gives today's summary back, when the notification could not be shown. */
export async function releaseDailySummary(day: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(SUMMARY_DAY_KEY);
    if (row?.value === day) await db.settings.delete(SUMMARY_DAY_KEY);
  });
}

const FOLLOW_UPS = dueIndex('nextFollowUpAt');

/** How many contacts have a follow-up due at `now` or earlier: the badge's number. */
export async function countDueFollowUps(now = Date.now()): Promise<number> {
  return FOLLOW_UPS.count(now);
}

/** Contacts whose follow-up is due, oldest first; at most `limit` of them (the popup shows the first few). */
export async function listDueFollowUps(now = Date.now(), limit = Infinity): Promise<Contact[]> {
  return FOLLOW_UPS.list(now, limit);
}

/** The earliest follow-up still to come after `now`, to set an alarm for it. */
export async function nextFollowUpAfter(now = Date.now()): Promise<number | undefined> {
  return FOLLOW_UPS.nextAfter(now);
}
