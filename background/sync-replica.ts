/**
 * Where this device's local PouchDB replica lives: its adapter and name, and the one-time move of a
 * replica kept by the adapter of earlier versions.
 *
 * The replica is kept by PouchDB's `indexeddb` adapter, which stores a document with its revision tree
 * as one IndexedDB object: its writes and its change feed cost a fraction of the `idb` adapter's, which
 * spreads each document over several stores (measured in bench/sync.bench.ts). Both adapters name the
 * IndexedDB database after the replica, so the new replica has a new name, and the old one is moved over.
 */
import type { RapportDB } from '../storage/db';
import { getSyncMeta, setSyncMeta } from '../storage/sync-state';
import { resetCheckpoint } from './sync-engine';

type PouchStatic = (typeof import('pouchdb-browser'))['default'];
type Pouch = InstanceType<PouchStatic>;
type ReplicationOptions = NonNullable<Parameters<PouchStatic['replicate']>[2]>;

export const REPLICA_ADAPTER = 'indexeddb';
/** In syncMeta: the adapter this device's replica is kept by; absent, the `idb` replica of earlier versions. */
const REPLICA_KEY = 'replica';

export function replicaName(device: string): string {
  return `rapport-replica-${device}`;
}

/** The name earlier versions gave their `idb` replica. */
export function legacyReplicaName(device: string): string {
  return `rapport-sync-${device}`;
}

/** Records that this device's replica is the current kind (a new replica, from turning sync on). */
export async function markReplicaCurrent(db: RapportDB): Promise<void> {
  await setSyncMeta(db, REPLICA_KEY, REPLICA_ADAPTER);
}

/**
 * Opens the replica, moving an `idb` replica of earlier versions into it first, once. Every revision
 * and conflict is copied (a local replication), so revisions it held but had not sent yet still reach
 * the server: nothing depends on the server having had them. The engine's checkpoint was a position in
 * the old replica's change feed, so it starts again at the beginning of the new one, where each record
 * held at its revision is skipped without a decryption. A worker stopped midway does the move again,
 * from the local replication's own checkpoint; the engine runs only once it is done (it needs the session).
 */
export async function openReplica(PouchDB: PouchStatic, db: RapportDB, device: string, options: ReplicationOptions = {}): Promise<Pouch> {
  const replica = new PouchDB(replicaName(device), { adapter: REPLICA_ADAPTER });
  if ((await getSyncMeta<string>(db, REPLICA_KEY)) === REPLICA_ADAPTER) return replica;
  const legacy = new PouchDB(legacyReplicaName(device), { adapter: 'idb' });
  if ((await legacy.info()).doc_count > 0) await PouchDB.replicate(legacy, replica, options);
  await resetCheckpoint(db);
  await markReplicaCurrent(db);
  await legacy.destroy();
  return replica;
}

/** Deletes this device's replica, and the `idb` one if it was never moved (sync turned off before). */
export async function destroyReplicas(PouchDB: PouchStatic, db: RapportDB, device: string): Promise<void> {
  if ((await getSyncMeta<string>(db, REPLICA_KEY)) !== REPLICA_ADAPTER) await new PouchDB(legacyReplicaName(device), { adapter: 'idb' }).destroy();
  await new PouchDB(replicaName(device), { adapter: REPLICA_ADAPTER }).destroy();
}
