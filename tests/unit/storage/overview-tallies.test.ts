/**
 * The Overview's tallies (storage/overview-tallies.ts, schema version 11):
 * every write path leaves them equal to a recount made from the records
 * themselves, in the same transaction (a write rolled back leaves them as they
 * were), and tallies found wrong are rebuilt before the Overview reads them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../storage/db';
import { deleteContact, deleteContacts, restoreContact, saveCapture, setStatus, undoSave, updateContact } from '../../../storage/contacts';
import { logInteraction, undoInteraction } from '../../../storage/interactions';
import { applyContactImport } from '../../../storage/import-contacts';
import { exportBackup } from '../../../storage/backup-export';
import { applyRestore } from '../../../storage/restore';
import { applyMerged } from '../../../storage/sync-state';
import { readOverview } from '../../../storage/overview';
import { contactTallies, interactionTallies, META_KEY, TALLY_FORMAT, writeTallies, zoneId } from '../../../storage/overview-tallies';
import { weekBounds } from '../../../overview/calendar';
import { parseConnections } from '../../../portability/linkedin-connections';
import { periodOf } from '../../../overview/calendar';
import { capture } from '../helpers';

const connections = readFileSync(resolve(import.meta.dirname, '../../fixtures/imports/Connections.csv'), 'utf8');
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 7, 9);
const original = process.env.TZ;

/** The Overview's one read: the whole season's funnel and what works, and the weeks between `bounds`. */
const figures = (bounds: readonly number[] = weekBounds(T0, 1)) => readOverview(T0, periodOf('season', T0), bounds);

/** The tallies as a recount from every record would write them (zero counts have no row). */
async function recounted(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const add = (keys: string[]) => keys.forEach((key) => (counts[key] = (counts[key] ?? 0) + 1));
  (await db.contacts.toArray()).forEach((c) => add(contactTallies(c)));
  (await db.interactions.toArray()).forEach((i) => add(interactionTallies(i)));
  return counts;
}

async function stored(): Promise<Record<string, number>> {
  return Object.fromEntries((await db.tallies.toArray()).filter((row) => row.key !== META_KEY).map((row) => [row.key, row.n]));
}

/** The stored tallies are right, and not waiting for a repair. */
async function expectKept(): Promise<void> {
  const meta = await db.tallies.get(META_KEY);
  expect(meta?.stale ?? false).toBe(false);
  expect(meta?.zone).toBe(zoneId());
  expect(await stored()).toEqual(await recounted());
}

/** Starts from sound tallies (the test setup clears every table, the meta row included): a read rebuilds them. */
async function start(): Promise<void> {
  await figures();
  await expectKept();
}

async function person(i: number) {
  return (await saveCapture(capture({ fullName: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/tally-${i}/` }))).contact;
}

describe('overview tallies', () => {
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('save, edit, status change, logging an interaction, taking one back, and undo of a save', async () => {
    await start();
    const a = await person(1);
    const saved = await saveCapture(capture({ fullName: 'Undone', profileUrl: 'https://www.linkedin.com/in/undone/' }));
    await expectKept();
    const sent = await logInteraction(a.id, { kind: 'message_sent', channel: 'email', templateId: 'intro', at: T0 }, T0);
    await expectKept();
    expect((await stored())['a|2026-09-07|sent']).toBe(1);
    expect((await stored())['f|2026-09-07|reached']).toBe(1);
    const reply = await logInteraction(a.id, { kind: 'reply_received', channel: 'email', at: T0 + DAY }, T0 + DAY);
    await expectKept();
    expect((await stored())['o|reply|template|intro']).toBe(1);
    await updateContact(a.id, { notes: 'Met at ACP' });
    await setStatus(a.id, 'meeting');
    await expectKept();
    await undoInteraction(reply.interaction.id, reply.previous);
    await expectKept();
    expect((await stored())['o|reply|template|intro']).toBeUndefined();
    await undoInteraction(sent.interaction.id, sent.previous);
    await undoSave(saved);
    await expectKept();
    expect(await stored()).toEqual({});
  });

  it('trash with its timeline, and restore from the trash', async () => {
    await start();
    const a = await person(1);
    const b = await person(2);
    for (const c of [a, b]) await logInteraction(c.id, { kind: 'message_sent', channel: 'linkedin', at: T0 }, T0);
    await deleteContact(a.id);
    await expectKept();
    await deleteContacts([b.id]);
    await expectKept();
    expect(await stored()).toEqual({});
    await restoreContact(a.id);
    await expectKept();
    expect((await figures()).funnel.reached).toBe(1);
  });

  it('a Connections.csv import, and a backup restored over everything and merged', async () => {
    await start();
    await logInteraction((await person(1)).id, { kind: 'message_sent', channel: 'email', at: T0 }, T0);
    await applyContactImport(parseConnections(connections));
    await expectKept();
    const backup = await exportBackup();
    await logInteraction((await person(2)).id, { kind: 'message_sent', channel: 'email', at: T0 + DAY }, T0 + DAY);
    await applyRestore(backup, 'replace');
    await expectKept();
    expect((await stored())['a|2026-09-08|sent']).toBeUndefined();
    await applyRestore(backup, 'merge');
    await expectKept();
  });

  it('sync applying a contact and an interaction from another device, then their deletion', async () => {
    await start();
    const local = await person(1);
    const remote = { ...local, id: 'from-elsewhere', identities: ['linkedin:elsewhere'], reachedAt: T0 };
    const entry = { id: 'i-elsewhere', contactId: remote.id, kind: 'message_sent' as const, channel: 'email' as const, at: T0, text: '' };
    const item = (kind: 'contacts' | 'interactions', id: string, record: unknown, state: 'live' | 'deleted', expectedPending?: unknown) => ({
      kind,
      id,
      version: { state, ...(state === 'live' ? { record } : {}), stamps: {}, seen: {} },
      expectedPending,
      sent: true,
      writeLocal: true,
      docId: 'doc',
    });
    expect((await applyMerged(db, [item('contacts', remote.id, remote, 'live'), item('interactions', entry.id, entry, 'live')] as never)).applied).toHaveLength(2);
    await expectKept();
    expect((await figures([T0 - 9 * 3_600_000, T0 + DAY])).weeks.map((w) => w.sent)).toEqual([1]);
    const pending = async (key: string) => (await db.syncRecords.get(key))?.pending;
    expect(
      (
        await applyMerged(db, [
          item('interactions', entry.id, entry, 'deleted', await pending('interactions:i-elsewhere')),
          item('contacts', remote.id, remote, 'deleted', await pending('contacts:from-elsewhere')),
        ] as never)
      ).applied,
    ).toHaveLength(2);
    await expectKept();
    expect(await stored()).toEqual({});
  });

  it('writes side by side in one transaction each count, and a write rolled back leaves the tallies as they were', async () => {
    await start();
    const contact = await person(1);
    await db.transaction('rw', db.contacts, () =>
      Promise.all(['x1', 'x2', 'x3'].map((id) => db.contacts.put({ ...contact, id, identities: [], reachedAt: T0, repliedAt: T0 + DAY }))),
    );
    await expectKept();
    expect((await stored())['f|2026-09-07|replied']).toBe(3);
    const before = await stored();
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await db.contacts.bulkDelete(['x1', 'x2']);
        throw new Error('cut short');
      }),
    ).rejects.toThrow('cut short');
    expect(await stored()).toEqual(before);
    await db.contacts.where('id').anyOf(['x1', 'x2']).delete();
    await expectKept();
    await db.contacts.clear();
    await expectKept();
  });

  it('rebuilds tallies found wrong: a count that would fall below zero, a missing meta row, another time zone', async () => {
    await start();
    const a = await person(1);
    await logInteraction(a.id, { kind: 'message_sent', channel: 'email', templateId: 'intro', at: T0 }, T0);
    await logInteraction((await person(2)).id, { kind: 'message_sent', channel: 'email', templateId: 'intro', at: T0 }, T0);

    // A count gone below zero: the write marks the tallies, and the next read rebuilds them.
    await db.tallies.put({ key: 'a|2026-09-07|sent', n: 0 });
    await deleteContact(a.id);
    expect((await db.tallies.get(META_KEY))?.stale).toBe(true);
    expect((await figures()).works.template).toEqual([{ value: 'intro', sent: 1, replied: 0 }]);
    await expectKept();

    // No meta row (a database written before any read): rebuilt, the figures right.
    await db.tallies.put({ key: 'o|sent|template|intro', n: 40 });
    await db.tallies.delete(META_KEY);
    expect((await figures()).works.template).toEqual([{ value: 'intro', sent: 1, replied: 0 }]);
    await expectKept();

    // Days counted in another time zone are other days: recounted in this one.
    process.env.TZ = 'Pacific/Auckland';
    try {
      expect((await figures([Date.UTC(2026, 8, 6, 12), Date.UTC(2026, 8, 7, 12)])).weeks.map((w) => w.sent)).toEqual([1]);
      await expectKept();
      expect((await stored())['a|2026-09-07|sent']).toBe(1);
    } finally {
      process.env.TZ = 'UTC';
    }
  });

  it('tallies counted in format 1, as version 11 wrote them, are rebuilt in the newest format by the first read', async () => {
    await start();
    const a = await person(1);
    await logInteraction(a.id, { kind: 'message_sent', channel: 'email', templateId: 'intro', at: T0 }, T0);
    await logInteraction(a.id, { kind: 'reply_received', channel: 'email', at: T0 + DAY }, T0 + DAY);
    await db.contacts.update(a.id, { nextFollowUpAt: T0 + 2 * DAY });
    await db.transaction('rw', [db.contacts, db.interactions, db.tallies], () => writeTallies(db.tallies, db.contacts, db.interactions, 1));
    const old = await db.tallies.get(META_KEY);
    expect(old?.format).toBeUndefined();
    expect(Object.keys(await stored()).filter((key) => key.startsWith('h|') || key.startsWith('d|'))).toEqual([]);
    const figures = await readOverview(T0, periodOf('season', T0), weekBounds(T0, 2));
    expect(figures.upcoming.days[2]!.count).toBe(1);
    expect((await db.tallies.get(META_KEY))?.format).toBe(TALLY_FORMAT);
    await expectKept();
    expect((await stored())['d|2026-09-09']).toBe(1);
    expect(Object.keys(await stored()).filter((key) => key.startsWith('h|template|intro|'))).toHaveLength(1);
  });
});
