/**
 * The floor extension's search page: Rapport's own search (storage/contact-list.ts, through storage/db.ts and all
 * its middleware, over Rapport's schema, opened here in the floor's origin and seeded like Rapport's) timed against a
 * raw `index.getAll(range, 201)` of the same word on the same connection, interleaved, with no React and no frame
 * drawn between them: what the search costs over the one read it cannot do without (#18: at most 1.5×). In the side
 * panel the same search runs while the keystroke's frame is drawn, which a quiet raw read does not pay.
 */
import { searchContacts } from '../../storage/contact-list';
import { db } from '../../storage/db';

declare global {
  interface Window {
    timeSearches(values: readonly string[], rounds: number): Promise<{ search: number[]; raw: number[] }>;
  }
}

const ask = <T>(request: IDBRequest<T>) =>
  new Promise<T>((done, fail) => {
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });

window.timeSearches = async (values, rounds) => {
  const search: number[] = [];
  const raw: number[] = [];
  const time = async (into: number[], read: () => Promise<unknown>) => {
    const start = performance.now();
    await read();
    into.push(performance.now() - start);
  };
  for (let round = 0; round < rounds; round++) {
    for (const [i, value] of values.entries()) {
      const rawRead = () => ask(db.backendDB().transaction('contacts').objectStore('contacts').index('searchWords').getAll(IDBKeyRange.bound(value, `${value}\uffff`), 201));
      // Which goes first alternates, so that neither always finds the other's pages in the cache.
      const both = [() => time(search, () => searchContacts(value, {}, 'name')), () => time(raw, rawRead)];
      for (const run of (round + i) % 2 ? both.reverse() : both) await run();
    }
  }
  return { search, raw };
};

void db.open().then(() => performance.mark('floor:ready'));
