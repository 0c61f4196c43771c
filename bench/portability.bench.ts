/**
 * Import and export at the scale of a large network: LinkedIn connections
 * imported at 10,000 and 100,000 rows, 10,000 contacts exported to CSV and to a
 * JSON backup. Runs in plain Node (`npx tsx bench/portability.bench.ts`)
 * against an in-memory IndexedDB; prints one JSON line per figure.
 *
 * The import's floor is Dexie's `bulkAdd` of the same records into a store
 * with only a primary key, timed interleaved with the import rounds; the
 * 100,000-row import is checked against 12× the 10,000-row one (linear, not worse).
 * The 10,000-row time is also given in its two parts: reading the file (CSV,
 * names, links, every row through the Contact schema), which the floor does
 * not do, and planning and writing it, which is what the floor stands for.
 * A second floor adds the rows as stored into a store with Rapport's contact
 * indexes and nothing else: fake-indexeddb makes each index row dear (an
 * absent value costs it a thrown DOMException), so the part of the import above
 * that floor is Rapport's own, the part below it is the indexes'. Chromium's
 * figures, against a floor in the same browser, are bench/import-chromium.bench.ts's.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { performance } from 'node:perf_hooks';
import { SCHEMA_LATEST, db } from '../storage/db';
import { withFunnelKeys } from '../storage/overview-keys';
import { withSearchFields } from '../storage/search-fields';
import { exportBackup } from '../storage/backup-export';
import { serializeBackup } from '../portability/backup-format';
import { contactsToCsv } from '../portability/csv-export';
import { applyContactImport } from '../storage/import-contacts';
import { parseConnections } from '../portability/linkedin-connections';
import { connectionsCsv } from './generate';
import { median, report } from './report';

const N = 10_000;
const BIG = Number(process.env.BENCH_IMPORT_BIG ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const floorDb = new Dexie('floor') as Dexie & { contacts: Dexie.Table<{ id: string }, string> };
floorDb.version(1).stores({ contacts: 'id' });
/**
 * The second floor: the same rows as Rapport stores them (with the fields its indexes read) added to a store with
 * Rapport's contact indexes and nothing else (no schema, no middleware, no plan). What the import costs above it is
 * Rapport's own; what this floor costs above the first is the price of the indexes, which fake-indexeddb makes high.
 */
const indexedDb = new Dexie('indexed-floor') as Dexie & { contacts: Dexie.Table<{ id: string }, string> };
indexedDb.version(1).stores({ contacts: SCHEMA_LATEST.contacts });

async function clearAll(): Promise<void> {
  await Promise.all([...db.tables.map((t) => t.clear()), floorDb.contacts.clear(), indexedDb.contacts.clear()]);
}

interface Round {
  imported: number;
  read: number;
  written: number;
  floor: number;
  indexedFloor: number;
  cpu: number;
  floorCpu: number;
  indexedFloorCpu: number;
}

/** One bulkAdd of `rows`, timed (wall and CPU). */
async function timedAdd(table: Dexie.Table<{ id: string }, string>, rows: readonly { id: string }[]): Promise<{ ms: number; cpu: number }> {
  const start = performance.now();
  const cpu = cpuNow();
  await table.bulkAdd([...rows]);
  return { ms: performance.now() - start, cpu: cpuNow() - cpu };
}

/**
 * One import of `rows` rows into an empty store, and the floors' adds of the records it wrote. The file's
 * reading (CSV, names, links, each row through the Contact schema) is timed apart from the plan and write, which
 * are what the floors can be compared with: the floors are handed records already read.
 */
async function importRound(text: string, rows: number): Promise<Round> {
  await clearAll();
  let start = performance.now();
  const cpu = cpuNow();
  const parsed = parseConnections(text);
  const read = performance.now() - start;
  start = performance.now();
  const plan = await applyContactImport(parsed);
  const written = performance.now() - start;
  const importCpu = cpuNow() - cpu;
  if (plan.add.length !== rows) throw new Error(`imported ${plan.add.length} of ${rows}`);
  const stored = plan.add.map((contact) => withFunnelKeys(withSearchFields(contact)));
  const floor = await timedAdd(floorDb.contacts, plan.add);
  const indexed = await timedAdd(indexedDb.contacts, stored);
  return {
    imported: read + written,
    read,
    written,
    floor: floor.ms,
    indexedFloor: indexed.ms,
    cpu: importCpu,
    floorCpu: floor.cpu,
    indexedFloorCpu: indexed.cpu,
  };
}

/**
 * This process's CPU time in ms. IndexedDB is in-process here (fake-indexeddb), so the import's CPU time is its
 * whole cost; unlike its wall time, it hardly moves when other processes keep the cores busy.
 */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function main(): Promise<void> {
  await db.open();
  const text = connectionsCsv(N);
  const small = [];
  for (let round = 0; round < ROUNDS; round++) small.push(await importRound(text, N));
  const imported = median(small.map((r) => r.imported));
  report({
    name: 'import.connections_10k_ms',
    value: imported,
    unit: 'ms',
    target: 3_000,
    floor: median(small.map((r) => r.floor)),
    floorName: 'Dexie bulkAdd of the same records, primary key only',
    ratioTarget: 2,
  });
  const floor = median(small.map((r) => r.floor));
  const indexedFloor = median(small.map((r) => r.indexedFloor));
  report({ name: 'import.connections_10k.read_ms', value: median(small.map((r) => r.read)), unit: 'ms', floor, floorName: 'the same bulkAdd' });
  report({ name: 'import.connections_10k.plan_and_write_ms', value: median(small.map((r) => r.written)), unit: 'ms', floor, floorName: 'the same bulkAdd' });
  report({
    name: 'import.connections_10k.plan_and_write_vs_indexes_ms',
    value: median(small.map((r) => r.written)),
    unit: 'ms',
    floor: indexedFloor,
    floorName: "Dexie bulkAdd of the same rows as stored into a store with Rapport's contact indexes",
  });
  report({
    name: 'import.connections_10k.cpu_ms',
    value: median(small.map((r) => r.cpu)),
    unit: 'ms',
    floor: median(small.map((r) => r.floorCpu)),
    floorName: 'CPU time of the same bulkAdd',
    ratioTarget: 2,
  });
  report({
    name: 'import.connections_10k.indexes_cpu_ms',
    value: median(small.map((r) => r.indexedFloorCpu)),
    unit: 'ms',
    floor: median(small.map((r) => r.floorCpu)),
    floorName: 'CPU time of the same bulkAdd, primary key only (what the indexes alone cost in fake-indexeddb)',
  });

  const csv = contactsToCsv(await db.contacts.orderBy('sortName').toArray());
  let start = performance.now();
  contactsToCsv(await db.contacts.orderBy('sortName').toArray());
  report({ name: 'export.csv_10k_ms', value: performance.now() - start, unit: 'ms', target: 1_000 });
  if (csv.split('\r\n').length < N + 1) throw new Error('CSV export is short');

  start = performance.now();
  const json = serializeBackup(await exportBackup());
  report({ name: 'export.json_10k_ms', value: performance.now() - start, unit: 'ms', target: 1_000 });
  if ((JSON.parse(json) as { contacts: unknown[] }).contacts.length !== N) throw new Error('backup is short');

  if (BIG > 0) {
    const big = await importRound(connectionsCsv(BIG), BIG);
    const k = `${Math.round(BIG / 1000)}k`;
    const linear = BIG / N;
    report({ name: `import.connections_${k}_ms`, value: big.imported, unit: 'ms', target: 1.2 * linear * imported, floor: big.floor, floorName: 'Dexie bulkAdd of the same records, primary key only' });
    report({ name: `import.connections_${k}.vs_10k`, value: big.imported / imported, unit: '×', target: 1.2 * linear });
    // fake-indexeddb's own writes grow faster than their size: the floors' growth says how much of the import's is theirs.
    report({ name: `import.connections_${k}.floor_vs_10k`, value: big.floor / floor, unit: '×' });
    report({ name: `import.connections_${k}.indexes_floor_vs_10k`, value: big.indexedFloor / indexedFloor, unit: '×' });
    report({ name: `import.connections_${k}.cpu_vs_10k`, value: big.cpu / median(small.map((r) => r.cpu)), unit: '×', target: 1.2 * linear });
  }
  db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
