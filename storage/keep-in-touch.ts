/**
 * Keeping in touch: the contact's own interval, the per-tag intervals in
 * Settings, and the derived moment it next falls due (`keepInTouchAt`, which
 * the badge counts through its index). Every write that can move that moment
 * (a logged interaction, a status, tags, an interval) stores it through
 * `withKeepInTouch`; the rule itself is followups/due.ts.
 */
import { snoozeUntil, type SnoozeChoice } from '../followups/rules';
import { PROGRAM_TABLES } from './program-links';
import { keepInTouchAt } from '../followups/due';
import { db } from './db';
import { dueIndex } from './due-index';
import { Contact, type Settings } from '../model/schemas';
import { getSettings, updateSettings } from './settings';
import { UserError, userText } from '../model/user-text';

/** The contact with its keep-in-touch moment recomputed (removed when off). */
export function withKeepInTouch(contact: Contact, byTag: Settings['keepInTouchByTag']): Contact {
  const at = keepInTouchAt(contact, byTag);
  const next = { ...contact };
  if (at === undefined) delete next.keepInTouchAt;
  else next.keepInTouchAt = at;
  return next;
}

async function rewrite(ids: readonly string[], change: (contact: Contact) => Partial<Contact>, now: number): Promise<Contact[]> {
  return db.transaction('rw', [db.contacts, db.settings, ...PROGRAM_TABLES], async () => {
    const { keepInTouchByTag } = await getSettings();
    const out: Contact[] = [];
    for (const contact of await db.contacts.bulkGet([...ids])) {
      if (!contact) continue;
      const next = withKeepInTouch(Contact.parse({ ...contact, ...change(contact), updatedAt: now }), keepInTouchByTag);
      await db.contacts.put(next);
      out.push(next);
    }
    return out;
  });
}

/** Sets (or, with undefined, turns off) the keep-in-touch interval of several contacts at once; returns them as they were. */
export async function setKeepInTouch(ids: readonly string[], days: number | undefined, now = Date.now()): Promise<Contact[]> {
  const before = (await db.contacts.bulkGet([...ids])).filter((c): c is Contact => c !== undefined);
  await rewrite(ids, () => ({ keepInTouchDays: days, keepInTouchSnoozedUntil: undefined }), now);
  return before;
}

/** Puts a due keep-in-touch off by 1 day, 3 days, a week or until a date. */
export async function snoozeKeepInTouch(id: string, choice: SnoozeChoice | { date: string }, now = Date.now()): Promise<Contact> {
  const until = snoozeUntil(choice, now);
  const [contact] = await rewrite([id], () => ({ keepInTouchSnoozedUntil: until }), now);
  if (!contact) throw new UserError(userText('errors.contactGone'));
  return contact;
}

/** "Not now": the clock restarts today as if they had talked, without logging anything. */
export async function notNowKeepInTouch(id: string, now = Date.now()): Promise<Contact> {
  const [contact] = await rewrite([id], () => ({ keepInTouchFrom: now, keepInTouchSnoozedUntil: undefined }), now);
  if (!contact) throw new UserError(userText('errors.contactGone'));
  return contact;
}

/** Puts contacts back exactly as they were (an undo). */
export async function restoreContactRecords(contacts: readonly Contact[]): Promise<void> {
  await db.transaction('rw', [db.contacts, ...PROGRAM_TABLES], async () => {
    await db.contacts.bulkPut(contacts.map((c) => Contact.parse(c)));
  });
}

/**
 * Sets the per-tag intervals and recomputes every contact with a tag whose
 * interval changed (read through the tags index: only they can move).
 */
export async function setTagIntervals(byTag: Settings['keepInTouchByTag'], now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.contacts, db.settings, ...PROGRAM_TABLES], async () => {
    const current = await getSettings();
    const changed = [...new Set([...Object.keys(current.keepInTouchByTag), ...Object.keys(byTag)])].filter(
      (tag) => current.keepInTouchByTag[tag] !== byTag[tag],
    );
    await updateSettings({ keepInTouchByTag: byTag });
    if (changed.length === 0) return;
    const ids = (await db.contacts.where('tags').anyOf(changed).primaryKeys()) as string[];
    await rewrite([...new Set(ids)], () => ({}), now);
  });
}

const KEEP_IN_TOUCH = dueIndex('keepInTouchAt');

/** How many contacts are due a keep-in-touch at `now`: part of the badge. */
export async function countDueKeepInTouch(now = Date.now()): Promise<number> {
  return KEEP_IN_TOUCH.count(now);
}

export async function listDueKeepInTouch(now = Date.now(), limit = Infinity): Promise<Contact[]> {
  return KEEP_IN_TOUCH.list(now, limit);
}

export async function nextKeepInTouchAfter(now = Date.now()): Promise<number | undefined> {
  return KEEP_IN_TOUCH.nextAfter(now);
}
