/**
 * The pattern every schema version follows: write a database as the previous
 * version declared it, open it with the current code, and check every record
 * and what the upgrade made of it.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, SCHEMA_V1, SCHEMA_VERSION, openDatabase } from '../../../storage/db';
import { Contact, Interaction } from '../../../storage/schemas';

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

afterEach(() => Dexie.delete(DB_NAME));

describe('schema versions', () => {
  it('opens a version-1 database with every record intact and valid', async () => {
    await writeVersion1();
    const db = openDatabase();
    await db.open();
    const contacts = await db.contacts.toArray();
    expect(contacts).toEqual([V1_CONTACT]);
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
    expect(await db.contacts.toArray()).toEqual([V1_CONTACT]);
    expect(await db.contacts.orderBy('sortName').primaryKeys()).toEqual(['c1']);
    expect(await db.contacts.where('searchWords').startsWith('mull').primaryKeys()).toEqual(['c1']);
    expect(await db.contacts.where('searchWords').equals('im').count()).toBe(1);
    expect(await db.contacts.where('[createdAt+sortName]').equals([1, 'hannah muller']).count()).toBe(1);
    expect(Interaction.parse(await db.interactions.get('i1'))).toEqual(V1_INTERACTION);
    db.close();
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
