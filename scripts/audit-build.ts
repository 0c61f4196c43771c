/**
 * `npm run audit:build`: the static audit of what Rapport ships (RELIABILITY
 * S6, X2, X3, L4). Hashes the current build, lets `wxt zip` rebuild and
 * package it for Chrome and Firefox, checks that the rebuild is byte-for-byte
 * the same (reproducible), then runs the build tests in tests/unit/build with
 * the packages required (they are skipped in a plain `vitest run` without them).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OUTPUT_DIR } from './chromium';

const TARGETS = ['chrome-mv3', 'firefox-mv3'];

/** Relative path → sha256 of every file of a build. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) visit(full);
      else out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  visit(dir);
  return out;
}

export function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((file) => a[file] !== b[file]).sort();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const before = Object.fromEntries(
    TARGETS.filter((t) => existsSync(join(OUTPUT_DIR, t))).map((t) => [t, hashTree(join(OUTPUT_DIR, t))]),
  );
  run('npx', ['wxt', 'zip']);
  run('npx', ['wxt', 'zip', '-b', 'firefox']);
  let reproducible = true;
  for (const [target, hashes] of Object.entries(before)) {
    const changed = differences(hashes, hashTree(join(OUTPUT_DIR, target)));
    if (changed.length > 0) {
      reproducible = false;
      console.error(`X3: rebuilding ${target} changed ${changed.length} file(s): ${changed.slice(0, 10).join(', ')}`);
    } else {
      console.log(`X3: ${target} rebuilt byte-for-byte identical (${Object.keys(hashes).length} files)`);
    }
  }
  if (!reproducible) process.exit(1);
  run('npx', ['vitest', 'run', 'tests/unit/build'], { AUDIT_REQUIRE_PACKAGES: '1' });
}
