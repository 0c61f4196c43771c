// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * The pattern every schema version follows: write a database as the previous
 * version declared it, open it with the current code, and check every record
 * and what the upgrade made of it.
 */
import '../page-storage';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V8, SCHEMA_V10, SCHEMA_V11, SCHEMA_VERSION, openDatabase } from '../../../storage/db';
import { possibleDuplicates } from '../../../storage/duplicates';
import { withFunnelKeys, withOutreachKeys } from '../../../storage/overview-keys';
import { zoneId } from '../../../storage/overview-tallies';
import { withSearchFields } from '../../../storage/search-fields';
import { Contact, Interaction, Letter } from '../../../model/schemas';

const V1_CONTACT = {
  id: 'c1',
  source: 'linkedin',
  fullName: 'Hannah Müller',
  credentials: ['DO'],
  education: [],
  experience: [],
  affiliations: [],
  profiles: { linkedin: 'https://www.linkedin.com/in/hannah-mueller-do/' },
  identities: ['linkedin:hannah-mueller-do'],
  tags: ['IM'],
  notes: '',
  status: 'awaiting_reply',
  userEdited: [],
  createdAt: 1,
  updatedAt: 2,
  nextFollowUpAt: 3,
  followUpsSent: 0,
};
const V1_INTERACTION = { id: 'i1', contactId: 'c1', kind: 'message_sent', channel: 'linkedin', at: 2 };

async function writeVersion1(): Promise<void> {
  const old = new Dexie(DB_NAME);
  old.version(1).stores(SCHEMA_V1);
  await old.table('contacts').add(V1_CONTACT);
  await old.table('interactions').add(V1_INTERACTION);
  old.close();
}

/** Contacts as version 2 stored them, at organizations spelled several ways. */
const AT = (id: string, organization?: string) => ({ ...V1_CONTACT, id, identities: [`linkedin:${id}`], ...(organization ? { organization } : {}) });
const V2_CONTACTS = [
  AT('a', 'Northfield General Hospital'),
  AT('b', 'northfield general hospital'),
  AT('c', 'The Northfield General Hospital.'),
  AT('d', 'Northfield "NGH" General Hospital'),
  AT('e', 'St. Luke’s Medical Center'),
  AT('f', 'Saint Lukes Medical Center'),
  AT('g', 'St. Mark’s Medical Center'),
  AT('h'),
];

async function writeVersion2(
  contacts: object[] = V2_CONTACTS.map((c) => withSearchFields(c as never)),
  interactions: object[] = [],
): Promise<void> {
  const old = new Dexie(DB_NAME);
  old.version(2).stores(SCHEMA_V2);
  await old.table('contacts').bulkAdd(contacts);
  await old.table('interactions').bulkAdd(interactions);
  old.close();
}

afterEach(() => Dexie.delete(DB_NAME));

/** A database as version 3 (letters) stored it: contacts with organizations, and a letter. */
async function writeVersion3(contacts: object[], letters: object[]): Promise<void> {
  const old = new Dexie(DB_NAME);
  old.version(3).stores(SCHEMA_V3);
  await old.table('contacts').bulkAdd(contacts);
  await old.table('letters').bulkAdd(letters);
  old.close();
}

async function rawContacts(): Promise<unknown[]> {
  const raw = new Dexie(DB_NAME);
  await raw.open();
  const rows = await raw.table('contacts').orderBy('id').toArray();
  raw.close();
  return rows;
}

describe('schema versions', () => {
  it('opens a version-1 database with every record intact and valid', async () => {
    await writeVersion1();
    const db = openDatabase();
    await db.open();
    const contacts = await db.contacts.toArray();
    // Version 3 adds when the contact's timeline last moved (its one interaction, at 2).
    // Version 7 dates the first message (the funnel).
    expect(contacts).toEqual([{ ...V1_CONTACT, lastInteractionAt: 2, reachedAt: 2 }]);
    expect(() => contacts.map((c) => Contact.parse(c))).not.toThrow();
    expect(Interaction.parse(await db.interactions.get('i1'))).toEqual(V1_INTERACTION);
    // The indexes the app queries still answer.
    expect(await db.contacts.where('nextFollowUpAt').belowOrEqual(3).count()).toBe(1);
    expect(await db.contacts.where('identities').equals('linkedin:hannah-mueller-do').count()).toBe(1);
    db.close();
  });

  it('version 2 gives every version-1 contact its name and words, and the list indexes answer', async () => {
    await writeVersion1();
    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // Records read back exactly as written: the derived fields live in the indexes' rows only.
    expect(await db.contacts.toArray()).toEqual([{ ...V1_CONTACT, lastInteractionAt: 2, reachedAt: 2 }]);
    expect(await db.contacts.orderBy('sortName').primaryKeys()).toEqual(['c1']);
    expect(await db.contacts.where('searchWords').startsWith('mull').primaryKeys()).toEqual(['c1']);
    expect(await db.contacts.where('searchWords').equals('im').count()).toBe(1);
    expect(await db.contacts.where('createdAt').equals(1).count()).toBe(1);
    expect(Interaction.parse(await db.interactions.get('i1'))).toEqual(V1_INTERACTION);
    db.close();
  });

  it('version 3 keeps every version-2 record, dates each contact’s last interaction, and the letters and keep-in-touch indexes answer', async () => {
    const quiet = { ...V1_CONTACT, id: 'c2', identities: ['linkedin:quiet'], nextFollowUpAt: undefined, status: 'replied' };
    await writeVersion2([V1_CONTACT, quiet], [V1_INTERACTION, { ...V1_INTERACTION, id: 'i0', at: 1 }, { ...V1_INTERACTION, id: 'i3', contactId: 'c2', at: 7 }]);

    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.contacts.orderBy('id').toArray()).toEqual([
      { ...V1_CONTACT, lastInteractionAt: 2, reachedAt: 1 },
      { ...quiet, lastInteractionAt: 7, reachedAt: 7 },
    ]);
    expect(await db.interactions.count()).toBe(3);
    // The new table and indexes are there and answer.
    const letter = Letter.parse({ id: 'l1', writerId: 'c1', status: 'asked', deadline: '2026-09-15', dueAt: 10, createdAt: 1, updatedAt: 1 });
    await db.letters.add(letter);
    expect(await db.letters.where('writerId').equals('c1').count()).toBe(1);
    expect(await db.letters.where('dueAt').belowOrEqual(10).count()).toBe(1);
    expect(await db.letters.where('status').equals('asked').count()).toBe(1);
    await db.contacts.update('c2', { keepInTouchAt: 100 });
    expect(await db.contacts.where('keepInTouchAt').belowOrEqual(100).primaryKeys()).toEqual(['c2']);
    db.close();
  });

  it('version 4 turns every organization name into a program, links its people, and changes no contact', async () => {
    await writeVersion2();
    const before = await rawContacts();
    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
    expect(await rawContacts()).toEqual(before);
    const again = openDatabase();
    expect(await again.contacts.orderBy('id').toArray()).toEqual(V2_CONTACTS);
    const programs = await again.programs.toArray();
    // Spellings that certainly match are one program; a nickname in quotes and a different saint are not.
    const names = (p: { name: string; aliases: string[] }) => [p.name, ...p.aliases].sort().join(' | ');
    expect(programs.map(names).sort()).toEqual(
      [
        'Northfield "NGH" General Hospital',
        'Northfield General Hospital | The Northfield General Hospital. | northfield general hospital',
        'Saint Lukes Medical Center | St. Luke’s Medical Center',
        'St. Mark’s Medical Center',
      ].sort(),
    );
    const northfield = programs.find((p) => p.aliases.includes('The Northfield General Hospital.'))!;
    expect((await again.programLinks.where('programId').equals(northfield.id).toArray()).map((l) => l.contactId).sort()).toEqual(['a', 'b', 'c']);
    expect(await again.programLinks.count()).toBe(7);
    expect(await again.programLinks.where('contactId').equals('h').count()).toBe(0);
    // The name index answers.
    expect(await again.programs.where('matchKeys').equals('saint lukes medical center').count()).toBe(1);
    again.close();
  });

  it('version 4 keeps every version-3 letter and keep-in-touch index, and makes programs of the organizations', async () => {
    const letter = Letter.parse({ id: 'l1', writerId: 'a', status: 'asked', deadline: '2026-09-15', dueAt: 10, createdAt: 1, updatedAt: 1 });
    const contacts = [AT('a', 'Northfield General Hospital'), { ...AT('b', 'northfield general hospital'), keepInTouchAt: 100 }];
    await writeVersion3(contacts.map((c) => withSearchFields(c as never)), [letter]);
    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.letters.toArray()).toEqual([letter]);
    expect(await db.letters.where('dueAt').belowOrEqual(10).count()).toBe(1);
    expect(await db.contacts.where('keepInTouchAt').belowOrEqual(100).primaryKeys()).toEqual(['b']);
    expect(await db.programs.count()).toBe(1);
    expect(await db.programLinks.count()).toBe(2);
    db.close();
  });

  it('version 6 keeps every version-4 record, drops the sort-only indexes, and keeps only the opening words of notes', async () => {
    const longNotes = `Met at the ACP meeting. ${Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ')} farewell`;
    // As version 4 stored them: every word of the notes in the index.
    const asV4 = (contact: Record<string, unknown>, words: string[]) => ({ ...contact, sortName: String(contact.fullName).toLowerCase(), searchWords: words });
    const noted = { ...AT('n', 'Northfield General Hospital'), notes: longNotes, createdAt: 5 };
    const plain = { ...AT('p', 'Northfield General Hospital'), fullName: 'Ana Ortiz', createdAt: 5 };
    const old = new Dexie(DB_NAME);
    old.version(4).stores(SCHEMA_V4);
    await old.table('contacts').bulkAdd([
      asV4(noted, ['hannah', 'muller', ...longNotes.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)]),
      asV4(plain, ['ana', 'ortiz', 'kept-as-it-was']),
    ]);
    await old.table('programs').add({ id: 'p1', name: 'Northfield General Hospital', aliases: [], kind: 'hospital', stage: 'researching', notes: '', interviewDates: [], createdAt: 1, updatedAt: 1, matchKeys: ['northfield general hospital'] });
    await old.table('programLinks').bulkAdd([{ contactId: 'n', programId: 'p1', by: 'name', at: 1 }]);
    old.close();

    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // Every record kept as it was.
    expect(await db.contacts.orderBy('id').toArray()).toEqual([noted, plain]);
    expect(await db.programLinks.count()).toBe(1);
    expect(await db.programs.where('matchKeys').equals('northfield general hospital').count()).toBe(1);
    // The sort-only compound indexes are gone; the plain date index orders the list.
    expect(db.contacts.schema.indexes.map((index) => index.name)).not.toContain('[createdAt+sortName]');
    expect(db.contacts.schema.indexes.map((index) => index.name)).not.toContain('[nextFollowUpAt+sortName]');
    expect(await db.contacts.where('createdAt').equals(5).primaryKeys()).toEqual(['n', 'p']);
    // The notes' opening words still find the contact; their far end no longer does.
    expect(await db.contacts.where('searchWords').equals('acp').primaryKeys()).toEqual(['n']);
    expect(await db.contacts.where('searchWords').equals('word30').primaryKeys()).toEqual(['n']);
    expect(await db.contacts.where('searchWords').equals('farewell').count()).toBe(0);
    expect(await db.contacts.where('searchWords').equals('word99').count()).toBe(0);
    // A contact without notes is not rewritten.
    expect(await db.contacts.where('searchWords').equals('kept-as-it-was').primaryKeys()).toEqual(['p']);
    db.close();
  });

  it('version 7 keeps every version-4 record, replays each timeline into the funnel and attributes each reply', async () => {
    const old = new Dexie(DB_NAME);
    old.version(4).stores(SCHEMA_V4);
    await old.table('contacts').bulkAdd([withSearchFields(V1_CONTACT as never), withSearchFields({ ...V1_CONTACT, id: 'c2', identities: [] } as never)]);
    const sent = { ...V1_INTERACTION, templateId: 't-intro', text: 'Hello' };
    const reply = { id: 'i2', contactId: 'c1', kind: 'reply_received', channel: 'linkedin', at: 3_600_002 };
    const again = { id: 'i3', contactId: 'c1', kind: 'reply_received', channel: 'linkedin', at: 3_600_009 };
    const meeting = { id: 'i4', contactId: 'c1', kind: 'meeting', channel: 'in_person', at: 9_000_000 };
    await old.table('interactions').bulkAdd([sent, reply, again, meeting]);
    await old.table('programs').add({ id: 'p1', name: 'NGH', aliases: [], kind: 'other', stage: 'applied', interviews: [], notes: '', createdAt: 1, updatedAt: 1, matchKeys: ['ngh'] });
    old.close();
    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // Only the first reply answers the message; the records are otherwise as they were.
    const answers = { sentAt: 2, templateId: 't-intro', channel: 'linkedin', format: 'linkedin_message' };
    expect(await db.interactions.orderBy('id').toArray()).toEqual([sent, { ...reply, answers }, again, meeting]);
    expect(await db.contacts.get('c1')).toMatchObject({ reachedAt: 2, repliedAt: 3_600_002, conversationAt: 9_000_000 });
    expect((await db.contacts.get('c2'))!.reachedAt).toBeUndefined();
    expect(await db.programs.where('stage').equals('applied').count()).toBe(1);
    // The new indexes answer.
    expect(await db.contacts.where('funnelKeys').between(['conversation', 0], ['conversation', Infinity]).primaryKeys()).toEqual(['c1']);
    expect(await db.interactions.where('[kind+at]').between(['reply_received', 0], ['reply_received', Infinity]).count()).toBe(2);
    expect(await db.interactions.where('outreachKeys').between(['reply', 'template', 't-intro', 0], ['reply', 'template', 't-intro', Infinity]).keys()).toEqual([
      ['reply', 'template', 't-intro', 3_600_000],
    ]);
    db.close();
    // The keys are stored beside each record, never handed to the app.
    const raw = new Dexie(DB_NAME);
    await raw.open();
    expect((await raw.table('interactions').get('i1')).outreachKeys).toContainEqual(['sent', 'format', 'linkedin_message', 2]);
    expect((await raw.table('contacts').get('c1')).funnelKeys).toEqual([['reached', 2], ['replied', 2], ['conversation', 2]]);
    raw.close();
  });

  it('version 8 gives every program link its contact\'s status and last contact, and changes no contact or link', async () => {
    const old = new Dexie(DB_NAME);
    old.version(4).stores(SCHEMA_V4);
    await old.table('contacts').bulkAdd([
      withSearchFields({ ...AT('a', 'Northfield General Hospital'), status: 'replied', lastContactedAt: 40 } as never),
      withSearchFields(AT('b', 'Northfield General Hospital') as never),
    ]);
    await old.table('programs').add({ id: 'p1', name: 'Northfield General Hospital', aliases: [], kind: 'hospital', stage: 'researching', interviews: [], notes: '', createdAt: 1, updatedAt: 1, matchKeys: ['northfield general hospital'] });
    const links = [
      { contactId: 'a', programId: 'p1', by: 'name', at: 5 },
      { contactId: 'b', programId: 'p1', by: 'user', at: 6 },
    ];
    await old.table('programLinks').bulkAdd(links);
    old.close();
    const before = await rawContacts();
    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
    expect(await rawContacts()).toEqual(before);
    const raw = new Dexie(DB_NAME);
    await raw.open();
    expect(await raw.table('programLinks').orderBy('contactId').toArray()).toEqual([
      { ...links[0], contactStatus: 'replied', contactLastContactedAt: 40 },
      { ...links[1], contactStatus: 'awaiting_reply' },
    ]);
    raw.close();
    // The indexes version 4 declared still answer.
    const again = openDatabase();
    expect(await again.programLinks.where('programId').equals('p1').count()).toBe(2);
    expect(await again.programs.where('matchKeys').equals('northfield general hospital').count()).toBe(1);
    again.close();
  });

  it('version 9 builds each program\'s summary from its links, changes no contact or link, and the view reads it', async () => {
    const old = new Dexie(DB_NAME);
    old.version(8).stores(SCHEMA_V8);
    await old.table('contacts').bulkAdd([withSearchFields(AT('a', 'Northfield General Hospital') as never), withSearchFields(AT('b', 'Lakeside') as never)]);
    const program = (id: string, name: string) => ({ id, name, aliases: [], kind: 'hospital', stage: 'researching', interviews: [], notes: '', createdAt: 1, updatedAt: 1, matchKeys: [name.toLowerCase()] });
    await old.table('programs').bulkAdd([program('p1', 'Northfield General Hospital'), program('p2', 'Lakeside'), program('p3', 'Nobody Here')]);
    const links = [
      { contactId: 'a', programId: 'p1', by: 'name', at: 5, contactStatus: 'replied', contactLastContactedAt: 40 },
      { contactId: 'b', programId: 'p1', by: 'user', at: 6, contactStatus: 'awaiting_reply' },
      { contactId: 'b', programId: 'p2', by: 'name', at: 6, contactStatus: 'awaiting_reply', contactLastContactedAt: 30 },
    ];
    await old.table('programLinks').bulkAdd(links);
    old.close();
    const before = await rawContacts();
    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.programSummaries.orderBy('programId').toArray()).toEqual([
      { programId: 'p1', people: 2, replied: 1, lastContactedAt: 40 },
      { programId: 'p2', people: 1, replied: 0, lastContactedAt: 30 },
    ]);
    expect(await db.programLinks.count()).toBe(3);
    db.close();
    expect(await rawContacts()).toEqual(before);
  });

  it('version 10 counts every version-8 contact into the summary row, and changes no contact', async () => {
    const old = new Dexie(DB_NAME);
    old.version(8).stores(SCHEMA_V8);
    await old.table('contacts').bulkAdd(
      ['replied', 'replied', 'meeting', 'not_contacted'].map((status, i) => withSearchFields({ ...AT(`s${i}`), status } as never)),
    );
    old.close();
    const before = await rawContacts();
    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.summaries.get('contacts')).toEqual({
      key: 'contacts',
      total: 4,
      counts: { not_contacted: 1, awaiting_reply: 0, replied: 2, meeting: 1, closed: 0, no_response: 0 },
    });
    // The row is kept from then on: a contact added counts at once.
    await db.contacts.add({ ...(before[0] as Contact), id: 'new', identities: [] });
    expect((await db.summaries.get('contacts'))?.counts.replied).toBe(3);
    db.close();
  });

  it('version 11 counts the Overview tallies from the version 7 index keys, changes no contact or interaction, and keeps them from then on', async () => {
    const day = (d: number, h = 12) => new Date(2026, 8, d, h).getTime();
    const old = new Dexie(DB_NAME);
    old.version(10).stores(SCHEMA_V10);
    await old.table('contacts').bulkAdd([
      withFunnelKeys(withSearchFields({ ...AT('r1'), reachedAt: day(7), repliedAt: day(8) } as never)),
      withFunnelKeys(withSearchFields({ ...AT('r2'), reachedAt: day(7, 23) } as never)),
      withFunnelKeys(withSearchFields(AT('never') as never)),
    ]);
    const answers = { sentAt: day(7), templateId: 'intro', channel: 'email', format: 'email' };
    await old.table('interactions').bulkAdd([
      withOutreachKeys({ id: 'i1', contactId: 'r1', kind: 'message_sent', channel: 'email', templateId: 'intro', at: day(7), text: '' } as never),
      withOutreachKeys({ id: 'i2', contactId: 'r2', kind: 'follow_up_sent', channel: 'email', at: day(7, 23), text: '' } as never),
      withOutreachKeys({ id: 'i3', contactId: 'r1', kind: 'reply_received', channel: 'email', at: day(8), text: '', answers } as never),
      withOutreachKeys({ id: 'i4', contactId: 'r1', kind: 'note', channel: 'other', at: day(9), text: '' } as never),
    ]);
    old.close();
    const before = await rawContacts();
    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(Object.fromEntries((await db.tallies.toArray()).map((row) => [row.key, row.key === 'meta' ? row.zone : row.n]))).toEqual({
      'f|2026-09-07|reached': 2,
      'f|2026-09-07|replied': 1,
      'a|2026-09-07|sent': 2,
      'a|2026-09-08|reply': 1,
      'o|sent|template|intro': 1,
      'o|sent|template|': 1,
      'o|sent|channel|email': 2,
      'o|sent|format|email': 2,
      'o|reply|template|intro': 1,
      'o|reply|channel|email': 1,
      'o|reply|format|email': 1,
      meta: zoneId(),
    });
    expect(await db.interactions.count()).toBe(4);
    // Kept from then on: a contact reached counts at once.
    await db.contacts.put({ ...(before[1] as Contact), id: 'r3', identities: [], reachedAt: day(7, 1) });
    expect((await db.tallies.get('f|2026-09-07|reached'))?.n).toBe(3);
    db.close();
    expect((await rawContacts()).filter((c) => (c as Contact).id !== 'r3')).toEqual(before);
  });

  it('version 12 drops the unread indexes, changes no record, and the questions they served are still answered', async () => {
    const old = new Dexie(DB_NAME);
    old.version(11).stores(SCHEMA_V11);
    await old.table('contacts').bulkAdd([
      withSearchFields({ ...AT('a', 'Northfield General Hospital'), fullName: 'Ana Vásquez' } as never),
      withSearchFields({ ...AT('b'), fullName: 'Sam Lee' } as never),
    ]);
    await old.table('interactions').bulkAdd([
      withOutreachKeys({ id: 'i2', contactId: 'a', kind: 'note', channel: 'other', at: 20, text: 'later' } as never),
      withOutreachKeys({ id: 'i1', contactId: 'a', kind: 'note', channel: 'other', at: 10, text: 'sooner' } as never),
      withOutreachKeys({ id: 'i3', contactId: 'b', kind: 'note', channel: 'other', at: 5, text: '' } as never),
    ]);
    old.close();
    const before = await rawContacts();
    const db = openDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const indexes = (table: string) => db.backendDB().transaction(table).objectStore(table).indexNames;
    expect(indexes('contacts').contains('fullName')).toBe(false);
    expect(indexes('contacts').contains('sortName')).toBe(true);
    expect([...indexes('interactions')].sort()).toEqual(['[contactId+at]', '[kind+at]', 'outreachKeys']);
    // A contact's timeline by the first part of [contactId+at]: all of its entries, in time order.
    expect((await db.interactions.where('contactId').equals('a').toArray()).map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(await db.interactions.where('contactId').anyOf(['a', 'b']).count()).toBe(3);
    // The same name, whatever its case and accents, is still found without the full-name index.
    expect(await possibleDuplicates({ id: 'new', fullName: 'ANA VASQUEZ', organization: 'Northfield General Hospital' }, [], db)).toEqual(['a']);
    db.close();
    expect(await rawContacts()).toEqual(before);
  });

  it('never damages a database written by a newer version', async () => {
    const newer = new Dexie(DB_NAME);
    newer.version(99).stores({ ...SCHEMA_V1, extra: 'id' });
    await newer.open();
    await newer.table('contacts').add(V1_CONTACT);
    newer.close();
    const db = openDatabase();
    await db.open().catch(() => undefined);
    db.close();
    const again = new Dexie(DB_NAME);
    await again.open();
    expect(await again.table('contacts').count()).toBe(1);
    again.close();
  });
});
