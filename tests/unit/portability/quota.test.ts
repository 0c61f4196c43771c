/** RELIABILITY F6: a full disk during an import or a restore leaves the store exactly as it was. */
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../storage/db';
import { parseBackup, serializeBackup } from '../../../portability/backup-format';
import { exportBackup } from '../../../storage/backup-export';
import { guessMapping } from '../../../portability/csv-columns';
import { importCsvRows } from '../../../portability/csv-import';
import { readCsv } from '../../../portability/csv-read';
import { applyContactImport } from '../../../storage/import-contacts';
import { ImportFailure } from '../../../portability/issues';
import { applyRestore } from '../../../storage/restore';
import { isQuotaError, STORAGE_FULL, writeErrorText } from '../../../storage/write-errors';
import { say } from '../../../model/user-text';
import { snapshot } from '../helpers';
import { seedStore } from './seed';

const bare = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const wrapped = () => new Dexie.AbortError('Transaction aborted', bare());

function bigCsv(rows: number): string {
  const lines = ['Name,LinkedIn'];
  for (let i = 0; i < rows; i++) lines.push(`Person ${i},https://www.linkedin.com/in/person-${i}`);
  return lines.join('\n');
}

/** Lets the first chunk through, then fails the next write the way a full disk does. */
type Write = (...args: unknown[]) => Promise<unknown>;
function failSecondWrite(table: object, error: () => unknown, method: 'bulkAdd' | 'bulkPut') {
  const writes = table as { bulkAdd: Write; bulkPut: Write };
  const original = writes[method].bind(table);
  let calls = 0;
  return vi.spyOn(writes, method).mockImplementation((...args) => {
    calls++;
    return calls === 1 ? original(...args) : Promise.reject(error());
  });
}

describe('a full disk', () => {
  it('is recognised bare or wrapped, and worded for people', () => {
    expect(isQuotaError(bare())).toBe(true);
    expect(isQuotaError(wrapped())).toBe(true);
    expect(isQuotaError(Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }))).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(writeErrorText(wrapped())).toBe(STORAGE_FULL);
    expect(say(STORAGE_FULL)).toMatch(/^Your browser’s storage is full/);
    expect(say(writeErrorText(new Error('disk on fire')))).toBe('Rapport could not write to its storage, so nothing was changed (disk on fire). Try again.');
  });

  for (const [name, error] of [['bare QuotaExceededError', bare], ['AbortError wrapping one', wrapped]] as const) {
    it(`during a contact import (${name}) rolls back every chunk`, async () => {
      await seedStore();
      const before = JSON.stringify(await snapshot());
      const table = readCsv(bigCsv(1_500));
      const parsed = importCsvRows(table, guessMapping(table.header));
      // An import adds its new contacts (bulkAdd); only updates are put.
      const spy = failSecondWrite(db.contacts, error, 'bulkAdd');
      const failure = await applyContactImport(parsed).catch((e: unknown) => e);
      expect(spy).toHaveBeenCalledTimes(2);
      expect(failure).toBeInstanceOf(ImportFailure);
      expect((failure as Error).message).toBe(say(STORAGE_FULL));
      spy.mockRestore();
      // Nothing half-written, and the database still answers.
      expect(JSON.stringify(await snapshot())).toBe(before);
      expect(await db.contacts.count()).toBe(2);
      const retry = await applyContactImport(parsed);
      expect(retry.add).toHaveLength(1_500);
    });
  }

  it('during a restore that replaces everything leaves every table as it was', async () => {
    await seedStore();
    const backup = parseBackup(serializeBackup(await exportBackup()));
    const big = { ...backup, interactions: [...backup.interactions] };
    for (let i = 0; i < 1_500; i++) big.interactions.push({ id: `bulk-${i}`, contactId: 'c-full', kind: 'note', channel: 'other', at: i });
    const before = JSON.stringify(await snapshot());
    const spy = failSecondWrite(db.interactions, wrapped, 'bulkPut');
    await expect(applyRestore(big, 'replace')).rejects.toThrow(say(STORAGE_FULL));
    spy.mockRestore();
    expect(JSON.stringify(await snapshot())).toBe(before);
    expect(await db.contacts.get('c-full')).toBeDefined();
  });
});
