/**
 * The sync outbox, kept by the database itself. While sync is on, every write
 * to a synced table, whatever path made it (an edit, a save from a page, an
 * import, a restore, an undo), updates in the same transaction that record's
 * sync version: each changed field gets this device's stamp, and the record is
 * marked pending until the sync engine has sent it. Doing it in a DBCore
 * middleware means no write path can forget it, and a crash can never leave a
 * change written but not queued.
 *
 * Writes made by the sync engine itself name the `syncMeta` table in their
 * transaction; those are not tracked (they write their own version).
 */
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import { sameVersion, stampChange, type Version } from '../sync/version';
import { SYNC_BINDINGS, SYNC_SOURCE_TABLES, recordKey, type RowReader } from './sync-bindings';
import { widenTransactions, type KeptTogether } from './widen-transactions';

/** Tables added by schema version 5. */
export const SYNC_TABLES = {
  /** One row per synced record: its sync version, and `pending` (a stamp time) until it has been sent. */
  syncRecords: 'key, pending, docId',
  /** Sync's own small state: whether tracking is on and this device's id, the checkpoint, the configuration. */
  syncMeta: 'key',
} as const;

export interface SyncRecord {
  key: string;
  kind: string;
  id: string;
  version: Version;
  pending?: number;
  /** The record's document id in the sync database, and the revision this device last merged (set by the engine). */
  docId?: string;
  rev?: string;
}

export interface TrackingState {
  device: string;
}

export const TRACKING_KEY = 'tracking';

/** Transactions opened by the sync engine (they name syncMeta): their writes carry their own version. */
const engineTransactions = new WeakSet<DBCoreTransaction>();

async function track(down: DBCore, trans: DBCoreTransaction, tableName: string, keys: unknown[]): Promise<void> {
  const meta = (await down.table('syncMeta').get({ trans, key: TRACKING_KEY })) as { value?: TrackingState } | undefined;
  const device = meta?.value?.device;
  if (!device || keys.length === 0) return;
  const rows: RowReader = (table, ids) => down.table(table).getMany({ trans, keys: ids });
  const records = down.table('syncRecords');
  const now = Date.now();
  for (const binding of SYNC_BINDINGS) {
    const toId = binding.sources[tableName];
    if (!toId) continue;
    const ids = [...new Set(keys.map(toId).filter((id): id is string => !!id))];
    if (ids.length === 0) continue;
    const [states, existing] = await Promise.all([
      binding.read(rows, ids),
      records.getMany({ trans, keys: ids.map((id) => recordKey(binding.kind, id)) }) as Promise<(SyncRecord | undefined)[]>,
    ]);
    const changed: SyncRecord[] = [];
    ids.forEach((id, i) => {
      const before = existing[i];
      const state = states[i]!;
      if (!before && state.state === 'deleted') return;
      const version = stampChange(before?.version, state, device, now);
      if (before && sameVersion(version, before.version)) return;
      changed.push({ key: recordKey(binding.kind, id), kind: binding.kind, id, version, pending: version.seen[device] ?? now });
    });
    if (changed.length) await records.mutate({ type: 'put', trans, values: changed });
  }
}

/**
 * A write to a synced table queues in the outbox of the same transaction; a kind read from several tables (a
 * contact: the live table and the trash) needs them all in scope.
 */
const KEPT_TOGETHER: readonly KeptTogether[] = SYNC_BINDINGS.map((binding) => ({
  when: Object.keys(binding.sources),
  holds: [...Object.keys(binding.sources), 'syncRecords', 'syncMeta'],
}));

export const syncTracking: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sync-tracking',
  create: (down) => {
    const widened = widenTransactions(down, KEPT_TOGETHER);
    return {
      ...down,
      transaction: (stores, mode, options) => {
        const trans = widened(stores, mode, options);
        if (mode === 'readwrite' && stores.includes('syncMeta') && stores.some((store) => SYNC_SOURCE_TABLES.has(store))) engineTransactions.add(trans);
        return trans;
      },
      table: (tableName) => {
        const table = down.table(tableName);
        if (!SYNC_SOURCE_TABLES.has(tableName)) return table;
        return {
          ...table,
          // No await before `table.mutate`: Dexie's hooks below read the current transaction from
          // its promise zone, which only its own promise chains (`.then`) carry, not native await.
          mutate: (request) => {
            const { trans } = request;
            // Engine writes carry their own version; schema upgrades from before version 5 have no sync tables yet.
            const stores = (trans as unknown as IDBTransaction).objectStoreNames;
            if (engineTransactions.has(trans) || (stores && !stores.contains('syncMeta'))) return table.mutate(request);
            if (request.type === 'deleteRange') {
              return table
                .query({ trans, values: false, query: { index: table.schema.primaryKey, range: request.range } })
                .then(({ result }) =>
                  table.mutate(request).then((response) => track(down, trans, tableName, result).then(() => response)),
                );
            }
            const deleted = request.type === 'delete' ? [...request.keys] : [];
            return table.mutate(request).then((response) => {
              const keys = request.type === 'delete' ? deleted : (response.results ?? request.keys ?? []);
              return track(down, trans, tableName, keys).then(() => response);
            });
          },
        };
      },
    };
  },
};
