/**
 * `npm run bench`: runs every benchmark in this folder, each in its own
 * process, and passes through the JSON lines they print
 * ({"name", "value", "unit", "target"}), one per figure.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let failed = false;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(dir, file)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    failed = true;
    console.error(`${file} failed with exit code ${result.status}`);
  }
}
process.exit(failed ? 1 : 0);
