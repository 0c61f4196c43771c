// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * Data safety covers letters: the backup (format version 2, still reading
 * version 1), restore by merge or replace, the letters CSV, and the trash.
 */
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, parseBackup, serializeBackup } from '../../../portability/backup-format';
import { exportBackup } from '../../../storage/backup-export';
import { lettersToCsv } from '../../../portability/letters-csv';
import { applyRestore } from '../../../storage/restore';
import { addContact, deleteContact } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { addLetter, listLetters } from '../../../storage/letters';

const T0 = new Date(2026, 7, 1, 10).getTime();

async function seed() {
  const ana = await addContact({ fullName: 'Ana Ruiz', email: 'ana@example.org' }, T0);
  const letter = await addLetter({ writerId: ana.id, deadline: '2026-09-15', meantFor: ['Neurology'], erasLetterId: 'AB12345678', waiver: 'waived' }, 'asked', T0);
  return { ana, letter };
}

describe('letters in the backup', () => {
  it('a version 2 backup carries the letters and restores them exactly, by replace and by merge', async () => {
    const { letter } = await seed();
    const backup = await exportBackup({ now: T0 });
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(BACKUP_VERSION).toBe(2);
    expect(backup.letters).toEqual([letter]);
    const text = serializeBackup(backup);
    await db.letters.clear();
    await applyRestore(parseBackup(text), 'replace');
    expect(await listLetters()).toEqual([letter]);
    await db.letters.clear();
    const plan = await applyRestore(parseBackup(text), 'merge');
    expect(plan.letters.add).toHaveLength(1);
    expect(await listLetters()).toEqual([letter]);
  });

  it('reads a version 1 backup (no letters) into the new schema', async () => {
    const { ana } = await seed();
    const v2 = await exportBackup({ now: T0 });
    const { letters: _dropped, ...rest } = v2;
    const v1 = { ...rest, version: 1 };
    const parsed = parseBackup(JSON.stringify(v1));
    expect(parsed.letters).toEqual([]);
    await applyRestore(parsed, 'replace');
    expect(await listLetters()).toEqual([]);
    expect((await db.contacts.get(ana.id))?.fullName).toBe('Ana Ruiz');
  });

  it('a deleted writer’s letters travel in their trash entry and come back with them', async () => {
    const { ana, letter } = await seed();
    await deleteContact(ana.id, T0, 'delete');
    const backup = parseBackup(serializeBackup(await exportBackup({ now: T0 })));
    expect(backup.trash[0]?.letters).toEqual([letter]);
  });
});

describe('the letters CSV', () => {
  it('one row per letter with its writer, status, ERAS fields and dates; formulas neutralised', async () => {
    const { ana } = await seed();
    await addLetter({ writerId: ana.id, notes: '=HYPERLINK("x")' }, 'planned', T0);
    const writers = new Map([[ana.id, ana]]);
    const csv = lettersToCsv(await listLetters(), writers);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Writer,Writer email,Status,Kind,For,Deadline,ERAS Letter ID,Waiver (ERAS),Asked,Agreed,Submitted,Thanked,Notes,Writer Rapport ID,Rapport ID');
    expect(lines[1]).toMatch(/^Ana Ruiz,ana@example\.org,asked,specialty,Neurology,2026-09-15,AB12345678,waived,2026-08-01,/);
    expect(lines[2]).toContain(`'=HYPERLINK`);
  });
});
