/**
 * Schema migrations under stress (RELIABILITY M1–M5). The version after the
 * current one exists only inside these tests, on separate Dexie instances:
 * storage/db.ts is never changed by them. Each database here has its own
 * name, deleted afterwards.
 */
import Dexie, { type Transaction } from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reloadOnSchemaChange } from '../../../components/reload-on-schema-change';
import {
  DB_NAME,
  DECLARED_VERSIONS,
  NewerDataFormatError,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_LATEST,
  SCHEMA_VERSION,
  db,
  openDatabase,
} from '../../../storage/db';
import { Contact, ContactSummary, Interaction, Letter, OverviewTally, Program, ProgramLink, ProgramUnlink, Settings, Template } from '../../../model/schemas';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/db');

interface DexieExport {
  formatName: 'dexie';
  data: {
    databaseVersion: number;
    tables: { name: string; schema: string; rowCount: number }[];
    data: { tableName: string; rows: Record<string, unknown>[] }[];
  };
}

function readExport(file: string): DexieExport {
  return JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8')) as DexieExport;
}

/** Writes a database exactly as the version in `dump` declared it (what dexie-export-import's import does). */
async function importDump(name: string, dump: DexieExport): Promise<void> {
  const old = new Dexie(name);
  old.version(dump.data.databaseVersion).stores(Object.fromEntries(dump.data.tables.map((t) => [t.name, t.schema])));
  await old.open();
  for (const { tableName, rows } of dump.data.data) await old.table(tableName).bulkAdd(rows);
  old.close();
}

/** The installed version and rows of a database, read without declaring any schema. */
async function inspect(name: string): Promise<{ version: number; contacts: unknown[] }> {
  const raw = new Dexie(name);
  await raw.open();
  const result = { version: raw.verno, contacts: await raw.table('contacts').orderBy('id').toArray() };
  raw.close();
  return result;
}

const used: string[] = [];
function dbName(suffix: string): string {
  const name = `rapport-${suffix}`;
  used.push(name);
  return name;
}

afterEach(async () => {
  for (const name of used.splice(0)) await Dexie.delete(name);
});

const V1_ROWS = readExport('v1.json');

/** The version after the current one, as a future build might declare it: a new index, and a field changed in an upgrade. */
const NEXT = SCHEMA_VERSION + 1;
const NEXT_SCHEMA = { ...SCHEMA_LATEST, contacts: `${SCHEMA_LATEST.contacts}, location` };
function declareNext(name: string, upgrade: (tx: Transaction) => Promise<void>): Dexie {
  const next = new Dexie(name);
  next.version(1).stores(SCHEMA_V1);
  next.version(2).stores(SCHEMA_V2);
  next.version(3).stores(SCHEMA_V3);
  next.version(4).stores(SCHEMA_V4);
  next.version(5).stores(SCHEMA_V5);
  next.version(6).stores(SCHEMA_V6);
  next.version(7).stores(SCHEMA_V7);
  next.version(8).stores(SCHEMA_V8);
  next.version(9).stores(SCHEMA_V9);
  next.version(NEXT).stores(NEXT_SCHEMA).upgrade(upgrade);
  return next;
}

describe('M1: an upgrade with 10,000 rows', () => {
  it('keeps every row, migrates the field, and the new index answers', async () => {
    const name = dbName('m1');
    const old = new Dexie(name);
    old.version(SCHEMA_VERSION).stores(SCHEMA_LATEST);
    const base = V1_ROWS.data.data.find((t) => t.tableName === 'contacts')!.rows[0]!;
    await old.table('contacts').bulkAdd(
      Array.from({ length: 10_000 }, (_, i) => ({ ...base, id: `c${i}`, identities: [`linkedin:p${i}`], location: i % 2 ? 'Boston, MA' : 'Denver, CO' })),
    );
    const before = await old.table('contacts').orderBy('id').toArray();
    old.close();

    const next = declareNext(name, async (tx) => {
      await tx
        .table('contacts')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.notes = `${String(row.notes)} (migrated)`;
        });
    });
    await next.open();
    const after = await next.table('contacts').orderBy('id').toArray();
    expect(after).toHaveLength(10_000);
    expect(after).toEqual(before.map((row) => ({ ...row, notes: `${String(row.notes)} (migrated)` })));
    expect(await next.table('contacts').where('location').equals('Boston, MA').count()).toBe(5_000);
    next.close();
  }, 180_000);
});

describe('M2: an upgrade that throws halfway', () => {
  it('leaves the database at its version with every row intact, surfaces the error, and the next start retries', async () => {
    const name = dbName('m2');
    await importDump(name, V1_ROWS);
    await openDatabase(name).open().then((current) => current.close());
    const before = await inspect(name);
    expect(before.version).toBe(SCHEMA_VERSION);

    let touched = 0;
    const broken = declareNext(name, async (tx) => {
      await tx
        .table('contacts')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (++touched === 2) throw new Error('upgrade bug on row 2');
          row.notes = 'half migrated';
        });
    });
    const failure = await broken.open().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).toMatch(/upgrade bug on row 2/);
    expect(touched).toBe(2);
    broken.close();

    // The upgrade ran in one IndexedDB transaction: all of it rolled back.
    expect(await inspect(name)).toEqual(before);

    // The next start (with the bug fixed) upgrades from the same data.
    const fixed = declareNext(name, async (tx) => {
      await tx
        .table('contacts')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.notes = 'migrated';
        });
    });
    await fixed.open();
    expect(fixed.verno).toBe(NEXT);
    expect((await fixed.table('contacts').toArray()).every((row: { notes: string }) => row.notes === 'migrated')).toBe(true);
    expect(await fixed.table('contacts').count()).toBe(before.contacts.length);
    fixed.close();
  });
});

describe('M4: data written by a newer Rapport, opened by this (older) one', () => {
  it('reads everything, refuses writes with a clear "newer version" error, and deletes nothing', async () => {
    const name = dbName('m4');
    const newer = new Dexie(name);
    newer.version(NEXT).stores({ ...NEXT_SCHEMA, reminders: 'id' });
    await newer.open();
    const rows = V1_ROWS.data.data.find((t) => t.tableName === 'contacts')!.rows.map((row): Record<string, unknown> => ({ ...row, futureField: { kept: true } }));
    await newer.table('contacts').bulkAdd(rows);
    await newer.table('reminders').add({ id: 'r1' });
    newer.close();

    const current = openDatabase(name);
    expect(await current.contacts.count()).toBe(rows.length);
    expect(await current.contacts.where('identities').equals('linkedin:priya-raman-md').count()).toBe(1);
    await expect(current.contacts.put({ ...(rows[0] as unknown as Contact), notes: 'overwritten' })).rejects.toThrow(NewerDataFormatError);
    await expect(current.contacts.clear()).rejects.toThrow(/newer version of Rapport/);
    await expect(current.settings.put({ key: 'settings', value: {} })).rejects.toThrow(/nothing was deleted/);
    current.close();

    const after = new Dexie(name);
    await after.open();
    expect(after.verno).toBe(NEXT);
    expect(await after.table('contacts').orderBy('id').toArray()).toEqual([...rows].sort((a, b) => String(a.id).localeCompare(String(b.id))));
    expect(await after.table('reminders').count()).toBe(1);
    after.close();
  });

  it('a database of this version is not mistaken for a newer one', async () => {
    const current = openDatabase(dbName('m4-same'));
    await current.contacts.add(Contact.parse({ id: 'x', source: 'manual', fullName: 'X', createdAt: 1, updatedAt: 1 }));
    expect(await current.contacts.count()).toBe(1);
    current.close();
  });
});

describe('M5: every released schema version still opens', () => {
  const files = readdirSync(FIXTURES).filter((file) => /^v\d+\.json$/.test(file));

  it('has a fixture for every version up to the current one', () => {
    const versions = files.map((file) => readExport(file).data.databaseVersion).sort((a, b) => a - b);
    expect(versions).toEqual([...DECLARED_VERSIONS]);
  });

  it.each(files)('%s opens with the current code, every record valid and indexed', async (file) => {
    const dump = readExport(file);
    const name = dbName(`m5-${file}`);
    await importDump(name, dump);
    const current = openDatabase(name);
    await current.open();
    const schemas: Record<string, { parse(value: unknown): unknown }> = {
      contacts: Contact,
      interactions: Interaction,
      templates: Template,
      letters: Letter,
      trash: { parse: (entry: unknown) => Contact.parse((entry as { contact: unknown }).contact) },
      settings: { parse: (row: unknown) => Settings.parse((row as { value: unknown }).value) },
      programs: Program,
      programLinks: ProgramLink,
      programUnlinks: ProgramUnlink,
      summaries: ContactSummary,
      tallies: OverviewTally,
      // Derived rows (storage/program-summaries.ts): checked against the links below.
      programSummaries: { parse: (row: unknown) => row },
    };
    for (const { name: table, rowCount } of dump.data.tables) {
      const rows = await current.table(table).toArray();
      expect(rows, table).toHaveLength(rowCount);
      for (const row of rows) expect(() => schemas[table]!.parse(row), `${table} ${JSON.stringify(row).slice(0, 80)}`).not.toThrow();
    }
    // The indexes the app queries answer on old data.
    const contacts = dump.data.data.find((t) => t.tableName === 'contacts')!.rows;
    const identity = (contacts.find((c) => (c.identities as string[]).length > 0)!.identities as string[])[0]!;
    expect(await current.contacts.where('identities').equals(identity).count()).toBe(1);
    expect(await current.contacts.where('nextFollowUpAt').above(0).count()).toBe(contacts.filter((c) => c.nextFollowUpAt).length);
    const letters = dump.data.data.find((t) => t.tableName === 'letters')?.rows ?? [];
    expect(await current.letters.where('dueAt').above(0).count()).toBe(letters.filter((l) => l.dueAt).length);
    const timeline = dump.data.data.find((t) => t.tableName === 'interactions')!.rows;
    const contactId = String(timeline[0]!.contactId);
    expect(await current.interactions.where('[contactId+at]').between([contactId, 0], [contactId, 8.64e15]).count()).toBe(
      timeline.filter((i) => i.contactId === contactId).length,
    );
    // Each program's summary is what its links say (built by version 9's upgrade, kept by every write since).
    const summaries = await current.programSummaries.toArray();
    // Older files have no links of their own: version 4's upgrade makes them from the organizations.
    const linked = await current.programLinks.toArray();
    expect(summaries.map((s) => [s.programId, s.people]).sort()).toEqual(
      [...new Set(linked.map((l) => String(l.programId)))].map((id) => [id, linked.filter((l) => l.programId === id).length]).sort(),
    );
    current.close();
  });
});

describe('M3: a newer version upgrading while a page has the old one open', () => {
  it('the old page closes its connection and reloads, so the upgrade is not blocked', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    reloadOnSchemaChange();
    await db.open();
    const blocked = vi.fn();
    const next = declareNext(DB_NAME, async () => undefined);
    next.on('blocked', blocked);
    // Never blocked: the open resolves without Dexie's 'blocked' event (no clock, which a busy machine would fail).
    await next.open();
    expect(blocked).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
    // The old page stays closed until it reloads: no write with old code reaches the new schema.
    expect(db.isOpen()).toBe(false);
    await expect(db.contacts.count()).rejects.toThrow(Dexie.DatabaseClosedError);
    next.close();
    await Dexie.delete(DB_NAME);
    await db.open();
    vi.unstubAllGlobals();
  });
});
