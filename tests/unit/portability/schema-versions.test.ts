// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * Guards the migration rule: every Dexie version after 1 declares an upgrade
 * function (unless it only adds tables), and a database written by the version
 * before it is a fixture that the migration tests open. Fails when a version is added without.
 */
import '../page-storage';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '../../../storage/db';
import { Contact } from '../../../model/schemas';

interface DexieVersion {
  _cfg: { version: number; contentUpgrade: unknown; storesSource: Record<string, string | null> };
}

describe('schema versions', () => {
  it('every version after the first has an upgrade (or only adds tables) and is tested from the version before it', () => {
    const versions = (db as unknown as { _versions: DexieVersion[] })._versions;
    expect(versions.length).toBeGreaterThan(0);
    const fixtures = new Set(readdirSync(resolve(import.meta.dirname, '../../fixtures/db')));
    // Versions may leave gaps: each is tested from the one declared before it, whose database is a fixture that
    // tests/unit/hardening/migrations.test.ts opens with this build (running every upgrade after it).
    const declared = versions.map((v) => v._cfg).sort((a, b) => a.version - b.version);
    declared.forEach((cfg, i) => {
      if (i === 0) return;
      const before = declared[i - 1]!;
      const changed = Object.entries(cfg.storesSource).filter(([table, spec]) => table in before.storesSource && before.storesSource[table] !== spec);
      const onlyAddsTables = changed.length === 0;
      if (!onlyAddsTables) expect(typeof cfg.contentUpgrade, `version ${cfg.version} needs an upgrade()`).toBe('function');
      expect(fixtures.has(`v${before.version}.json`), `tests/fixtures/db needs v${before.version}.json`).toBe(true);
    });
  });

  it('records written before connectedOn existed stay valid', () => {
    const v1 = { id: 'c', source: 'linkedin', fullName: 'A', createdAt: 1, updatedAt: 1 };
    expect(Contact.parse(v1).connectedOn).toBeUndefined();
    expect(() => Contact.parse({ ...v1, connectedOn: '2024-02-30' })).toThrow();
  });
});
