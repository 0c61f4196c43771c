/**
 * Guards the migration rule: every Dexie version after 1 declares an upgrade
 * function, and tests/unit/storage/migrations.test.ts opens a database
 * written by the version before it. Fails when a version is added without.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '../../../storage/db';
import { Contact } from '../../../model/schemas';

interface DexieVersion {
  _cfg: { version: number; contentUpgrade: unknown };
}

describe('schema versions', () => {
  it('every version after the first has an upgrade and a migration test', () => {
    const versions = (db as unknown as { _versions: DexieVersion[] })._versions;
    expect(versions.length).toBeGreaterThan(0);
    const tests = readFileSync(resolve(import.meta.dirname, '../storage/migrations.test.ts'), 'utf8');
    // Versions may leave gaps (another branch holds the number): each is tested from the one declared before it.
    const declared = versions.map((v) => v._cfg).sort((a, b) => a.version - b.version);
    declared.forEach((_cfg, i) => {
      if (i === 0) return;
      const previous = declared[i - 1]!.version;
      expect(typeof _cfg.contentUpgrade, `version ${_cfg.version} needs an upgrade()`).toBe('function');
      expect(tests, `migrations.test.ts needs a case writing version ${previous}`).toMatch(new RegExp(`writeVersion${previous}\\b`));
    });
  });

  it('records written before connectedOn existed stay valid', () => {
    const v1 = { id: 'c', source: 'linkedin', fullName: 'A', createdAt: 1, updatedAt: 1 };
    expect(Contact.parse(v1).connectedOn).toBeUndefined();
    expect(() => Contact.parse({ ...v1, connectedOn: '2024-02-30' })).toThrow();
  });
});
