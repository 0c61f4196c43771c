/**
 * Two devices (two Dexie databases, each with its own PouchDB replica) syncing
 * through one PouchDB "server", with the real engine, merge and encryption.
 */
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RapportDB } from '../../../storage/db';
import { Contact, Letter, Program, Settings } from '../../../model/schemas';
import { programKeys } from '../../../programs/names';
import { toLink } from '../../../storage/link-facts';
import { applyMerged, countPending, startTracking } from '../../../storage/sync-state';
import { deriveKeys, newSalt, type SyncKeys } from '../../../sync/crypto';
import { syncRound, type SyncContext } from '../../../background/sync-engine';
import { PouchDB, memoryPouch } from './pouch';

let keys: SyncKeys;
beforeAll(async () => {
  keys = await deriveKeys('a long shared passphrase', newSalt(), 1_000);
});

interface Device {
  ctx: SyncContext;
  replica: ReturnType<typeof memoryPouch>;
}

const opened: RapportDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

let clock = 1_000_000;
const tick = () => (clock += 1_000);

async function device(name: string): Promise<Device> {
  const db = openDatabase(`rapport-${name}-${Math.random()}`);
  opened.push(db);
  await startTracking(db, name);
  const replica = memoryPouch(`replica-${name}`);
  return { ctx: { db, replica, keys, device: name }, replica };
}

async function sync(dev: Device, server: ReturnType<typeof memoryPouch>): Promise<void> {
  await dev.ctx.db.transaction('r', dev.ctx.db.syncRecords, () => undefined);
  await syncRound(dev.ctx);
  await PouchDB.replicate(dev.replica, server);
  await PouchDB.replicate(server, dev.replica);
  await syncRound(dev.ctx);
}

async function converge(server: ReturnType<typeof memoryPouch>, ...devices: Device[]): Promise<void> {
  for (let i = 0; i < 3; i++) for (const dev of devices) await sync(dev, server);
}

function contact(id: string, fields: Partial<Contact> = {}): Contact {
  const now = tick();
  return Contact.parse({ id, source: 'manual', fullName: 'Ana Ruiz', email: 'ana.ruiz@example.org', notes: 'Met at the IM fair', createdAt: now, updatedAt: now, ...fields });
}

async function edit(db: RapportDB, id: string, patch: Partial<Contact>): Promise<void> {
  // Device clocks differ in real life; the engine orders edits by the stamp the tracker gives (Date.now()).
  await new Promise((resolve) => setTimeout(resolve, 5));
  const current = await db.contacts.get(id);
  await db.contacts.put(Contact.parse({ ...current, ...patch, updatedAt: tick() }));
}

const contactsOf = async (db: RapportDB) => (await db.contacts.toArray()).sort((a, b) => a.id.localeCompare(b.id));

describe('sync engine between two devices', () => {
  it('a contact made on one device reaches the other, and the server holds only ciphertext', async () => {
    const server = memoryPouch('server');
    const a = await device('A');
    const b = await device('B');
    await a.ctx.db.contacts.put(contact('c1', { title: 'Program Director', tags: ['IM'] }));
    await converge(server, a, b);
    expect(await contactsOf(b.ctx.db)).toEqual(await contactsOf(a.ctx.db));
    const raw = JSON.stringify((await server.allDocs({ include_docs: true })).rows);
    expect(raw).not.toMatch(/Ana|Ruiz|example\.org|IM fair|Program Director|contacts/);
  });

  it('edits to different fields on each side both survive', async () => {
    const server = memoryPouch('server');
    const a = await device('A');
    const b = await device('B');
    await a.ctx.db.contacts.put(contact('c1'));
    await converge(server, a, b);
    await edit(a.ctx.db, 'c1', { notes: 'Call on Tuesday' });
    await edit(b.ctx.db, 'c1', { title: 'Chair of Medicine' });
    await sync(a, server);
    await sync(b, server);
    await converge(server, a, b);
    for (const dev of [a, b]) expect(await dev.ctx.db.contacts.get('c1')).toMatchObject({ notes: 'Call on Tuesday', title: 'Chair of Medicine' });
    expect(await contactsOf(b.ctx.db)).toEqual(await contactsOf(a.ctx.db));
  });

  it('the same field edited on both while apart keeps the later edit and shows the other to the user', async () => {
    const server = memoryPouch('server');
    const a = await device('A');
    const b = await device('B');
    await a.ctx.db.contacts.put(contact('c1'));
    await converge(server, a, b);
    // Both offline: each edits the title and the notes.
    await edit(a.ctx.db, 'c1', { title: 'Chair', notes: 'from A' });
    await edit(b.ctx.db, 'c1', { title: 'Program Director', notes: 'from B' });
    await converge(server, a, b);
    const [onA, onB] = [await a.ctx.db.contacts.get('c1'), await b.ctx.db.contacts.get('c1')];
    expect(onA).toEqual(onB);
    expect(onA).toMatchObject({ title: 'Program Director', notes: 'from B', pageChanges: { title: 'Chair' } });
    // The notes field is not a page field: the losing text is on the timeline, once, on both devices.
    for (const dev of [a, b]) {
      const notes = await dev.ctx.db.interactions.where('contactId').equals('c1').toArray();
      expect(notes).toHaveLength(1);
      expect(notes[0]!.text).toContain('from A');
    }
  });

  it('a delete on one side and an edit on the other keeps the contact in the trash, with the edit', async () => {
    const server = memoryPouch('server');
    const a = await device('A');
    const b = await device('B');
    await a.ctx.db.contacts.put(contact('c1'));
    await a.ctx.db.interactions.put({ id: 'i1', contactId: 'c1', kind: 'note', channel: 'other', at: tick(), text: 'first' });
    await converge(server, a, b);
    await a.ctx.db.transaction('rw', [a.ctx.db.contacts, a.ctx.db.interactions, a.ctx.db.trash], async () => {
      const c = (await a.ctx.db.contacts.get('c1'))!;
      const interactions = await a.ctx.db.interactions.where('contactId').equals('c1').toArray();
      await a.ctx.db.interactions.bulkDelete(interactions.map((i) => i.id));
      await a.ctx.db.trash.put({ id: 'c1', deletedAt: tick(), contact: c, interactions });
      await a.ctx.db.contacts.delete('c1');
    });
    await edit(b.ctx.db, 'c1', { notes: 'edited while deleted elsewhere' });
    await converge(server, a, b);
    for (const dev of [a, b]) {
      expect(await dev.ctx.db.contacts.get('c1')).toBeUndefined();
      const entry = await dev.ctx.db.trash.get('c1');
      expect(entry?.contact.notes).toBe('edited while deleted elsewhere');
      expect(entry?.interactions.map((i) => i.id)).toEqual(['i1']);
    }
  });

  it('templates and shared settings sync; a device-only setting stays on its device', async () => {
    const server = memoryPouch('server');
    const a = await device('A');
    const b = await device('B');
    await a.ctx.db.templates.put({ id: 'user:t1', name: 'Thanks', purpose: '', channel: 'email', body: 'Thank you {{firstName}}', builtIn: false, updatedAt: tick() });
    await a.ctx.db.settings.put({ key: 'settings', value: Settings.parse({ myName: 'Sam Lee', dailySummary: true }) });
    await converge(server, a, b);
    const received = (await b.ctx.db.settings.get('settings'))!.value as Settings;
    await b.ctx.db.settings.put({ key: 'settings', value: Settings.parse({ ...received, followUpDays: 10 }) });
    await converge(server, a, b);
    expect(await b.ctx.db.templates.get('user:t1')).toMatchObject({ name: 'Thanks' });
    const onB = (await b.ctx.db.settings.get('settings'))!.value as Settings;
    const onA = (await a.ctx.db.settings.get('settings'))!.value as Settings;
    expect(onB).toMatchObject({ myName: 'Sam Lee', dailySummary: false });
    expect(onA).toMatchObject({ myName: 'Sam Lee', dailySummary: true });
    expect(onA.followUpDays).toBe(10);
  });

  it('letters, programs and program links sync; a program arrives indexed by its names; a contact trashed with its letters and links keeps them', async () => {
    const server = memoryPouch('server');
    const a = await device('A');
    const b = await device('B');
    const now = tick();
    const program = Program.parse({ id: 'p1', name: 'Northfield General IM', aliases: ['NGH'], createdAt: now, updatedAt: now });
    await a.ctx.db.transaction('rw', [a.ctx.db.contacts, a.ctx.db.letters, a.ctx.db.programs, a.ctx.db.programLinks, a.ctx.db.programUnlinks], async () => {
      await a.ctx.db.contacts.bulkPut([contact('c1', { organization: 'NGH' }), contact('c2', { fullName: 'Bo Chen' })]);
      await a.ctx.db.letters.put(Letter.parse({ id: 'l1', writerId: 'c1', status: 'asked', notes: 'due before ERAS', createdAt: now, updatedAt: now }));
      await a.ctx.db.programs.put({ ...program, matchKeys: programKeys(program) });
      await a.ctx.db.programLinks.put({ contactId: 'c1', programId: 'p1', by: 'name', at: now });
      await a.ctx.db.programUnlinks.put({ contactId: 'c2', programId: 'p1', at: now });
    });
    await converge(server, a, b);
    expect(await b.ctx.db.letters.get('l1')).toMatchObject({ writerId: 'c1', notes: 'due before ERAS' });
    expect((await b.ctx.db.programs.where('matchKeys').equals(programKeys(program)[0]!).primaryKeys())).toEqual(['p1']);
    expect(await b.ctx.db.programLinks.get(['c1', 'p1'])).toMatchObject({ by: 'name' });
    // Links applied by the engine keep the program's summary (storage/program-summaries.ts).
    expect(await b.ctx.db.programSummaries.get('p1')).toMatchObject({ people: 1 });
    expect(await b.ctx.db.programUnlinks.get(['c2', 'p1'])).toBeDefined();

    // B drops the refusal and renames the program; A trashes c1 with its letter and link.
    await b.ctx.db.programUnlinks.delete(['c2', 'p1']);
    await b.ctx.db.programs.update('p1', { name: 'Northfield General Internal Medicine', updatedAt: tick() });
    await a.ctx.db.transaction('rw', [a.ctx.db.contacts, a.ctx.db.letters, a.ctx.db.trash, a.ctx.db.programLinks], async () => {
      const c = (await a.ctx.db.contacts.get('c1'))!;
      const letters = await a.ctx.db.letters.where('writerId').equals('c1').toArray();
      // As storage's trash does: the links alone, without the copies of the contact's facts (storage/link-facts.ts).
      const links = (await a.ctx.db.programLinks.where('contactId').equals('c1').toArray()).map(toLink);
      await a.ctx.db.trash.put({ id: 'c1', deletedAt: tick(), contact: c, interactions: [], letters, links });
      await a.ctx.db.letters.bulkDelete(letters.map((l) => l.id));
      await a.ctx.db.programLinks.bulkDelete(links.map((l) => [l.contactId, l.programId] as [string, string]));
      await a.ctx.db.contacts.delete('c1');
    });
    await converge(server, a, b);
    for (const dev of [a, b]) {
      expect(await dev.ctx.db.programUnlinks.count()).toBe(0);
      expect((await dev.ctx.db.programs.get('p1'))?.name).toBe('Northfield General Internal Medicine');
      expect(await dev.ctx.db.letters.count()).toBe(0);
      expect(await dev.ctx.db.programLinks.count()).toBe(0);
      const entry = await dev.ctx.db.trash.get('c1');
      expect(entry?.letters?.map((l) => l.id)).toEqual(['l1']);
      expect(entry?.links).toEqual([{ contactId: 'c1', programId: 'p1', by: 'name', at: now }]);
    }
  });

  it('a device with another passphrase reads nothing and writes nothing', async () => {
    const server = memoryPouch('server');
    const a = await device('A');
    await a.ctx.db.contacts.put(contact('c1'));
    await converge(server, a);
    const db = openDatabase(`rapport-X-${Math.random()}`);
    opened.push(db);
    await startTracking(db, 'X');
    const replica = memoryPouch('replica-X');
    const other = { ctx: { db, replica, keys: await deriveKeys('wrong passphrase', newSalt(), 1_000), device: 'X' }, replica };
    const before = (await server.allDocs({ include_docs: true })).rows;
    await PouchDB.replicate(server, replica);
    const round = await syncRound(other.ctx);
    expect(round.unreadable).toBeGreaterThan(0);
    expect(await db.contacts.count()).toBe(0);
    expect((await replica.allDocs({ include_docs: true })).rows).toEqual(before);
  });
  it('a pull stopped midway, as when the worker stops, resumes from its checkpoint: nothing skipped, nothing applied twice', async () => {
    const server = memoryPouch('server');
    const a = await device('A');
    await a.ctx.db.contacts.bulkPut(['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => contact(id, { fullName: `Person ${id}` })));
    await sync(a, server);
    const b = await device('B');
    await PouchDB.replicate(server, b.replica);
    let reads = 0;
    const replica = new Proxy(b.replica, {
      get(target, prop, receiver) {
        if (prop === 'changes') {
          return (options: Parameters<typeof target.changes>[0]) => {
            if (++reads > 1) throw new Error('the worker stopped');
            return target.changes(options);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(syncRound({ ...b.ctx, replica, batch: 2 })).rejects.toThrow('the worker stopped');
    expect(await b.ctx.db.contacts.count()).toBe(2);
    const resumed = await syncRound({ ...b.ctx, batch: 2 });
    expect(resumed.merged).toBe(3);
    expect((await contactsOf(b.ctx.db)).map((c) => c.fullName)).toEqual(['Person c1', 'Person c2', 'Person c3', 'Person c4', 'Person c5']);
    expect(await countPending(b.ctx.db)).toBe(0);
  });
  it('its own writes coming back through the change feed are skipped without reading Dexie; another device’s change is read and merged', async () => {
    const server = memoryPouch('server');
    const db = openDatabase(`rapport-own-${Math.random()}`);
    opened.push(db);
    let byDocId = 0;
    db.use({
      stack: 'dbcore',
      name: 'count-docid-reads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'syncRecords') return table;
          return { ...table, query: (request) => ((byDocId += request.query.index.name === 'docId' ? 1 : 0), table.query(request)) };
        },
      }),
    });
    await startTracking(db, 'A');
    const replica = memoryPouch('replica-A');
    const a: Device = { ctx: { db, replica, keys, device: 'A', written: new Map() }, replica };
    const b = await device('B');
    for (const id of ['c1', 'c2', 'c3']) await db.contacts.put(contact(id, { fullName: `Person ${id}` }));
    await syncRound(a.ctx);
    expect(byDocId).toBe(0);
    expect(a.ctx.written?.size).toBe(0);
    await converge(server, a, b);
    await edit(b.ctx.db, 'c2', { title: 'Program Coordinator' });
    await sync(b, server);
    byDocId = 0;
    await sync(a, server);
    expect(byDocId).toBeGreaterThan(0);
    expect((await db.contacts.get('c2'))?.title).toBe('Program Coordinator');
    expect(await countPending(db)).toBe(0);
  });
  it('a record new on this device that the replica already holds (the same backup on both) is merged with it in the same round, not overwritten', async () => {
    const server = memoryPouch('server');
    const a = await device('A');
    await a.ctx.db.contacts.put(contact('c1', { fullName: 'Ana Ruiz', title: 'Program Director' }));
    await sync(a, server);
    const b = await device('B');
    await b.ctx.db.contacts.put(contact('c1', { fullName: 'Ana Ruiz', notes: 'Met at the IM fair, again' }));
    // B's replica has A's document before B's engine ever merged it: B's record has no document id yet.
    await PouchDB.replicate(server, b.replica);
    const writes: string[] = [];
    const replica = new Proxy(b.replica, {
      get(target, prop, receiver) {
        if (prop === 'bulkDocs') return (docs: { _id: string; _rev?: string }[]) => (writes.push(...docs.map((d) => d._rev ?? 'new')), target.bulkDocs(docs));
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await syncRound({ ...b.ctx, replica });
    // Written blind first (refused: the document exists), then merged with A's revision and written over it.
    // (The notes field differs too: the timeline notes that keep the other value are written after, as new records.)
    expect(writes[0]).toBe('new');
    expect(writes[1]).toMatch(/^1-/);
    expect(await countPending(b.ctx.db)).toBe(0);
    await converge(server, a, b);
    for (const dev of [a, b]) {
      const c1 = await dev.ctx.db.contacts.get('c1');
      expect(c1?.title).toBe('Program Director');
      expect(c1?.notes).toBe('Met at the IM fair, again');
    }
  });
  it('a batch of 150 records and the settings row applies in one transaction, with its checkpoint', async () => {
    const b = await device('B');
    const version = (record: Record<string, unknown>) => ({ state: 'live' as const, record, stamps: { fullName: [1, 'A'] as [number, string] }, seen: { A: 1 } });
    const items = Array.from({ length: 150 }, (_, i) => {
      const record = contact(`c${i}`, { fullName: `Person ${i}` });
      return { kind: 'contacts', id: record.id, version: version(record), docId: `r${i}`, expectedPending: undefined, sent: true, rev: '1-a', writeLocal: true };
    });
    items.push({ kind: 'settings', id: 'settings', version: version({}), docId: 'rs', expectedPending: undefined, sent: true, rev: '1-a', writeLocal: true });
    // Planning each record with an await lost Dexie's transaction after about a hundred: the rest was written apart and this threw.
    const outcome = await applyMerged(b.ctx.db, items, { key: 'checkpoint', value: 42 });
    expect(outcome.applied).toHaveLength(151);
    expect(await b.ctx.db.contacts.count()).toBe(150);
    expect((await b.ctx.db.syncMeta.get('checkpoint'))?.value).toBe(42);
  });
  it('a batch written in bulk leaves out only the record that fails its schema, and reports it', async () => {
    const b = await device('B');
    const good = contact('c1', { fullName: 'Ana Ruiz' });
    const bad = { ...contact('c2'), fullName: '' };
    const version = (record: Record<string, unknown>) => ({ state: 'live' as const, record, stamps: { fullName: [1, 'A'] as [number, string] }, seen: { A: 1 } });
    const item = (id: string, record: Record<string, unknown>) => ({ kind: 'contacts', id, version: version(record), docId: `r${id}`, expectedPending: undefined, sent: true, rev: '1-a', writeLocal: true });
    const outcome = await applyMerged(b.ctx.db, [item('c1', good), item('c2', bad)]);
    expect(outcome.applied).toEqual(['contacts/c1']);
    expect(outcome.invalid.map((x) => x.key)).toEqual(['contacts/c2']);
    expect((await contactsOf(b.ctx.db)).map((c) => c.id)).toEqual(['c1']);
    expect(await b.ctx.db.syncRecords.get('contacts/c2')).toBeUndefined();
    expect((await b.ctx.db.syncRecords.get('contacts/c1'))?.rev).toBe('1-a');
  });
});
