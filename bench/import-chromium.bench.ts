/**
 * The import of a LinkedIn Connections.csv in the built extension in Chromium, on real IndexedDB: the file chosen
 * in Settings, read, checked and planned by the import worker (the dry run), confirmed, and written, until the
 * report says it is done. Its floor is measured in the same browser and the same round, right after: the records
 * the import wrote, read back from Rapport's database, added in one transaction to a database whose one store has
 * only a primary key (raw IndexedDB, no Dexie, no schema, no index). Each round runs in a fresh browser, so that
 * every import goes into an empty database; the 100,000-row import runs once (BENCH_IMPORT_BIG=0 skips it).
 *
 * bench/portability.bench.ts times the same import in Node against fake-indexeddb, whose index rows cost far more
 * than Chromium's: the figures here are the ones a user meets. Needs `npm run build` first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../scripts/chromium';
import { SCHEMA_LATEST } from '../storage/db';
import { connectionsCsv } from './generate';
import { median, report } from './report';

const N = 10_000;
const BIG = Number(process.env.BENCH_IMPORT_BIG ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Round {
  /** From the file's choice to the dry run's report. */
  dryRun: number;
  /** From the confirmation to the report that it is written. */
  write: number;
  floor: number;
  /** The same add into a store with Rapport's contact indexes: what the indexes alone cost. */
  indexedFloor: number;
}

/** Times in the page, set by listeners the page installs before the file is chosen. */
interface Marks {
  chosen?: number;
  reviewed?: number;
  confirmed?: number;
  done?: number;
}

async function importRound(file: string, rows: number): Promise<Round> {
  const { context, extensionId } = await launchWithExtension({ headless: true });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByTestId('import-wizard').waitFor();
    await page.evaluate(() => {
      const marks: Marks = {};
      (window as unknown as { __marks: Marks }).__marks = marks;
      document.addEventListener('change', () => (marks.chosen ??= performance.now()), true);
      document.addEventListener(
        'click',
        (event) => {
          if ((event.target as Element | null)?.closest?.('[data-testid="import-report"] button')) marks.confirmed ??= performance.now();
        },
        true,
      );
      new MutationObserver(() => {
        if (marks.reviewed === undefined && document.querySelector('[data-testid="import-report"]')) marks.reviewed = performance.now();
        if (marks.done === undefined && document.querySelector('[data-testid="import-done"]')) marks.done = performance.now();
      }).observe(document.body, { subtree: true, childList: true });
    });
    const timeout = { timeout: 60_000 + 3 * rows };
    await page.getByLabel('Choose a file to import').setInputFiles(file);
    const review = page.getByTestId('import-report');
    await review.getByText(`Would add ${rows} contacts, update 0 and skip 0.`).waitFor(timeout);
    await review.getByRole('button', { name: 'Confirm import' }).click();
    await page.getByTestId('import-done').getByText(`Added ${rows} contacts`).waitFor(timeout);
    const marks = await page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);
    const { chosen, reviewed, confirmed, done } = marks;
    if (chosen === undefined || reviewed === undefined || confirmed === undefined || done === undefined) {
      throw new Error(`A step of the import was not seen: ${JSON.stringify(marks)}`);
    }
    // No named functions inside: tsx names them with a helper the page does not have.
    const floors = await page.evaluate(
      async ({ rows, indexes }) => {
        const rapport = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('rapport');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const read = rapport.transaction('contacts').objectStore('contacts').getAll();
          read.onsuccess = () => resolve(read.result);
          read.onerror = () => reject(read.error);
        });
        rapport.close();
        if (records.length !== rows) throw new Error(`Rapport holds ${records.length} contacts, not ${rows}`);
        const times: number[] = [];
        // The first floor has a primary key only; the second Rapport's contact indexes, as Dexie declares them.
        for (const [name, declared] of [['import-floor', []], ['import-floor-indexed', indexes]] as const) {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name, 1);
            request.onupgradeneeded = () => {
              const store = request.result.createObjectStore('contacts', { keyPath: 'id' });
              for (const index of declared) {
                const multiEntry = index.startsWith('*');
                const path = index.replace(/^\*/, '');
                store.createIndex(path, path.startsWith('[') ? path.slice(1, -1).split('+') : path, { multiEntry });
              }
            };
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          // Written as strictly as Rapport writes (storage/db.ts: chromeTransactionDurability 'strict').
          const start = performance.now();
          const tx = db.transaction('contacts', 'readwrite', { durability: 'strict' });
          for (const record of records) tx.objectStore('contacts').add(record);
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = tx.onabort = () => reject(tx.error);
          });
          times.push(performance.now() - start);
          db.close();
        }
        return times;
      },
      { rows, indexes: SCHEMA_LATEST.contacts.split(', ').slice(1) },
    );
    return { dryRun: reviewed - chosen, write: done - confirmed, floor: floors[0]!, indexedFloor: floors[1]! };
  } finally {
    await context.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'rapport-import-bench-'));
const fileOf = (rows: number) => {
  const path = join(dir, `Connections-${rows}.csv`);
  writeFileSync(path, connectionsCsv(rows));
  return path;
};

const small: Round[] = [];
const file = fileOf(N);
for (let round = 0; round < ROUNDS; round++) small.push(await importRound(file, N));
const whole = (r: Round) => r.dryRun + r.write;
const floor = median(small.map((r) => r.floor));
const floorName = 'raw IndexedDB add of the same records in one transaction, primary key only, same browser';
const imported = median(small.map(whole));
report({ name: 'import.chromium.connections_10k_ms', value: imported, unit: 'ms', target: 3_000, floor, floorName, ratioTarget: 2 });
report({ name: 'import.chromium.connections_10k.dry_run_ms', value: median(small.map((r) => r.dryRun)), unit: 'ms', floor, floorName });
report({ name: 'import.chromium.connections_10k.write_ms', value: median(small.map((r) => r.write)), unit: 'ms', floor, floorName });
report({
  name: 'import.chromium.connections_10k.write_vs_indexes_ms',
  value: median(small.map((r) => r.write)),
  unit: 'ms',
  floor: median(small.map((r) => r.indexedFloor)),
  floorName: "the same add into a store with Rapport's contact indexes",
});

if (BIG > 0) {
  const big = await importRound(fileOf(BIG), BIG);
  const k = `${Math.round(BIG / 1000)}k`;
  const linear = BIG / N;
  report({ name: `import.chromium.connections_${k}_ms`, value: whole(big), unit: 'ms', target: 1.2 * linear * imported, floor: big.floor, floorName });
  report({ name: `import.chromium.connections_${k}.dry_run_ms`, value: big.dryRun, unit: 'ms' });
  report({ name: `import.chromium.connections_${k}.write_ms`, value: big.write, unit: 'ms' });
  report({ name: `import.chromium.connections_${k}.vs_10k`, value: whole(big) / imported, unit: '×', target: 1.2 * linear });
  report({ name: `import.chromium.connections_${k}.floor_vs_10k`, value: big.floor / floor, unit: '×' });
}
