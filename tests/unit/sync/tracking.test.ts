import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_NAME, SCHEMA_V2, SCHEMA_VERSION, db, openDatabase } from '../../../storage/db';
import { addContact, deleteContact, restoreContact, updateContact } from '../../../storage/contacts';
import { emptyTrash } from '../../../storage/trash';
import { updateSettings } from '../../../storage/settings';
import { logInteraction } from '../../../storage/interactions';
import { countPending, startTracking, stopTracking } from '../../../storage/sync-state';

const record = (key: string) => db.syncRecords.get(key);

describe('sync change tracking (the outbox)', () => {
  it('tracks nothing while sync is off', async () => {
    await addContact({ fullName: 'Ana Ruiz' });
    expect(await db.syncRecords.count()).toBe(0);
  });

  it('turning it on queues every record, stamped at its own update time', async () => {
    const contact = await addContact({ fullName: 'Ana Ruiz' }, 1_000);
    await updateSettings({ myName: 'Sam' });
    expect(await startTracking(db, 'dev-A', 5_000)).toBe(2);
    const row = await record(`contacts/${contact.id}`);
    expect(row?.version.state).toBe('live');
    expect(row?.version.stamps.fullName).toEqual([1_000, 'dev-A']);
    expect(row?.version.record).not.toHaveProperty('sortName');
    expect(row?.pending).toBeGreaterThan(0);
    expect((await record('settings/settings'))?.version.record).not.toHaveProperty('dailySummary');
  });

  it('every write path stamps only the fields it changed, in the same transaction, and marks the record pending', async () => {
    await startTracking(db, 'dev-A');
    const contact = await addContact({ fullName: 'Ana Ruiz', title: 'PD' });
    await db.syncRecords.update(`contacts/${contact.id}`, { pending: undefined });
    expect(await countPending(db)).toBe(0);
    const before = (await record(`contacts/${contact.id}`))!.version;
    await updateContact(contact.id, { notes: 'call Tuesday' });
    const after = (await record(`contacts/${contact.id}`))!;
    expect(after.pending).toBeGreaterThan(0);
    expect(after.version.record!.notes).toBe('call Tuesday');
    expect(after.version.stamps.notes![0]).toBeGreaterThan(before.stamps.fullName![0]);
    expect(after.version.stamps.fullName).toEqual(before.stamps.fullName);
    const { interaction } = await logInteraction(contact.id, { kind: 'note', text: 'hello' });
    expect((await record(`interactions/${interaction.id}`))?.version.record).toMatchObject({ text: 'hello' });
  });

  it('follows a contact into the trash with its timeline, back out, and away for good', async () => {
    await startTracking(db, 'dev-A');
    const contact = await addContact({ fullName: 'Ana Ruiz' });
    const { interaction } = await logInteraction(contact.id, { kind: 'note', text: 'hello' });
    await deleteContact(contact.id);
    let row = await record(`contacts/${contact.id}`);
    expect(row?.version.state).toBe('trashed');
    expect(row?.version.trash?.interactions.map((i) => i.id)).toEqual([interaction.id]);
    expect((await record(`interactions/${interaction.id}`))?.version.state).toBe('deleted');
    await restoreContact(contact.id);
    expect((await record(`contacts/${contact.id}`))?.version.state).toBe('live');
    expect((await record(`interactions/${interaction.id}`))?.version.state).toBe('live');
    await deleteContact(contact.id);
    await emptyTrash();
    row = await record(`contacts/${contact.id}`);
    expect(row?.version.state).toBe('deleted');
    expect(row?.version.record).toBeUndefined();
  });

  it('a device-only setting changes nothing to sync', async () => {
    await startTracking(db, 'dev-A');
    await db.syncRecords.clear();
    await updateSettings({ myName: 'Sam' });
    await db.syncRecords.update('settings/settings', { pending: undefined });
    await updateSettings({ dailySummary: true });
    expect(await countPending(db)).toBe(0);
  });

  it('turning it off forgets the outbox and keeps the records', async () => {
    await startTracking(db, 'dev-A');
    await addContact({ fullName: 'Ana Ruiz' });
    await stopTracking(db);
    expect(await db.syncRecords.count()).toBe(0);
    await addContact({ fullName: 'Ben Ode' });
    expect(await db.syncRecords.count()).toBe(0);
    expect(await db.contacts.count()).toBe(2);
  });
});

describe('schema version 5', () => {
  const NAME = `${DB_NAME}-v5-upgrade`;
  it('opens a version-2 database with its data intact and the sync tables queryable', async () => {
    const old = new Dexie(NAME);
    old.version(2).stores(SCHEMA_V2);
    await old.table('templates').add({ id: 't1', name: 'Hi', body: 'Hello', purpose: '', channel: 'other', builtIn: false, updatedAt: 1 });
    old.close();
    const upgraded = openDatabase(NAME);
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_VERSION);
    expect(await upgraded.templates.get('t1')).toMatchObject({ name: 'Hi' });
    expect(await upgraded.syncRecords.where('pending').above(0).count()).toBe(0);
    expect(await upgraded.syncMeta.count()).toBe(0);
    upgraded.close();
    await Dexie.delete(NAME);
  });
});
