/**
 * The trash: deleted contacts with their timelines, restorable for 30 days
 * (restoreContact in ./contacts), then purged. Purged on the background's
 * start-up and hourly alarm.
 */
import { db } from './db';
import type { TrashEntry } from '../model/schemas';

export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Deleted contacts, most recently deleted first. */
export async function listTrash(): Promise<TrashEntry[]> {
  return db.trash.orderBy('deletedAt').reverse().toArray();
}

export async function countTrash(): Promise<number> {
  return db.trash.count();
}

/**
 * Empties the trash for good: every entry deleted before `olderThan`
 * (epoch ms), or all of it when no time is given. Returns how many went.
 */
export async function emptyTrash(olderThan?: number): Promise<number> {
  return db.transaction('rw', db.trash, async () => {
    const entries = olderThan === undefined ? db.trash.toCollection() : db.trash.where('deletedAt').below(olderThan);
    return entries.delete();
  });
}

/** When an entry deleted at `deletedAt` leaves the trash on its own. */
export function purgeAt(deletedAt: number): number {
  return deletedAt + TRASH_DAYS * DAY_MS;
}

/** Removes what has been in the trash longer than 30 days. */
export async function purgeExpiredTrash(now = Date.now()): Promise<number> {
  return emptyTrash(now - TRASH_DAYS * DAY_MS);
}
