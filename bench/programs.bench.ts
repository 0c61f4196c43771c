/**
 * Programs with 10,000 contacts and 500 programs. In the built extension in
 * Chromium: from a click on the Programs tab to the view's rows on screen
 * (`rapport:programs-ready`). In Node on fake-indexeddb: what linking adds to
 * saving a contact (storage/program-links.ts linkContactsByName, in the save's
 * transaction, with the upkeep of the status copies on its links, against the
 * same save without them). Needs `npm run build` first (npm run bench does it).
 */
import 'fake-indexeddb/auto';
import { programKeys } from '../programs/names';
import { launchWithExtension } from '../scripts/chromium';
import { db, type ProgramRow } from '../storage/db';
import { linkRow } from '../storage/link-facts';
import { PROGRAM_TABLES, linkContactsByName } from '../storage/program-links';
import { Program, type Contact, type ProgramLink } from '../model/schemas';
import { withSearchFields } from '../storage/search-fields';
import { generateContacts } from './generate';
import { median, report } from './report';

const CONTACTS = 10_000;
const PROGRAMS = 500;
const ORGS = ['UCSF Health', 'Northfield General Hospital', 'Maine Medical Center', 'UT Health San Antonio', 'Mass General Brigham', 'Penn Medicine', 'Baylor College of Medicine', 'Mayo Clinic'];
const STAGES = ['researching', 'will_apply', 'applied', 'interview_invited', 'interview_scheduled', 'interviewed', 'ranked'] as const;

function programs(now: number): ProgramRow[] {
  return Array.from({ length: PROGRAMS }, (_, i) => {
    const program = Program.parse({
      id: `p${i}`,
      name: i < ORGS.length ? ORGS[i] : `Program ${i} Internal Medicine Residency`,
      aliases: i % 10 === 0 ? [`P${i}`] : [],
      kind: 'residency',
      specialty: ['Internal Medicine', 'Pediatrics', 'Surgery'][i % 3],
      stage: STAGES[i % STAGES.length],
      interviews: i % 4 === 0 ? [{ date: '2026-11-02' }] : [],
      createdAt: now,
      updatedAt: now,
    });
    return { ...program, matchKeys: programKeys(program) };
  });
}

const links = (contacts: readonly Contact[], now: number): ProgramLink[] =>
  contacts.map((c, i) => ({ contactId: c.id, programId: `p${i % PROGRAMS}`, by: 'user', at: now }));

/** Two in three people have been written to, at some time in the last 90 days. */
const contacted = (contacts: readonly Contact[], now: number): Contact[] =>
  contacts.map((c, i) => (i % 3 ? { ...c, lastContactedAt: now - ((i * 7919) % 90) * 86_400_000 } : c));

// BENCH_PARTS picks parts (view,link), to time only what changed; both by default.
const parts = (process.env.BENCH_PARTS ?? 'view,link').split(',');

// Chromium: the view, in the built extension.
if (parts.includes('view')) {
  const now = Date.now();
  const { context, extensionId } = await launchWithExtension({ headless: true });
  const page = await context.newPage();
  const url = `chrome-extension://${extensionId}/sidepanel.html`;
  await page.goto(url);
  const contacts = contacted(generateContacts(CONTACTS, { now }), now).map(withSearchFields);
  const rows = programs(now);
  // As the app stores them (storage/link-facts.ts), since this seeds IndexedDB directly.
  const pairs = links(contacts, now).map((link, i) => linkRow(link, contacts[i]!));
  for (let i = 0; i < contacts.length; i += 5_000) {
    await page.evaluate(
      async ([people, programRows, linkRows]) => {
        const request = indexedDB.open('rapport');
        const idb = await new Promise<IDBDatabase>((done) => (request.onsuccess = () => done(request.result)));
        const tx = idb.transaction(['contacts', 'programs', 'programLinks'], 'readwrite');
        for (const row of people) tx.objectStore('contacts').put(row);
        for (const row of programRows) tx.objectStore('programs').put(row);
        for (const row of linkRows) tx.objectStore('programLinks').put(row);
        await new Promise((done) => (tx.oncomplete = done));
        idb.close();
      },
      [contacts.slice(i, i + 5_000), i === 0 ? rows : [], pairs.slice(i, i + 5_000)] as const,
    );
  }
  const ready: number[] = [];
  for (let run = 0; run < 10; run++) {
    await page.goto(url);
    const tab = page.getByRole('button', { name: 'Programs', exact: true });
    await tab.waitFor();
    // The person clicks once the list has loaded (the side panel bench measures that load).
    await page.waitForFunction(() => performance.getEntriesByName('rapport:list-complete').length > 0);
    await tab.evaluate((el) => {
      (window as unknown as { clickedAt: number }).clickedAt = performance.now();
      (el as HTMLElement).click();
    });
    await page.waitForFunction(() => performance.getEntriesByName('rapport:programs-ready').length > 0);
    await page.getByTestId('program-card').first().waitFor();
    ready.push(
      await page.evaluate(() => performance.getEntriesByName('rapport:programs-ready')[0]!.startTime - (window as unknown as { clickedAt: number }).clickedAt),
    );
  }
  await context.close();
  report({ name: 'programs.view_ready_10k_contacts_500_programs.median_ms', value: median(ready), unit: 'ms', target: 150 });
}

// Node: what linking adds to a save: the write of a contact linked to a program whose organization now names
// another (name matching, storage/program-links.ts; the copies of its facts on its links, storage/link-facts.ts;
// the summaries of both programs, storage/program-summaries.ts) against the same write of a contact linked nowhere
// whose organization names no program. Every write holds the program tables now (storage/link-facts.ts widens it).
if (parts.includes('link')) {
  const now = Date.now();
  const contacts = contacted(generateContacts(CONTACTS, { now }), now);
  for (let i = 0; i < contacts.length; i += 2_000) await db.contacts.bulkAdd(contacts.slice(i, i + 2_000));
  await db.programs.bulkAdd(programs(now));
  // Every contact but the last is linked; the last works at a place no program names.
  await db.transaction('rw', [db.contacts, db.programLinks], () => db.programLinks.bulkAdd(links(contacts.slice(0, -1), now)));
  const loner = { ...contacts.at(-1)!, organization: 'A Place No Program Names' };
  const linked: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < 101; run++) {
    const contact = { ...contacts[run * 37]!, status: 'replied' as const, lastContactedAt: now + run, organization: run % 2 ? ORGS[run % ORGS.length] : `Program ${run} Internal Medicine Residency` };
    let start = performance.now();
    await db.transaction('rw', [db.contacts, ...PROGRAM_TABLES], async () => {
      await db.contacts.put(contact);
      await linkContactsByName([contact], now);
    });
    linked.push(performance.now() - start);
    const alone = { ...loner, status: run % 2 ? ('replied' as const) : ('meeting' as const), lastContactedAt: now + run };
    start = performance.now();
    await db.transaction('rw', [db.contacts, ...PROGRAM_TABLES], async () => {
      await db.contacts.put(alone);
      await linkContactsByName([alone], now);
    });
    plain.push(performance.now() - start);
  }
  // The median of each round's difference: on a busy machine both writes of a round slow together.
  const added = linked.map((t, i) => t - plain[i]!);
  report({ name: 'programs.link_saved_contact_10k_500.median_ms', value: Math.max(0, median(added)), unit: 'ms', target: 5 });
}
