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
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { performance } from 'node:perf_hooks';
import { db } from '../storage/db';
import { exportBackup } from '../storage/backup-export';
import { serializeBackup } from '../portability/backup-format';
import { contactsToCsv } from '../portability/csv-export';
import { applyContactImport } from '../storage/import-contacts';
import { parseConnections } from '../portability/linkedin-connections';
import { median, report } from './report';

const N = 10_000;
const BIG = Number(process.env.BENCH_IMPORT_BIG ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function connectionsCsv(rows: number): string {
  const lines = [
    '\uFEFFNotes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  for (let i = 0; i < rows; i++) {
    const email = i % 3 === 0 ? `person${i}@example.org` : '';
    const date = `${String((i % 28) + 1).padStart(2, '0')} ${months[i % 12]} ${2015 + (i % 10)}`;
    lines.push(
      `Person${i},"Müller-${i}, MD",https://www.linkedin.com/in/person-${i},${email},"Hospital ${i % 50}, Inc.",Resident Physician,${date}`,
    );
  }
  return lines.join('\r\n');
}

const floorDb = new Dexie('floor') as Dexie & { contacts: Dexie.Table<{ id: string }, string> };
floorDb.version(1).stores({ contacts: 'id' });

async function clearAll(): Promise<void> {
  await Promise.all([...db.tables.map((t) => t.clear()), floorDb.contacts.clear()]);
}

/**
 * One import of `rows` rows into an empty store, and the floor's bulkAdd of the records it wrote. The file's
 * reading (CSV, names, links, each row through the Contact schema) is timed apart from the plan and write, which
 * are what the floor can be compared with: the floor is handed records already read.
 */
async function importRound(text: string, rows: number): Promise<{ imported: number; read: number; written: number; floor: number; cpu: number; floorCpu: number }> {
  await clearAll();
  let start = performance.now();
  let cpu = cpuNow();
  const parsed = parseConnections(text);
  const read = performance.now() - start;
  start = performance.now();
  const plan = await applyContactImport(parsed);
  const written = performance.now() - start;
  const importCpu = cpuNow() - cpu;
  if (plan.add.length !== rows) throw new Error(`imported ${plan.add.length} of ${rows}`);
  start = performance.now();
  cpu = cpuNow();
  await floorDb.contacts.bulkAdd(plan.add);
  return { imported: read + written, read, written, floor: performance.now() - start, cpu: importCpu, floorCpu: cpuNow() - cpu };
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
  report({ name: 'import.connections_10k.read_ms', value: median(small.map((r) => r.read)), unit: 'ms', floor, floorName: 'the same bulkAdd' });
  report({ name: 'import.connections_10k.plan_and_write_ms', value: median(small.map((r) => r.written)), unit: 'ms', floor, floorName: 'the same bulkAdd' });
  report({
    name: 'import.connections_10k.cpu_ms',
    value: median(small.map((r) => r.cpu)),
    unit: 'ms',
    floor: median(small.map((r) => r.floorCpu)),
    floorName: 'CPU time of the same bulkAdd',
    ratioTarget: 2,
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
    report({ name: `import.connections_${k}_ms`, value: big.imported, unit: 'ms', target: 12 * imported * (BIG / N / 10), floor: big.floor, floorName: 'Dexie bulkAdd of the same records, primary key only' });
    report({ name: `import.connections_${k}.vs_10k`, value: big.imported / imported, unit: '×', target: 12 * (BIG / N / 10) });
  }
  db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
