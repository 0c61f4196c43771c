/**
 * Sync's reads and writes of the local database: turning tracking on and off,
 * the pending records, and applying merged versions from the server. Every
 * function takes the database, so tests can run two "devices" side by side.
 *
 * Transactions here name `syncMeta`, which tells the change tracker
 * (./sync-tracking) that the sync engine is writing and sets its own versions.
 */
import type { IndexableType } from 'dexie';
import { stampChange, type Version } from '../sync/version';
import type { RapportDB } from './db';
import { RowWrites, SYNC_BINDINGS, bindingFor, recordKey, type RowReader } from './sync-bindings';
import { TRACKING_KEY, type SyncRecord, type TrackingState } from './sync-tracking';

function engineTables(db: RapportDB) {
  const sources = new Set(SYNC_BINDINGS.flatMap((b) => Object.keys(b.sources)));
  return [...[...sources].map((name) => db.table(name)), db.syncRecords, db.syncMeta];
}

export async function trackingState(db: RapportDB): Promise<TrackingState | undefined> {
  const row = await db.syncMeta.get(TRACKING_KEY);
  return row?.value as TrackingState | undefined;
}

/**
 * Turns tracking on: gives every synced record a version stamped by this
 * device (at the record's own `updatedAt` when it has one, so that two devices
 * holding the same backup agree on which copy is newer) and marks it pending.
 * One transaction: a write racing with it is either before (and stamped here) or after (and tracked).
 */
export async function startTracking(db: RapportDB, device: string, now = Date.now()): Promise<number> {
  return db.transaction('rw', engineTables(db), async () => {
    if (await trackingState(db)) return 0;
    const rows: RowReader = (table, keys) => db.table(table).bulkGet(keys as IndexableType[]);
    const out: SyncRecord[] = [];
    for (const binding of SYNC_BINDINGS) {
      for (const [table, toId] of Object.entries(binding.sources)) {
        const keys = await db.table(table).toCollection().primaryKeys();
        const ids = [...new Set(keys.map(toId).filter((id): id is string => !!id))];
        const states = await binding.read(rows, ids);
        ids.forEach((id, i) => {
          const state = states[i]!;
          if (state.state === 'deleted') return;
          const at = state.record?.updatedAt;
          const version = stampChange(undefined, state, device, typeof at === 'number' && at > 0 ? at : now);
          out.push({ key: recordKey(binding.kind, id), kind: binding.kind, id, version, pending: now });
        });
      }
    }
    await db.syncRecords.bulkPut(out);
    await db.syncMeta.put({ key: TRACKING_KEY, value: { device } satisfies TrackingState });
    return out.length;
  });
}

/** Turns tracking off and forgets every sync version and checkpoint: the records themselves stay. */
export async function stopTracking(db: RapportDB): Promise<void> {
  await db.transaction('rw', engineTables(db), async () => {
    await db.syncRecords.clear();
    await db.syncMeta.clear();
  });
}

export async function getSyncMeta<T>(db: RapportDB, key: string): Promise<T | undefined> {
  return (await db.syncMeta.get(key))?.value as T | undefined;
}

export async function setSyncMeta(db: RapportDB, key: string, value: unknown): Promise<void> {
  await db.transaction('rw', db.syncMeta, () => db.syncMeta.put({ key, value }));
}

export async function countPending(db: RapportDB): Promise<number> {
  return db.syncRecords.where('pending').above(0).count();
}

/** The keys of every record waiting to be sent (keys only: cheap even for 100,000). */
export async function pendingKeys(db: RapportDB): Promise<string[]> {
  return (await db.syncRecords.where('pending').above(0).primaryKeys()) as string[];
}

export async function syncRecordsFor(db: RapportDB, keys: string[]): Promise<(SyncRecord | undefined)[]> {
  return db.syncRecords.bulkGet(keys);
}

/**
 * The records held for these documents. One index lookup per id, all started at once in one
 * transaction: IndexedDB pipelines them, where `anyOf` walks a cursor a step (a round trip) at a time,
 * which took a second and a half per thousand under load (bench/sync.bench.ts).
 */
export async function syncRecordsByDocId(db: RapportDB, docIds: string[]): Promise<SyncRecord[]> {
  const found = await db.transaction('r', db.syncRecords, () => Promise.all(docIds.map((docId) => db.syncRecords.where('docId').equals(docId).first())));
  return found.filter((row): row is SyncRecord => !!row);
}

export interface MergedItem {
  kind: string;
  id: string;
  version: Version;
  /** The record's `pending` when the engine read it: if a local edit came since, the merge is stale and skipped. */
  expectedPending: number | undefined;
  /** Whether the server now holds this version (false: keep it pending, to send again). */
  sent: boolean;
  /** Whether the local tables must change (the merged version differs from what this device had). */
  writeLocal: boolean;
  docId: string;
  /** The document's revision that holds this version, when it was sent. */
  rev?: string;
}

export interface ApplyOutcome {
  applied: string[];
  /** Records edited here meanwhile: merged again on the next round. */
  stale: string[];
  /** Records refused by their schema, with the reason: the local copy is left as it was. */
  invalid: { key: string; reason: string }[];
}

/**
 * Applies merged versions to the local tables in one transaction, each
 * record through its kind's schema, then the whole batch in one bulk write
 * per table. A record edited locally since it was read is left alone (its
 * newer edit is merged on the next round), and a record that fails its
 * schema is reported and left as it was.
 */
export async function applyMerged(db: RapportDB, items: readonly MergedItem[], checkpoint?: { key: string; value: unknown }): Promise<ApplyOutcome> {
  return db.transaction('rw', engineTables(db), async (tx) => {
    const outcome: ApplyOutcome = { applied: [], stale: [], invalid: [] };
    const current = await db.syncRecords.bulkGet(items.map((item) => recordKey(item.kind, item.id)));
    const table = (name: string) => tx.table(name);
    const writes = new RowWrites();
    const records: SyncRecord[] = [];
    for (const [i, item] of items.entries()) {
      const key = recordKey(item.kind, item.id);
      const binding = bindingFor(item.kind);
      if (!binding) continue;
      if (current[i]?.pending !== item.expectedPending) {
        outcome.stale.push(key);
        continue;
      }
      if (item.writeLocal) {
        try {
          // IndexedDB has no savepoints: each record is checked before anything of the batch is written.
          // Awaited only when the kind reads (settings): hundreds of awaits in a row lose Dexie's transaction
          // zone, and the writes after them then ran outside this transaction, which committed early
          // (PrematureCommitError: the round failed, the checkpoint was saved apart from its records).
          const planned = binding.plan(table, item.id, item.version, writes);
          if (planned) await planned;
        } catch (error) {
          outcome.invalid.push({ key, reason: error instanceof Error ? error.message : String(error) });
          continue;
        }
      }
      const record: SyncRecord = { key, kind: item.kind, id: item.id, version: item.version, docId: item.docId };
      if (item.rev) record.rev = item.rev;
      if (!item.sent) record.pending = Date.now();
      records.push(record);
      outcome.applied.push(key);
    }
    await writes.flush(table);
    await db.syncRecords.bulkPut(records);
    if (checkpoint) await db.syncMeta.put(checkpoint);
    return outcome;
  });
}
