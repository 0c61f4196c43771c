/**
 * The one Dexie database and its schema versions.
 *
 * Never edit a published `version(n)`: add `n + 1` with an async `upgrade()`
 * (tests/unit/storage/migrations.test.ts shows the pattern every new version
 * follows). Records are validated by the zod schemas in ./schemas before every
 * write, through the repository modules beside this file.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Contact, Interaction, Template } from './schemas';

export const DB_NAME = 'rapport';

/** A row of the key-value table that holds the user's settings and small app state. */
export interface KeyValue {
  key: string;
  value: unknown;
}

/** A deleted contact and its timeline, kept so the delete can be undone. */
export interface TrashEntry {
  id: string;
  deletedAt: number;
  contact: Contact;
  interactions: Interaction[];
}

/** Index declarations per version; kept as data so migration tests can open old versions. */
export const SCHEMA_V1 = {
  contacts:
    'id, fullName, status, organization, source, createdAt, updatedAt, lastContactedAt, nextFollowUpAt, *identities, *tags',
  interactions: 'id, contactId, at, [contactId+at]',
  templates: 'id, name',
  settings: 'key',
  trash: 'id, deletedAt',
} as const;

export type RapportDB = Dexie & {
  contacts: EntityTable<Contact, 'id'>;
  interactions: EntityTable<Interaction, 'id'>;
  templates: EntityTable<Template, 'id'>;
  settings: EntityTable<KeyValue, 'key'>;
  trash: EntityTable<TrashEntry, 'id'>;
};

export function openDatabase(name = DB_NAME): RapportDB {
  const db = new Dexie(name, {
    // Chrome made transactions "relaxed" by default; user data must survive a crash right after commit.
    chromeTransactionDurability: 'strict',
    autoOpen: true,
  }) as RapportDB;
  db.version(1).stores(SCHEMA_V1);
  return db;
}

export const db = openDatabase();
