/**
 * Writes generated contacts into an extension's IndexedDB from one of its
 * pages, so that benchmarks measure reading, not writing. Made and sent a
 * chunk at a time (100,000 contacts in one evaluate once took the page down on
 * a busy machine), and a chunk that fails is sent again, on a fresh page if the
 * old one was closed: every chunk is a `put` of fixed ids, so a repeat is harmless.
 */
import type { Page } from '@playwright/test';
import { withSearchFields } from '../storage/search-fields';
import { generateContacts } from './generate';

export interface SeedOptions {
  /** The database to write into: Rapport's by default; the bench's floor extension has its own. */
  database?: string;
  chunk?: number;
  attempts?: number;
}

/** Puts stored contact rows (search fields included) into the contacts table of `database`, in one transaction. */
export async function putContactRows(page: Page, rows: readonly object[], database = 'rapport'): Promise<void> {
  await putRows(page, 'contacts', rows, database);
}

/** Puts rows, as stored (derived index keys included), into one table of `database`, in one transaction. */
export async function putRows(page: Page, table: string, rows: readonly object[], database = 'rapport'): Promise<void> {
  await page.evaluate(
    async ({ name, table, rows }) => {
      // The page creates its database when its code has loaded (the side panel paints first, then loads Dexie):
      // opening it here before that would create an empty one. So wait until the page's own database exists.
      for (let waited = 0; !(await indexedDB.databases()).some((known) => known.name === name && (known.version ?? 0) > 1); waited += 20) {
        if (waited > 60_000) throw new Error(`The page never created its database "${name}"`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const request = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((done, fail) => {
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const tx = db.transaction(table, 'readwrite');
      for (const row of rows) tx.objectStore(table).put(row);
      await new Promise((done, fail) => {
        tx.oncomplete = done;
        tx.onabort = () => fail(tx.error);
      });
      db.close();
    },
    { name: database, table, rows },
  );
}

/** Seeds `count` contacts; returns the page to go on with (a new one if the first was lost). */
export async function seedGeneratedContacts(page: Page, count: number, options: SeedOptions = {}): Promise<Page> {
  const { database = 'rapport', chunk = 2_000, attempts = 4 } = options;
  const url = page.url();
  const now = Date.now();
  const awaiting = Math.floor(count / 10);
  for (let from = 0; from < count; from += chunk) {
    // As the database's middleware would store them (it is bypassed here).
    const rows = generateContacts(Math.min(chunk, count - from), { from, now, awaiting }).map(withSearchFields);
    for (let attempt = 1; ; attempt++) {
      try {
        if (page.isClosed()) {
          page = await page.context().newPage();
          await page.goto(url);
        }
        await putContactRows(page, rows, database);
        break;
      } catch (error) {
        if (attempt >= attempts) throw error;
        console.error(`seeding contacts ${from}–${from + rows.length} failed (attempt ${attempt} of ${attempts}), again: ${String(error)}`);
      }
    }
  }
  return page;
}
