/**
 * The side panel's first page of contacts read straight from IndexedDB by the page's entry, before Dexie, zod and
 * React have loaded (components/first-paint/): the read runs while their chunks load and evaluate, so that React's
 * first render already draws the database's rows and the live view takes over in that one commit, instead of
 * opening the database only once everything is loaded and drawing the list twice.
 *
 * It reads exactly what Dexie's `orderBy('sortName').limit(n)` reads (storage/contacts.ts `firstContacts`): the
 * `sortName` index in order, ties by id. It never creates, upgrades or holds the database: an open that would
 * create or upgrade it is aborted, and the connection is closed as soon as the read answers. Its answer carries the
 * database version it read and the snapshots' data version (`gen`) from before the read, so that the page uses it
 * only when Dexie opens that same version and no page has written since (components/sidepanel/first-page.ts).
 */
import type { ListedContact } from '../contacts/first-screen';
import { readGen } from './first-screen';

/** storage/db.ts's DB_NAME (not imported: that module brings Dexie and zod; a unit test keeps the two equal). */
export const FIRST_PAGE_DB = 'rapport';

export interface RawFirstPage {
  /** IndexedDB's version of the database read (Dexie's version × 10). */
  version: number;
  /** The snapshots' data version as the read began (storage/first-screen.ts). */
  gen: number;
  rows: ListedContact[];
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** What the list reads of a stored record, or undefined for one it does not recognise. */
function listed(value: unknown): ListedContact | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, fullName, title, organization, headline, status, photoUrl, photoThumb } = value as Record<string, unknown>;
  if (!isString(id) || !isString(fullName) || !isString(status)) return undefined;
  const row = { id, fullName, status } as ListedContact;
  if (isString(title)) row.title = title;
  if (isString(organization)) row.organization = organization;
  if (isString(headline)) row.headline = headline;
  if (isString(photoUrl)) row.photoUrl = photoUrl;
  if (isString(photoThumb)) row.photoThumb = photoThumb;
  return row;
}

/** The first `limit` contacts by name, or undefined when there is no database yet or it cannot be read this way. */
export function readFirstPage(limit: number, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<RawFirstPage | undefined> {
  return new Promise((resolve) => {
    if (!factory) return resolve(undefined);
    const gen = readGen();
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(FIRST_PAGE_DB);
    } catch {
      return resolve(undefined);
    }
    // No database yet (or one being created): this read must not create it, Dexie does, with its schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      // A newer build upgrading the database waits for no one: let go at once.
      db.onversionchange = () => db.close();
      const done = (page?: RawFirstPage) => {
        db.close();
        resolve(page);
      };
      try {
        const read = db.transaction('contacts', 'readonly').objectStore('contacts').index('sortName').getAll(null, limit);
        read.onerror = () => done(undefined);
        read.onsuccess = () => {
          const rows = (read.result as unknown[]).map(listed);
          done(rows.every((row) => row !== undefined) ? { version: db.version, gen, rows: rows as ListedContact[] } : undefined);
        };
      } catch {
        // No contacts table or no name index: a database this build does not know; Dexie reads it.
        done(undefined);
      }
    };
  });
}
