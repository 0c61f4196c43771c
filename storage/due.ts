/**
 * Everything due at once, across kinds (follow-ups, letters, keeping in
 * touch): the badge's counts, the due lists' items and the next moment
 * anything falls due. Counts go through one index per kind, never a table
 * read (RELIABILITY L7); the lists read only the records that are due.
 */
import {
  followUpItem,
  isPending,
  keepInTouchItem,
  letterItem,
  sortDue,
  type DueCounts,
  type DueItem,
  dueTotal,
} from '../followups/due';
import { countDueFollowUps, listDueFollowUps, nextFollowUpAfter } from './followups';
import { countDueInterviewThanks } from './interview-thanks';
import { db } from './db';
import { countDueKeepInTouch, listDueKeepInTouch, nextKeepInTouchAfter } from './keep-in-touch';
import { countDueLetters, listDueLetters, nextLetterDueAfter } from './letters';
import type { Contact, Letter } from '../model/schemas';
import { getSettings } from './settings';

export async function countDue(now = Date.now()): Promise<DueCounts> {
  // Index counts side by side (and the few programs with interviews); no shared transaction, which would only queue them.
  const [follow_up, letter, keep_in_touch, interview_thanks] = await Promise.all([
    countDueFollowUps(now),
    countDueLetters(now),
    countDueKeepInTouch(now),
    countDueInterviewThanks(now),
  ]);
  // Thank-yous only when there are some: the counts stay those of the three kinds otherwise.
  return { follow_up, letter, keep_in_touch, ...(interview_thanks > 0 ? { interview_thanks } : {}) };
}

/** The earliest moment after `now` at which anything falls due, for the background's alarm. */
export async function nextDueAfter(now = Date.now()): Promise<number | undefined> {
  const next = await Promise.all([nextFollowUpAfter(now), nextLetterDueAfter(now), nextKeepInTouchAfter(now)]);
  const times = next.filter((at): at is number => at !== undefined);
  return times.length > 0 ? Math.min(...times) : undefined;
}

export interface DueList {
  items: DueItem[];
  contacts: Map<string, Contact>;
  letters: Map<string, Letter>;
  /** A letter still owed by a contact whose follow-up is due: drafting for them opens the letter's check-in. */
  pendingLetters: Map<string, Letter>;
}

/**
 * What is due at `now`, oldest first, with the records the list shows. A
 * follow-up reads at most `limit` (the popup shows the first few); letters
 * are few, and keeping in touch at most `limit` too.
 */
export async function listDue(now = Date.now(), limit = Infinity): Promise<DueList> {
  return db.transaction('r', [db.contacts, db.letters, db.settings], async () => {
    const settings = await getSettings();
    const [followUps, letters, keep] = await Promise.all([
      listDueFollowUps(now, limit),
      listDueLetters(now),
      listDueKeepInTouch(now, limit),
    ]);
    const contacts = new Map<string, Contact>([...followUps, ...keep].map((c) => [c.id, c]));
    const writers = await db.contacts.bulkGet([...new Set(letters.map((l) => l.writerId))].filter((id) => !contacts.has(id)));
    for (const writer of writers) if (writer) contacts.set(writer.id, writer);
    const items = [
      ...followUps.map((c) => followUpItem(c, settings, now)),
      // A letter whose writer was deleted (its letters kept) still shows, under the letter's own name.
      ...letters.map((l) => letterItem(l, settings, now)),
      ...keep.map((c) => keepInTouchItem(c, settings.keepInTouchByTag, now)),
    ].filter((item): item is DueItem => item !== undefined);
    const sorted = sortDue(items);
    const owed = await db.letters.where('writerId').anyOf(followUps.map((c) => c.id)).filter(isPending).toArray();
    return {
      items: Number.isFinite(limit) ? sorted.slice(0, limit) : sorted,
      contacts,
      letters: new Map(letters.map((l) => [l.id, l])),
      pendingLetters: new Map(owed.map((l) => [l.writerId, l])),
    };
  });
}

/**
 * Everything the badge counts, as one number: follow-ups, letters, keeping in
 * touch and interview thank-yous (countDue adds them).
 */
export async function countDueItems(now = Date.now()): Promise<number> {
  return dueTotal(await countDue(now));
}
