// The side panel's first page read by its entry before Dexie loads: the same rows as Dexie's read, never a database
// created, and drawn live by React's first render only while it is current.
import { IDBFactory } from 'fake-indexeddb';
import { createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FIRST_PAGE_SIZE } from '../../../contacts/first-screen';
import { addContact, firstContacts, updateContact } from '../../../storage/contacts';
import { db, DB_NAME } from '../../../storage/db';
import { FIRST_PAGE_DB, readFirstPage } from '../../../storage/first-page-read';
import { startFirstPage, useFirstPage } from '../../../components/sidepanel/first-page';
import { reactHostForEachTest } from '../react-host';

const screen = reactHostForEachTest();
const listed = ({ id, fullName, title, organization, headline, status }: Awaited<ReturnType<typeof firstContacts>>[number]) =>
  JSON.parse(JSON.stringify({ id, fullName, title, organization, headline, status })) as object;

beforeEach(() => localStorage.clear());

describe('the first page read before Dexie', () => {
  it('reads the database Dexie opens, and exactly the rows of its first page, in name order', async () => {
    expect(FIRST_PAGE_DB).toBe(DB_NAME);
    for (const name of ['Zoë Adams', 'ana ruiz', 'Ángel Ortiz', 'Wen Li', 'Ana Ruiz']) await addContact({ fullName: name, title: 'Resident', organization: 'UCSF' });
    const page = (await readFirstPage(FIRST_PAGE_SIZE))!;
    expect(Math.floor(page.version / 10)).toBe(db.verno);
    expect(page.rows.map((row) => JSON.parse(JSON.stringify(row)) as object)).toEqual((await firstContacts(FIRST_PAGE_SIZE)).map(listed));
    // Only what a row shows: the index fields (and everything else) stay in the database.
    for (const row of page.rows) expect(Object.keys(row).every((key) => ['id', 'fullName', 'title', 'organization', 'headline', 'status', 'photoUrl', 'photoThumb'].includes(key))).toBe(true);
  });

  it('creates no database where there is none', async () => {
    const empty = new IDBFactory();
    expect(await readFirstPage(FIRST_PAGE_SIZE, empty)).toBeUndefined();
    expect(await empty.databases()).toEqual([]);
  });

  it('is drawn live by the first render while current, and not once a page has written since it was read', async () => {
    const ana = await addContact({ fullName: 'Ana Ruiz' });
    const seen: { live: boolean; names?: string[] }[] = [];
    function Probe() {
      const { rows, live } = useFirstPage();
      seen.push({ live, names: rows?.map((row) => row.fullName) });
      return null;
    }
    startFirstPage(undefined, await readFirstPage(FIRST_PAGE_SIZE));
    await screen.render(createElement(Probe));
    expect(seen[0]).toEqual({ live: true, names: ['Ana Ruiz'] });

    // Read, then renamed by a write (which bumps the data version) before the app took it: the app reads afresh.
    const stale = await readFirstPage(FIRST_PAGE_SIZE);
    await updateContact(ana.id, { fullName: 'Ana Ruiz-Vega' });
    seen.length = 0;
    await screen.render(createElement('div'));
    startFirstPage(undefined, stale);
    await screen.render(createElement(Probe));
    expect(seen[0]!.live).toBe(false);
  });
});
