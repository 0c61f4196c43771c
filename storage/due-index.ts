/**
 * The three questions the badge, the due list and the alarms ask of an index of "falls due at" times
 * (`nextFollowUpAt`, `keepInTouchAt`): how many are due now, which ones (oldest first), and when the next one falls
 * due. One place for all of them, so that follow-ups (./followups.ts) and keeping in touch (./keep-in-touch.ts)
 * answer them the same way.
 */
import { db } from './db';
import type { Contact } from '../model/schemas';

export function dueIndex(index: 'nextFollowUpAt' | 'keepInTouchAt') {
  return {
    count: (now: number): Promise<number> => db.contacts.where(index).belowOrEqual(now).count(),
    /** At most `limit` of them (the popup shows the first few). */
    list: (now: number, limit: number): Promise<Contact[]> => {
      const due = db.contacts.where(index).belowOrEqual(now);
      return Number.isFinite(limit) ? due.limit(limit).toArray() : due.toArray();
    },
    nextAfter: async (now: number): Promise<number | undefined> => (await db.contacts.where(index).above(now).first())?.[index],
  };
}
