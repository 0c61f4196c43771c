/**
 * Import and export at the scale of a large network: 10,000 LinkedIn
 * connections imported, 10,000 contacts exported to CSV and to a JSON backup.
 * Runs in plain Node (`npx tsx bench/portability.bench.ts`) against an
 * in-memory IndexedDB; prints one JSON line per figure.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { db } from '../storage/db';
import { exportBackup } from '../storage/backup-export';
import { serializeBackup } from '../portability/backup-format';
import { contactsToCsv } from '../portability/csv-export';
import { applyContactImport } from '../storage/import-contacts';
import { parseConnections } from '../portability/linkedin-connections';

const N = 10_000;

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

function report(name: string, value: number, target: number): void {
  console.log(JSON.stringify({ name, value: Math.round(value), unit: 'ms', target }));
}

async function main(): Promise<void> {
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  const text = connectionsCsv(N);

  let start = performance.now();
  const plan = await applyContactImport(parseConnections(text));
  report('import.connections_10k_ms', performance.now() - start, 3_000);
  if (plan.add.length !== N) throw new Error(`imported ${plan.add.length} of ${N}`);

  start = performance.now();
  const csv = contactsToCsv(await db.contacts.orderBy('fullName').toArray());
  report('export.csv_10k_ms', performance.now() - start, 1_000);
  if (csv.split('\r\n').length < N + 1) throw new Error('CSV export is short');

  start = performance.now();
  const json = serializeBackup(await exportBackup());
  report('export.json_10k_ms', performance.now() - start, 1_000);
  if ((JSON.parse(json) as { contacts: unknown[] }).contacts.length !== N) throw new Error('backup is short');

  db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
