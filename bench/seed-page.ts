import type { Page } from '@playwright/test';
import { withSearchFields } from '../storage/search-fields';
import { generateContacts } from './generate';

/**
 * Writes `count` generated contacts into the extension's IndexedDB from one of
 * its pages, in chunks, so that benchmarks measure reading, not writing.
 */
export async function seedGeneratedContacts(page: Page, count: number, chunk = 5_000): Promise<void> {
  // As the database's middleware would store them (it is bypassed here).
  const contacts = generateContacts(count).map(withSearchFields);
  for (let i = 0; i < contacts.length; i += chunk) {
    await page.evaluate(async (rows) => {
      const request = indexedDB.open('rapport');
      const db = await new Promise<IDBDatabase>((done) => (request.onsuccess = () => done(request.result)));
      const tx = db.transaction('contacts', 'readwrite');
      for (const row of rows) tx.objectStore('contacts').put(row);
      await new Promise((done) => (tx.oncomplete = done));
      db.close();
    }, contacts.slice(i, i + chunk));
  }
}
