/**
 * The one Dexie database and its schema versions.
 *
 * Never edit a published `version(n)`: add `n + 1` with an async `upgrade()`
 * (tests/unit/storage/migrations.test.ts shows the pattern every new version
 * follows). Records are validated by the zod schemas in ./schemas before every
 * write, through the repository modules beside this file.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { programsFromOrganizations } from '../programs/from-organizations';
import type { Contact, Interaction, Letter, Program, ProgramLink, ProgramUnlink, Template, TrashEntry } from '../model/schemas';
import { withSearchFields, withoutSearchFields } from './search-fields';

export const DB_NAME = 'rapport';

/** A row of the key-value table that holds the user's settings and small app state. */
export interface KeyValue {
  key: string;
  value: unknown;
}

/** A program row as stored: the record and the name keys its index answers to (storage/programs.ts keeps them). */
export type ProgramRow = Program & { matchKeys: string[] };

/** Index declarations per version; kept as data so migration tests can open old versions. */
export const SCHEMA_V1 = {
  contacts:
    'id, fullName, status, organization, source, createdAt, updatedAt, lastContactedAt, nextFollowUpAt, *identities, *tags',
  interactions: 'id, contactId, at, [contactId+at]',
  templates: 'id, name',
  settings: 'key',
  trash: 'id, deletedAt',
} as const;

/**
 * Version 2: the side panel answers search, sort, filters and counts from
 * indexes alone (RELIABILITY L2). `sortName` and `searchWords` are derived
 * fields (./search-fields); the compound indexes sort by a date with names
 * in order within the same date; `specialty` and `possibleDuplicateOf` serve
 * a filter and the duplicate review.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  contacts: `${SCHEMA_V1.contacts}, sortName, specialty, *searchWords, *possibleDuplicateOf, [createdAt+sortName], [lastContactedAt+sortName], [nextFollowUpAt+sortName]`,
} as const;

/**
 * Version 3: letters of recommendation get their own table (by writer, by
 * status, and by when their next reminder falls due, for the badge), and
 * contacts an index on when keeping in touch falls due. The upgrade gives
 * every contact the time of its last logged interaction, where the
 * keep-in-touch clock restarts.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  contacts: `${SCHEMA_V2.contacts}, keepInTouchAt`,
  letters: 'id, writerId, status, deadline, dueAt',
} as const;

/**
 * Version 4: programs, the people linked to each (a contact may belong to
 * several), and the links the user refused. The upgrade turns every
 * organization name into a program and links its people; contacts themselves
 * are not changed. Built on version 3, so nothing version 3 declared is dropped.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  programs: 'id, name, stage, specialty, updatedAt, *matchKeys',
  programLinks: '[contactId+programId], contactId, programId',
  programUnlinks: '[contactId+programId], programId',
} as const;

/**
 * Version 6 (#18, imports that scale): the three compound indexes that only
 * sorted by a date with names in order within it ([createdAt+sortName],
 * [lastContactedAt+sortName], [nextFollowUpAt+sortName]) are dropped; the list
 * orders those ids by the plain date indexes and the name index it reads anyway
 * (storage/contact-list.ts). Each contact written keeps three fewer index rows.
 * The upgrade recomputes the words of contacts with notes, whose words are now
 * capped (./search-fields). Built on version 4: version 5 is the sync branch's,
 * and Dexie allows the gap.
 */
const SORT_ONLY = /, \[(createdAt|lastContactedAt|nextFollowUpAt)\+sortName\]/g;
export const SCHEMA_V6 = {
  ...SCHEMA_V4,
  contacts: SCHEMA_V4.contacts.replace(SORT_ONLY, ''),
} as const;

export type RapportDB = Dexie & {
  contacts: EntityTable<Contact, 'id'>;
  interactions: EntityTable<Interaction, 'id'>;
  templates: EntityTable<Template, 'id'>;
  settings: EntityTable<KeyValue, 'key'>;
  trash: EntityTable<TrashEntry, 'id'>;
  letters: EntityTable<Letter, 'id'>;
  programs: EntityTable<ProgramRow, 'id'>;
  programLinks: Table<ProgramLink, [string, string]>;
  programUnlinks: Table<ProgramUnlink, [string, string]>;
};

/** The newest schema version this build declares (keep in step with the `version()` calls below). */
export const SCHEMA_VERSION = 6;
/** Every version this build declares, oldest first (tests/fixtures/db holds a database of each). */
export const DECLARED_VERSIONS = [1, 2, 3, 4, 6] as const;

/** Thrown on a write to a database that a newer Rapport has upgraded: its records may hold fields this build would drop. */
export class NewerDataFormatError extends Error {
  override name = 'NewerDataFormatError';
  constructor() {
    super(
      'Your Rapport data was saved by a newer version of Rapport. You can read it here, but update Rapport to change it; nothing was deleted.',
    );
  }
}

export function openDatabase(name = DB_NAME): RapportDB {
  const db = new Dexie(name, {
    // Chrome made transactions "relaxed" by default; user data must survive a crash right after commit.
    chromeTransactionDurability: 'strict',
    autoOpen: true,
  }) as RapportDB;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx
        .table('contacts')
        .toCollection()
        .modify((contact: Contact) => {
          Object.assign(contact, withSearchFields(contact));
        }),
    );
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      // One pass over the timeline by its compound index: the last entry read per contact is its latest.
      const latest = new Map<string, number>();
      await tx
        .table('interactions')
        .orderBy('[contactId+at]')
        .each((interaction: Interaction) => {
          latest.set(interaction.contactId, interaction.at);
        });
      await tx
        .table('contacts')
        .toCollection()
        .modify((contact: Contact) => {
          const at = latest.get(contact.id);
          if (at !== undefined) contact.lastInteractionAt = at;
        });
    });
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      const contacts = tx.table('contacts');
      // Index reads only: the contacts are not rewritten, so none of them can change.
      const byOrganization = contacts.orderBy('organization');
      const [organizations, ids] = await Promise.all([byOrganization.keys(), byOrganization.primaryKeys()]);
      const { programs, links } = programsFromOrganizations(
        ids.map((id, i) => ({ id: id as string, organization: organizations[i] as string })),
        Date.now(),
      );
      await tx.table('programs').bulkAdd(programs);
      await tx.table('programLinks').bulkAdd(links);
    });
  db.version(6)
    .stores(SCHEMA_V6)
    .upgrade((tx) =>
      tx
        .table('contacts')
        .filter((contact: Contact) => Boolean(contact.notes))
        .modify((contact: Contact) => {
          Object.assign(contact, withSearchFields(contact));
        }),
    );

  // Every contact written, by any path (save, edit, import, restore, undo), carries the
  // fields its indexes need, computed here so that no caller can forget or fake them;
  // reads hand back the contact alone, so the fields never reach the UI, a backup or the trash.
  db.use({
    stack: 'dbcore',
    name: 'contact-search-fields',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'contacts') return table;
        return {
          ...table,
          mutate: (request) =>
            table.mutate(
              request.type === 'add' || request.type === 'put'
                ? { ...request, values: request.values.map((value: Contact) => withSearchFields(value)) }
                : request,
            ),
          get: (request) => table.get(request).then(withoutSearchFields),
          getMany: (request) => table.getMany(request).then((values) => values.map(withoutSearchFields)),
          query: (request) =>
            table.query(request).then((response) =>
              request.values ? { ...response, result: response.result.map(withoutSearchFields) } : response,
            ),
          // Dexie walks a cursor for some reads (equalsIgnoreCase, offset): its value is read through this view.
          // A native cursor's getters refuse any other `this` ("Illegal invocation"), so each is read from the cursor.
          openCursor: (request) =>
            table.openCursor(request).then((cursor) =>
              cursor && request.values
                ? (Object.create(cursor, {
                    key: { get: () => cursor.key },
                    primaryKey: { get: () => cursor.primaryKey },
                    value: { get: () => withoutSearchFields(cursor.value) },
                  }) as typeof cursor)
                : cursor,
            ),
        };
      },
    }),
  });

  // Dexie opens a database of a higher version without complaint (an older build
  // reinstalled over a newer one's data). Reading is safe; writing could drop
  // the newer fields, so writes are refused with a clear message instead.
  db.use({
    stack: 'dbcore',
    name: 'read-only-when-newer',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (request) =>
            // Dexie stores version n as 10n, and may patch a schema as 10n + 1 without a new version.
            Math.floor((db.backendDB()?.version ?? 0) / 10) > SCHEMA_VERSION
              ? Promise.reject(new NewerDataFormatError())
              : table.mutate(request),
        };
      },
    }),
  });

  // Dexie's close() turns autoOpen off, which would leave a worker dead until
  // reload; whoever closes (a test hook, a versionchange handler) may ask for
  // that explicitly, and otherwise the next operation reopens.
  const close = db.close.bind(db);
  db.close = (options = { disableAutoOpen: false }) => close(options);
  return db;
}

export const db = openDatabase();
