/**
 * How each synced kind of record is read from and written to Dexie. The sync
 * engine and the change tracker are generic over this list: adding a synced
 * table is one `tableBinding(...)` entry in SYNC_BINDINGS (a table keyed by a
 * pair, like the program links, is one `pairBinding(...)`).
 *
 * Merged versions are planned into `RowWrites` and written a batch at a time.
 * Reads go through a `RowReader` so that the same code serves the change
 * tracker (inside Dexie's DBCore, ./sync-tracking) and the sync engine.
 */
import type { z } from 'zod';
import type { Table } from 'dexie';
import type { LifeState, TrashPart, Version } from '../sync/version';
import { DEVICE_SETTINGS } from '../sync/kinds';
import { programKeys } from '../programs/names';
import { withoutSearchFields } from './search-fields';
import { without } from './overview-keys';
import { toLink, type ProgramLinkRow } from './link-facts';
import { Contact, Interaction, Letter, Program, ProgramLink, ProgramUnlink, Settings, Template } from '../model/schemas';
import type { TrashEntry } from '../model/schemas';

/** A record as this device has it now. */
export interface LocalState {
  state: LifeState;
  record?: Record<string, unknown>;
  trash?: TrashPart;
}

/** Reads rows by primary key: a string, or a `[contactId, programId]` pair for the link tables. */
export type RowReader = (table: string, keys: unknown[]) => Promise<unknown[]>;
export type TableOf = (name: string) => Table;

export interface SyncBinding {
  kind: string;
  /** Deleted records of this kind wait in a trash (contacts) instead of going away. */
  trashable: boolean;
  /** Each Dexie table whose rows hold records of this kind, and the record id a row key stands for (none: not synced). */
  sources: Record<string, (key: unknown) => string | undefined>;
  read(rows: RowReader, ids: string[]): Promise<LocalState[]>;
  /**
   * Checks a merged version against its schema and adds the rows it becomes to `writes`; throws when
   * the record does not pass (nothing of it is added then). `table` is for reads only.
   * Synchronous unless the kind must read (the settings row): a batch planned inside one Dexie
   * transaction must not await once per record (see storage/sync-state.ts `applyMerged`).
   */
  plan(table: TableOf, id: string, version: Version, writes: RowWrites): void | Promise<void>;
}

/**
 * The rows that a batch of merged versions becomes, collected so that the batch is written with one
 * bulk call per table instead of a call per record. Each record of a batch is planned once, so no key
 * is both deleted and put.
 */
export class RowWrites {
  private readonly puts = new Map<string, unknown[]>();
  private readonly deletes = new Map<string, unknown[]>();

  put(table: string, row: unknown): void {
    const rows = this.puts.get(table);
    if (rows) rows.push(row);
    else this.puts.set(table, [row]);
  }

  delete(table: string, key: unknown): void {
    const keys = this.deletes.get(table);
    if (keys) keys.push(key);
    else this.deletes.set(table, [key]);
  }

  /** Deletes first, then puts, table by table in SYNC_BINDINGS order: contacts are written before the links that copy their facts. */
  async flush(table: TableOf): Promise<void> {
    for (const [name, keys] of this.deletes) await table(name).bulkDelete(keys as never[]);
    for (const name of SYNC_TABLE_ORDER) {
      const rows = this.puts.get(name);
      if (rows?.length) await table(name).bulkPut(rows);
    }
  }
}

type RecordSchema = z.ZodType<Record<string, unknown>>;

function parse(schema: RecordSchema, record: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!record) throw new Error('A live record came without its fields.');
  return schema.parse(record);
}

const same = (key: unknown) => (typeof key === 'string' ? key : undefined);

/** How a row is stored, when storage keeps derived fields beside the record (a program's name keys). */
interface RowShape {
  fromRow(row: Record<string, unknown>): Record<string, unknown>;
  toRow(record: Record<string, unknown>): Record<string, unknown>;
}
const AS_IS: RowShape = { fromRow: (row) => row, toRow: (record) => record };

/** A kind kept in one table, keyed by the record's id: interactions, templates, letters, programs. */
export function tableBinding(kind: string, table: string, schema: RecordSchema, shape: RowShape = AS_IS): SyncBinding {
  return {
    kind,
    trashable: false,
    sources: { [table]: same },
    async read(rows, ids) {
      const found = await rows(table, ids);
      return found.map((row) => (row ? { state: 'live', record: shape.fromRow(row as Record<string, unknown>) } : { state: 'deleted' }));
    },
    plan(_table, id, version, writes) {
      if (version.state === 'deleted') writes.delete(table, id);
      else writes.put(table, shape.toRow(parse(schema, version.record)));
    },
  };
}

/** A pair's record id: the two ids are at most 64 characters of an id alphabet, so a newline never occurs in them. */
const PAIR_SEPARATOR = '\n';
const pairId = (key: unknown) =>
  Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === 'string') ? key.join(PAIR_SEPARATOR) : undefined;
const pairKey = (id: string) => id.split(PAIR_SEPARATOR) as [string, string];

/** A kind kept in a table keyed by `[contactId+programId]`: a program link, or a link the user refused. */
export function pairBinding(kind: string, table: string, schema: RecordSchema, shape: RowShape = AS_IS): SyncBinding {
  return {
    kind,
    trashable: false,
    sources: { [table]: pairId },
    async read(rows, ids) {
      const found = await rows(table, ids.map(pairKey));
      return found.map((row) => (row ? { state: 'live', record: shape.fromRow(row as Record<string, unknown>) } : { state: 'deleted' }));
    },
    plan(_table, id, version, writes) {
      if (version.state === 'deleted') writes.delete(table, pairKey(id));
      else writes.put(table, parse(schema, version.record));
    },
  };
}

/** Programs are stored with the name keys their index answers to (storage/programs.ts): computed here, never synced. */
const PROGRAM_ROW: RowShape = {
  fromRow: ({ matchKeys: _keys, ...program }) => program,
  toRow: (record) => ({ ...record, matchKeys: programKeys(record as Program) }),
};

// Derived fields stored beside a record (the Overview's keys, a link's copy of its contact's facts)
// are recomputed on arrival by storage's middlewares, so they never leave the device.
const INTERACTION_ROW: RowShape = { fromRow: without('outreachKeys'), toRow: (record) => record };
const LINK_ROW: RowShape = { fromRow: (row) => toLink(row as ProgramLinkRow) as unknown as Record<string, unknown>, toRow: (record) => record };

/** Contacts: the live table and the trash together make one record's life (live, trashed with its timeline, gone). */
const contacts: SyncBinding = {
  kind: 'contacts',
  trashable: true,
  sources: { contacts: same, trash: same },
  async read(rows, ids) {
    const [live, trashed] = await Promise.all([rows('contacts', ids), rows('trash', ids)]);
    return ids.map((_, i) => {
      const contact = live[i];
      if (contact) return { state: 'live', record: without('funnelKeys')(withoutSearchFields(contact)) as Record<string, unknown> };
      const entry = trashed[i] as TrashEntry | undefined;
      if (entry) {
        return {
          state: 'trashed',
          record: entry.contact as Record<string, unknown>,
          trash: {
            deletedAt: entry.deletedAt,
            interactions: entry.interactions as Record<string, unknown>[],
            ...(entry.letters?.length ? { letters: entry.letters as Record<string, unknown>[] } : {}),
            ...(entry.links?.length ? { links: entry.links.map(toLink) as unknown as Record<string, unknown>[] } : {}),
          },
        };
      }
      return { state: 'deleted' };
    });
  },
  plan(_table, id, version, writes) {
    if (version.state === 'live') {
      const contact = Contact.parse(version.record);
      writes.delete('trash', id);
      writes.put('contacts', contact);
    } else if (version.state === 'trashed') {
      const entry: TrashEntry = {
        id,
        deletedAt: version.trash?.deletedAt ?? 0,
        contact: Contact.parse(version.record),
        interactions: (version.trash?.interactions ?? []).map((i) => Interaction.parse(i)),
      };
      // The letters it wrote and the programs it belonged to, put back on restore (storage/contacts.ts).
      if (version.trash?.letters?.length) entry.letters = version.trash.letters.map((l) => Letter.parse(l));
      if (version.trash?.links?.length) entry.links = version.trash.links.map((l) => ProgramLink.parse(l));
      writes.delete('contacts', id);
      writes.put('trash', entry);
    } else {
      writes.delete('contacts', id);
      writes.delete('trash', id);
    }
  },
};

const SETTINGS_KEY = 'settings';

function shared(value: unknown): Record<string, unknown> {
  const out = { ...(value as Record<string, unknown>) };
  for (const field of DEVICE_SETTINGS) delete out[field];
  return out;
}

/** The settings row, without the settings that belong to this browser only (DEVICE_SETTINGS), which each device keeps. */
const settings: SyncBinding = {
  kind: 'settings',
  trashable: false,
  sources: { settings: (key) => (key === SETTINGS_KEY ? SETTINGS_KEY : undefined) },
  async read(rows, ids) {
    const found = (await rows('settings', ids)) as ({ value: unknown } | undefined)[];
    return found.map((row) => (row ? { state: 'live', record: shared(row.value) } : { state: 'deleted' }));
  },
  async plan(tableOf, id, version, writes) {
    if (version.state === 'deleted') return; // Settings are never deleted, only changed; defaults stand in.
    const current = (await tableOf('settings').get(id)) as { value?: Record<string, unknown> } | undefined;
    const local = Object.fromEntries(DEVICE_SETTINGS.map((field) => [field, current?.value?.[field]]));
    writes.put('settings', { key: id, value: Settings.parse({ ...version.record, ...local }) });
  },
};

export const SYNC_BINDINGS: readonly SyncBinding[] = [
  contacts,
  tableBinding('interactions', 'interactions', Interaction as unknown as RecordSchema, INTERACTION_ROW),
  tableBinding('templates', 'templates', Template as unknown as RecordSchema),
  settings,
  tableBinding('letters', 'letters', Letter as unknown as RecordSchema),
  tableBinding('programs', 'programs', Program as unknown as RecordSchema, PROGRAM_ROW),
  pairBinding('programLinks', 'programLinks', ProgramLink as unknown as RecordSchema, LINK_ROW),
  pairBinding('programUnlinks', 'programUnlinks', ProgramUnlink as unknown as RecordSchema),
];

export function bindingFor(kind: string): SyncBinding | undefined {
  return SYNC_BINDINGS.find((binding) => binding.kind === kind);
}

/** Every Dexie table a synced record lives in, in SYNC_BINDINGS order. */
const SYNC_TABLE_ORDER: readonly string[] = [...new Set(SYNC_BINDINGS.flatMap((b) => Object.keys(b.sources)))];
export const SYNC_SOURCE_TABLES: ReadonlySet<string> = new Set(SYNC_TABLE_ORDER);

export function recordKey(kind: string, id: string): string {
  return `${kind}/${id}`;
}
