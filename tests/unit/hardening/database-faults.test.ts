/**
 * Faults in the storage layer: a save interrupted before its commit and
 * retried (RELIABILITY F1), a closed database (F7), concurrent edits from
 * several contexts (F9) and strict durability with rollback on abort (F11).
 */
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { saveCapture, updateContact } from '../../../storage/contacts';
import { countDueFollowUps } from '../../../storage/followups';
import { db, openDatabase } from '../../../storage/db';
import { updateSettings } from '../../../storage/settings';
import { applyContactImport } from '../../../storage/import-contacts';
import { importCsvRows } from '../../../portability/csv-import';
import { readCsv } from '../../../portability/csv-read';
import { guessMapping } from '../../../portability/csv-columns';
import { capture, snapshot } from '../helpers';
import { PROGRAM_TABLES } from '../../../storage/program-links';

describe('F1: a save interrupted before its commit, then retried', () => {
  it('leaves no partial row, and the retry makes exactly one contact', async () => {
    // The worker dies inside the save's transaction: nothing it wrote survives.
    // The save's own tables (a saved contact joins the programs its organization names).
    const killed = db.transaction('rw', [db.contacts, ...PROGRAM_TABLES], async () => {
      await saveCapture(capture());
      expect(await db.contacts.count()).toBe(1);
      throw new Error('service worker stopped');
    });
    await expect(killed).rejects.toThrow('service worker stopped');
    expect(await db.contacts.count()).toBe(0);

    // The page's retry, and a duplicate retry (the first attempt had in fact committed).
    await saveCapture(capture());
    await saveCapture(capture({ headline: 'Chief Resident' }));
    const rows = await db.contacts.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.headline).toBe('Chief Resident');
  });

  it('two saves of the same person racing from two tabs make one contact', async () => {
    await Promise.all([saveCapture(capture()), saveCapture(capture()), saveCapture(capture({ profileUrl: 'https://linkedin.com/in/Priya-Raman-MD?trk=x' }))]);
    expect(await db.contacts.count()).toBe(1);
  });
});

describe('F7: a closed database', () => {
  it('an explicit close() does not leave the database dead: the next operation reopens it', async () => {
    await saveCapture(capture());
    db.close();
    expect(db.isOpen()).toBe(false);
    expect(await db.contacts.count()).toBe(1);
    expect(db.isOpen()).toBe(true);
    await saveCapture(capture({ fullName: 'Other', profileUrl: 'https://www.linkedin.com/in/other/' }));
    expect(await db.contacts.count()).toBe(2);
  });

  it('a connection the browser closed behind Dexie’s back is reopened on the next operation', async () => {
    const other = openDatabase('rapport-f7-external');
    await other.contacts.count();
    const connection = other.backendDB();
    connection.close();
    // What the browser fires when it closes a connection itself (disk error, storage cleared).
    (connection.onclose as ((event: Event) => void) | null)?.call(connection, new Event('close'));
    expect(await other.contacts.count()).toBe(0);
    other.close();
    await Dexie.delete('rapport-f7-external');
  });

  it('whoever must keep it closed (a page about to reload) can, and then gets a clear error', async () => {
    const other = openDatabase('rapport-f7-closed');
    await other.contacts.count();
    other.close({ disableAutoOpen: true });
    await expect(other.contacts.count()).rejects.toThrow(Dexie.DatabaseClosedError);
    await Dexie.delete('rapport-f7-closed');
  });

  it('a database deleted from another context is recreated empty, not left broken', async () => {
    const other = openDatabase('rapport-f7-deleted');
    await other.contacts.put({ ...(await saveCapture(capture())).contact });
    // Deleting from elsewhere sends this connection a versionchange; Dexie closes it and reopens on demand.
    await Dexie.delete('rapport-f7-deleted');
    expect(await other.contacts.count()).toBe(0);
    other.close();
    await Dexie.delete('rapport-f7-deleted');
  });
});

describe('F9: concurrent edits from the side panel, the popup and the worker', () => {
  it('keeps both edits and a consistent count', async () => {
    const { contact } = await saveCapture(capture());
    const now = Date.UTC(2026, 4, 12);
    // The side panel marks a message sent (status + follow-up date), the popup edits notes,
    // the worker recounts, all at once.
    const [fromPanel, fromPopup, count] = await Promise.all([
      updateContact(contact.id, { status: 'awaiting_reply', nextFollowUpAt: now - 1 }, now),
      updateContact(contact.id, { notes: 'Met at the ACP meeting' }, now + 1),
      countDueFollowUps(now),
    ]);
    expect(fromPanel.status).toBe('awaiting_reply');
    expect(fromPopup.notes).toBe('Met at the ACP meeting');
    const stored = await db.contacts.get(contact.id);
    expect(stored).toMatchObject({ status: 'awaiting_reply', notes: 'Met at the ACP meeting', nextFollowUpAt: now - 1 });
    expect([0, 1]).toContain(count);
    expect(await countDueFollowUps(now)).toBe(1);
  });

  it('50 concurrent edits of different fields all land', async () => {
    const { contact } = await saveCapture(capture());
    await Promise.all(Array.from({ length: 50 }, (_, i) => updateContact(contact.id, { tags: [`t${i}`] }).then(() => updateContact(contact.id, { notes: `n${i}` }))));
    const stored = await db.contacts.get(contact.id);
    expect(stored?.tags).toHaveLength(1);
    expect(stored?.notes).toMatch(/^n\d+$/);
    expect(await db.contacts.count()).toBe(1);
  });
});

describe('F11: durability', () => {
  it('the database is opened with strict durability', () => {
    expect((db as unknown as { _options: Record<string, unknown> })._options.chromeTransactionDurability).toBe('strict');
  });

  it('saves, edits, settings and imports open their IndexedDB transactions with durability "strict"', async () => {
    // Dexie binds IDBDatabase.transaction when it opens: spy on it, then reopen.
    await db.open();
    const spy = vi.spyOn(Object.getPrototypeOf(db.backendDB()) as IDBDatabase, 'transaction');
    db.close();
    await db.open();
    const { contact } = await saveCapture(capture());
    await updateContact(contact.id, { notes: 'x' });
    await updateSettings({ myName: 'Sam' });
    const table = readCsv('Name,LinkedIn\nWen Li,https://www.linkedin.com/in/wen-li');
    await applyContactImport(importCsvRows(table, guessMapping(table.header)));
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes.length).toBeGreaterThanOrEqual(4);
    for (const call of writes) expect(call[2]).toEqual({ durability: 'strict' });
  });

  it('an aborted transaction rejects its promise and writes nothing', async () => {
    await saveCapture(capture());
    const before = await snapshot();
    const aborted = db.transaction('rw', db.contacts, async (tx) => {
      await db.contacts.put({ ...(await db.contacts.toCollection().first())!, notes: 'half-written' });
      // As IndexedDB itself aborts (a full disk, a crash): onabort must reject the promise.
      (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.abort();
    });
    await expect(aborted).rejects.toThrow(Dexie.AbortError);
    expect(await snapshot()).toEqual(before);
  });
});
