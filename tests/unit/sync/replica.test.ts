/**
 * The replica's move from PouchDB's `idb` adapter (earlier versions) to the `indexeddb` one, over
 * fake-indexeddb with both real adapters: nothing the old replica held is lost, unsent revisions and
 * conflicts included, the engine reads the new change feed from its start, and a second start moves nothing.
 */
import Dexie from 'dexie';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RapportDB } from '../../../storage/db';
import { Contact } from '../../../model/schemas';
import { countPending, getSyncMeta, setSyncMeta, startTracking } from '../../../storage/sync-state';
import { deriveKeys, newSalt, type SyncKeys } from '../../../sync/crypto';
import { syncRound, type SyncContext } from '../../../background/sync-engine';
import { destroyReplicas, legacyReplicaName, markReplicaCurrent, openReplica, replicaName } from '../../../background/sync-replica';
import { PouchDB, memoryPouch } from './pouch';

PouchDB.plugin(IndexedDbAdapter);

let keys: SyncKeys;
beforeAll(async () => {
  keys = await deriveKeys('a long shared passphrase', newSalt(), 1_000);
});

const opened: RapportDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function deviceDb(name: string): Promise<RapportDB> {
  const db = openDatabase(`rapport-replica-${name}-${Math.random()}`);
  opened.push(db);
  await startTracking(db, name);
  return db;
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);
const person = (id: string, fullName: string) => Contact.parse({ id, source: 'manual', fullName, createdAt: 1_000, updatedAt: 1_000 });

describe('the sync replica', () => {
  it('an idb replica of earlier versions moves into the indexeddb one with every revision, unsent and conflicting ones included', async () => {
    const device = `D${Math.random().toString(36).slice(2)}`;
    const db = await deviceDb(device);
    await db.contacts.bulkPut([person('c1', 'Ana Ruiz'), person('c2', 'Wen Li')]);
    // The old build: its idb replica holds both records (sent to it, not yet to the server), and the engine's checkpoint points into its feed.
    const legacy = new PouchDB(legacyReplicaName(device), { adapter: 'idb' });
    const old: SyncContext = { db, replica: legacy, keys, device };
    await syncRound(old);
    expect(await countPending(db)).toBe(0);
    // A conflicting revision of one document, as replication leaves when two devices wrote it.
    const [first] = (await legacy.allDocs({ include_docs: true })).rows;
    // Written as replication writes (new_edits: false), which the bridge's type does not name.
    await (legacy.bulkDocs as (docs: unknown[], options: { new_edits: false }) => Promise<unknown>)([{ ...first!.doc!, _rev: '2-aaaa' }], { new_edits: false });
    expect((await legacy.get(first!.key, { conflicts: true }))._conflicts).toHaveLength(1);
    const before = (await legacy.allDocs({})).rows.map((r) => [r.id, r.value?.rev]);
    expect(await getSyncMeta(db, 'checkpoint')).toBeTruthy();
    await legacy.close();

    const replica = await openReplica(PouchDB, db, device);
    expect(replica.name).toBe(replicaName(device));
    expect((await replica.allDocs({})).rows.map((r) => [r.id, r.value?.rev])).toEqual(before);
    expect((await replica.get(first!.key, { conflicts: true }))._conflicts).toHaveLength(1);
    expect(await getSyncMeta(db, 'checkpoint')).toBe(0);
    expect(await databaseNames()).not.toContain(`_pouch_${legacyReplicaName(device)}`);

    // The engine reads the new feed from its start: the conflict is merged and closed, and both records reach a server.
    const ctx: SyncContext = { db, replica, keys, device };
    await syncRound(ctx);
    expect((await replica.get(first!.key, { conflicts: true }))._conflicts).toBeUndefined();
    const server = memoryPouch('server');
    await PouchDB.replicate(replica, server);
    expect((await server.allDocs({})).rows.map((r) => r.id).sort()).toEqual((await replica.allDocs({})).rows.map((r) => r.id).sort());
    expect((await db.contacts.toArray()).map((c) => c.fullName).sort()).toEqual(['Ana Ruiz', 'Wen Li']);

    // Once moved, opening again moves nothing and keeps the checkpoint.
    await setSyncMeta(db, 'checkpoint', 7);
    await replica.close();
    await openReplica(PouchDB, db, device);
    expect(await getSyncMeta(db, 'checkpoint')).toBe(7);
    expect(await databaseNames()).not.toContain(`_pouch_${legacyReplicaName(device)}`);
    await destroyReplicas(PouchDB, db, device);
    expect(await databaseNames()).not.toContain(`_pouch_${replicaName(device)}`);
  });

  it('a device that turned sync on with this version opens its replica without looking for an old one', async () => {
    const device = `D${Math.random().toString(36).slice(2)}`;
    const db = await deviceDb(device);
    await markReplicaCurrent(db);
    await setSyncMeta(db, 'checkpoint', 3);
    const replica = await openReplica(PouchDB, db, device);
    await replica.info();
    expect(await getSyncMeta(db, 'checkpoint')).toBe(3);
    expect(await databaseNames()).not.toContain(`_pouch_${legacyReplicaName(device)}`);
    await replica.destroy();
  });
});
