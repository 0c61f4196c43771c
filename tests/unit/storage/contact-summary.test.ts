/**
 * The contacts' summary row (storage/contact-summary.ts): every write path
 * leaves it equal to a count made from scratch, in the same transaction (a
 * write rolled back leaves it as it was), and a row found wrong is recounted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '../../../storage/db';
import { STATUSES, type ContactSummary, type Status } from '../../../model/schemas';
import {
  addContact,
  deleteContact,
  deleteContacts,
  restoreContact,
  saveCapture,
  setStatus,
  setStatuses,
  tagContacts,
  undoSave,
  updateContact,
} from '../../../storage/contacts';
import { checkContactSummary, pipelineCounts } from '../../../storage/contact-list';
import { applyContactImport } from '../../../storage/import-contacts';
import { exportBackup } from '../../../storage/backup-export';
import { applyRestore } from '../../../storage/restore';
import { applyMerged } from '../../../storage/sync-state';
import { parseConnections } from '../../../portability/linkedin-connections';
import { capture } from '../helpers';

const connections = readFileSync(resolve(import.meta.dirname, '../../fixtures/imports/Connections.csv'), 'utf8');

/** The row as a count from scratch would write it. */
async function counted(): Promise<ContactSummary> {
  const perStatus = await Promise.all(STATUSES.map((status) => db.contacts.where('status').equals(status).count()));
  const counts = Object.fromEntries(STATUSES.map((s, i) => [s, perStatus[i]!])) as Record<Status, number>;
  return { key: 'contacts', total: await db.contacts.count(), counts };
}

/** The stored row is right, and not waiting for a repair. */
async function expectKept(): Promise<void> {
  const row = await db.summaries.get('contacts');
  expect(row?.stale ?? false).toBe(false);
  expect({ ...row, stale: undefined }).toEqual({ ...(await counted()), stale: undefined });
}

/** Starts from a right row (the test setup clears the tables side by side, which may leave none). */
async function start(): Promise<void> {
  await checkContactSummary();
  await expectKept();
}

describe('contact summary row', () => {
  it('save, undo of a save, and a contact added by hand', async () => {
    await start();
    const saved = await saveCapture(capture());
    await expectKept();
    expect((await db.summaries.get('contacts'))?.counts.not_contacted).toBe(1);
    await saveCapture(capture({ headline: 'Chief Resident' }));
    await expectKept();
    await undoSave(saved);
    await expectKept();
    await addContact({ fullName: 'Wen Li', status: 'replied' } as never);
    await expectKept();
    expect((await db.summaries.get('contacts'))?.total).toBe(1);
  });

  it('edit, status change, and bulk status and tag edits', async () => {
    await start();
    const a = (await saveCapture(capture())).contact;
    const b = (await saveCapture(capture({ fullName: 'Omar Haddad', profileUrl: 'https://www.linkedin.com/in/omar-h/' }))).contact;
    await updateContact(a.id, { notes: 'Met at ACP' });
    await expectKept();
    await setStatus(a.id, 'replied');
    await expectKept();
    await setStatuses([a.id, b.id], 'meeting');
    await expectKept();
    expect((await db.summaries.get('contacts'))?.counts.meeting).toBe(2);
    await tagContacts([a.id, b.id], 'IM');
    await expectKept();
  });

  it('trash, and restore from the trash', async () => {
    await start();
    const a = (await saveCapture(capture())).contact;
    const b = (await saveCapture(capture({ fullName: 'Omar Haddad', profileUrl: 'https://www.linkedin.com/in/omar-h/' }))).contact;
    await deleteContact(a.id);
    await expectKept();
    await deleteContacts([b.id]);
    await expectKept();
    expect((await db.summaries.get('contacts'))?.total).toBe(0);
    await restoreContact(a.id);
    await expectKept();
    expect((await db.summaries.get('contacts'))?.total).toBe(1);
  });

  it('a Connections.csv import, and a backup restored over everything', async () => {
    await start();
    await setStatus((await saveCapture(capture())).contact.id, 'closed');
    await applyContactImport(parseConnections(connections));
    await expectKept();
    const backup = await exportBackup();
    await saveCapture(capture({ fullName: 'Omar Haddad', profileUrl: 'https://www.linkedin.com/in/omar-h/' }));
    await applyRestore(backup, 'replace');
    await expectKept();
    expect((await db.summaries.get('contacts'))?.total).toBe(backup.contacts.length);
    await applyRestore(backup, 'merge');
    await expectKept();
  });

  it('sync applying a contact from another device, then its deletion', async () => {
    await start();
    const local = (await saveCapture(capture())).contact;
    const remote = { ...local, id: 'from-elsewhere', identities: ['linkedin:elsewhere'], status: 'replied' as const };
    const item = (state: 'live' | 'deleted') => ({
      kind: 'contacts',
      id: remote.id,
      version: { state, ...(state === 'live' ? { record: remote } : {}), stamps: {}, seen: {} },
      expectedPending: undefined,
      sent: true,
      writeLocal: true,
      docId: 'doc',
    });
    expect((await applyMerged(db, [item('live')])).applied).toHaveLength(1);
    await expectKept();
    expect((await db.summaries.get('contacts'))?.counts.replied).toBe(1);
    const pending = (await db.syncRecords.get('contacts:from-elsewhere'))?.pending;
    expect((await applyMerged(db, [{ ...item('deleted'), expectedPending: pending }])).applied).toHaveLength(1);
    await expectKept();
    expect((await db.summaries.get('contacts'))?.total).toBe(1);
  });

  it('writes side by side in one transaction each count, and a write rolled back leaves the row as it was', async () => {
    await start();
    const contact = (await saveCapture(capture())).contact;
    await db.transaction('rw', db.contacts, () =>
      Promise.all(['x1', 'x2', 'x3'].map((id) => db.contacts.put({ ...contact, id, identities: [], status: 'closed' }))),
    );
    await expectKept();
    expect((await db.summaries.get('contacts'))?.counts.closed).toBe(3);
    const before = await db.summaries.get('contacts');
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await db.contacts.bulkDelete(['x1', 'x2']);
        throw new Error('cut short');
      }),
    ).rejects.toThrow('cut short');
    expect(await db.summaries.get('contacts')).toEqual(before);
    await db.contacts.where('status').equals('closed').delete();
    await expectKept();
  });

  it('repairs a row found wrong: a count that would fall below zero, a missing row, a total that differs', async () => {
    await start();
    const a = (await saveCapture(capture())).contact;
    await saveCapture(capture({ fullName: 'Omar Haddad', profileUrl: 'https://www.linkedin.com/in/omar-h/' }));
    const right = await counted();

    // A count gone below zero: the write marks the row, and the next read recounts it.
    await db.summaries.put({ ...right, total: 1, counts: { ...right.counts, not_contacted: 0 } });
    await deleteContact(a.id);
    expect((await db.summaries.get('contacts'))?.stale).toBe(true);
    expect(await pipelineCounts()).toEqual({ total: 1, counts: (await counted()).counts });
    await expectKept();

    // No row at all.
    await db.summaries.clear();
    expect((await pipelineCounts()).total).toBe(1);
    await expectKept();

    // A row that looks fine but is not: the list's check compares its total with the table's count.
    await db.summaries.put({ ...(await counted()), total: 7 });
    expect(await checkContactSummary()).toBe(true);
    await expectKept();
    expect(await checkContactSummary()).toBe(false);
  });
});
