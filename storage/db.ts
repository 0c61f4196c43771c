/**
 * The one Dexie database and its schema versions.
 *
 * Never edit a published `version(n)`: add `n + 1` with an async `upgrade()`
 * (tests/unit/storage/migrations.test.ts shows the pattern every new version
 * follows). Records are validated by the zod schemas in ./schemas before every
 * write, through the repository modules beside this file.
 */
import Dexie, { type EntityTable, type Middleware, type DBCore, type Table } from 'dexie';
import { programsFromOrganizations } from '../programs/from-organizations';
import { STATUSES, type Contact, type ContactSummary, type Interaction, type OverviewTally, type Letter, type Program, type ProgramLink, type ProgramUnlink, type Status, type Template, type TrashEntry } from '../model/schemas';
import { contactSummary, summaryOf } from './contact-summary';
import { derivedRows } from './derived-rows';
import { freshMeta, overviewTallies, writeTallies } from './overview-tallies';
import { linkFacts, type ProgramLinkRow } from './link-facts';
import { programSummaries, summarize, type ProgramSummaryRow } from './program-summaries';
import { firstScreenMiddleware } from './first-screen';
import { replayTimeline } from '../overview/outreach';
import { withFunnelKeys, withOutreachKeys, without } from './overview-keys';
import { withSearchFields, withoutSearchFields } from './search-fields';
import { UserError, userText } from '../model/user-text';
import { SYNC_TABLES, syncTracking, type SyncRecord } from './sync-tracking';

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
 * Version 5: the sync outbox and sync's own state (./sync-tracking). Two new
 * tables, nothing else changes, so no upgrade step.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  ...SYNC_TABLES,
} as const;

/**
 * Version 6 (#18, imports that scale): the three compound indexes that only
 * sorted by a date with names in order within it ([createdAt+sortName],
 * [lastContactedAt+sortName], [nextFollowUpAt+sortName]) are dropped; the list
 * orders those ids by the plain date indexes and the name index it reads anyway
 * (storage/contact-list.ts). Each contact written keeps three fewer index rows.
 * The upgrade recomputes the words of contacts with notes, whose words are now
 * capped (./search-fields).
 */
const SORT_ONLY = /, \[(createdAt|lastContactedAt|nextFollowUpAt)\+sortName\]/g;
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  contacts: SCHEMA_V5.contacts.replace(SORT_ONLY, ''),
} as const;

/**
 * Version 7: the Overview's indexes. Contacts get their first times in the
 * funnel (overview/outreach.ts) and a key per step reached; interactions an
 * index by kind and time (activity per week) and keys by template, channel
 * and format (reply rates, time to reply). Every figure is then a count.
 * The upgrade replays each timeline once.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  contacts: `${SCHEMA_V6.contacts}, *funnelKeys`,
  interactions: `${SCHEMA_V6.interactions}, [kind+at], *outreachKeys`,
} as const;

/**
 * Version 8: version 7's tables and indexes; each program link
 * carries a copy of its contact's status and last contact (./link-facts), so
 * the Programs view reads links and programs only. The upgrade writes every
 * link again, which gives it the copy.
 */
export const SCHEMA_V8 = SCHEMA_V7;

/**
 * Version 9 (#16): one summary row per program (./program-summaries), kept
 * with every write of a link, so that the Programs view reads O(programs)
 * rows and never the links. The upgrade builds every program's summary from
 * its links; nothing else changes.
 */
export const SCHEMA_V9 = {
  ...SCHEMA_V8,
  programSummaries: 'programId',
} as const;

/**
 * Version 10 (#18, lists that never read everything; 9 is allocated to
 * programs): the summary table, whose one row holds how many contacts there
 * are at each status (./contact-summary), kept by every write. The upgrade
 * counts them once.
 */
export const SCHEMA_V10 = {
  ...SCHEMA_V9,
  summaries: 'key',
} as const;

/**
 * Version 11 (#17): the Overview's tallies (./overview-tallies), a count per
 * local day or per template, channel and format of the keys version 7
 * indexes, kept by every write of a contact or an interaction. The Overview
 * sums a few hundred of them instead of counting index ranges, which Chromium
 * does by walking every entry. The upgrade counts them from the indexes once.
 */
export const SCHEMA_V11 = {
  ...SCHEMA_V10,
  tallies: 'key',
} as const;

/**
 * Version 12 (#18, imports that scale): three indexes that no question needs
 * are dropped, each an index row fewer per record written. Contacts lose
 * `fullName`: a same-name check asks the folded name index (`sortName`), which
 * finds every name that `fullName` matched ignoring case, and accents too
 * (./duplicates). Interactions lose `at`, which nothing read, and `contactId`:
 * Dexie answers `where('contactId')` from the first part of `[contactId+at]`,
 * in time order within a contact. No record changes, so there is no upgrade
 * step: Dexie deletes the indexes when the database opens.
 */
const UNREAD_CONTACT_INDEXES = new Set(['fullName']);
const UNREAD_INTERACTION_INDEXES = new Set(['contactId', 'at']);
const withoutIndexes = (spec: string, unread: ReadonlySet<string>) =>
  spec
    .split(', ')
    .filter((index) => !unread.has(index))
    .join(', ');
export const SCHEMA_V12 = {
  ...SCHEMA_V11,
  contacts: withoutIndexes(SCHEMA_V11.contacts, UNREAD_CONTACT_INDEXES),
  interactions: withoutIndexes(SCHEMA_V11.interactions, UNREAD_INTERACTION_INDEXES),
};

export type RapportDB = Dexie & {
  contacts: EntityTable<Contact, 'id'>;
  interactions: EntityTable<Interaction, 'id'>;
  templates: EntityTable<Template, 'id'>;
  settings: EntityTable<KeyValue, 'key'>;
  trash: EntityTable<TrashEntry, 'id'>;
  letters: EntityTable<Letter, 'id'>;
  programs: EntityTable<ProgramRow, 'id'>;
  programLinks: Table<ProgramLinkRow, [string, string], ProgramLink>;
  programUnlinks: Table<ProgramUnlink, [string, string]>;
  programSummaries: EntityTable<ProgramSummaryRow, 'programId'>;
  syncRecords: EntityTable<SyncRecord, 'key'>;
  syncMeta: EntityTable<KeyValue, 'key'>;
  summaries: EntityTable<ContactSummary, 'key'>;
  tallies: EntityTable<OverviewTally, 'key'>;
};

/** The newest schema version this build declares (keep in step with the `version()` calls below). */
export const SCHEMA_VERSION = 12;
/** Every version this build declares, oldest first (tests/fixtures/db holds a database of each). */
export const DECLARED_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/** The newest version's indexes. */
export const SCHEMA_LATEST = SCHEMA_V12;

/** Thrown on a write to a database that a newer Rapport has upgraded: its records may hold fields this build would drop. */
export class NewerDataFormatError extends UserError {
  override name = 'NewerDataFormatError';
  constructor() {
    super(userText('errors.newerData'));
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
  db.version(5).stores(SCHEMA_V5);
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
  db.version(7)
    .stores(SCHEMA_V7)
    .upgrade(async (tx) => {
      // One pass over the timeline by its compound index, one contact at a time.
      const timelines = new Map<string, Interaction[]>();
      await tx
        .table('interactions')
        .orderBy('[contactId+at]')
        .each((interaction: Interaction) => {
          const timeline = timelines.get(interaction.contactId);
          if (timeline) timeline.push(interaction);
          else timelines.set(interaction.contactId, [interaction]);
        });
      const replayed = new Map([...timelines].map(([id, timeline]) => [id, replayTimeline(timeline)]));
      const answers = new Map([...replayed.values()].flatMap((r) => [...r.answers]));
      await tx
        .table('interactions')
        .toCollection()
        .modify((interaction: Interaction) => {
          const answer = answers.get(interaction.id);
          Object.assign(interaction, withOutreachKeys(answer ? { ...interaction, answers: answer } : interaction));
        });
      // Only contacts with a timeline: the others have no step of the funnel, and stay as they were.
      await tx
        .table('contacts')
        .where(':id')
        .anyOf([...replayed.keys()])
        .modify((contact: Contact) => {
          Object.assign(contact, withFunnelKeys({ ...contact, ...replayed.get(contact.id)?.facts }));
        });
    });
  db.version(8)
    .stores(SCHEMA_V8)
    .upgrade(async (tx) => {
      // Written through ./link-facts, which copies each link's contact facts onto it.
      const links = tx.table('programLinks');
      await links.bulkPut(await links.toArray());
    });
  db.version(9)
    .stores(SCHEMA_V9)
    .upgrade(async (tx) => {
      const links = (await tx.table('programLinks').toArray()) as ProgramLinkRow[];
      const { put } = summarize([...new Set(links.map((l) => l.programId))], links);
      await tx.table('programSummaries').bulkPut(put);
    });
  // Only the new table is named: Dexie keeps every table the versions before declared.
  db.version(10)
    .stores({ summaries: SCHEMA_V10.summaries })
    .upgrade(async (tx) => {
      const contacts = tx.table('contacts');
      const perStatus = await Promise.all(STATUSES.map((status) => contacts.where('status').equals(status).count()));
      await tx.table('summaries').put(summaryOf(Object.fromEntries(STATUSES.map((s, i) => [s, perStatus[i]!])) as Record<Status, number>));
    });
  db.version(11)
    .stores({ tallies: SCHEMA_V11.tallies })
    // Format 1, as version 11 shipped: the first Overview read rebuilds them in the newest (./overview-tallies).
    .upgrade((tx) => writeTallies(tx.table('tallies'), tx.table('contacts'), tx.table('interactions'), 1));
  // Indexes dropped only: no record changes, so no upgrade step (see SCHEMA_V12).
  db.version(12).stores({ contacts: SCHEMA_V12.contacts, interactions: SCHEMA_V12.interactions });
  // A new database starts with sound (empty) tallies, so that its first Overview need not count them.
  db.on('populate', (tx) => {
    void tx.table('tallies').add(freshMeta());
  });

  // While sync is on, every write to a synced table queues that record in the same transaction.
  db.use(syncTracking);

  // Every contact written, by any path (save, edit, import, restore, undo), carries the
  // fields its indexes need, computed here so that no caller can forget or fake them;
  // reads hand back the contact alone, so the fields never reach the UI, a backup or the trash.
  db.use(derivedFields<Contact>('contact-search-fields', 'contacts', withSearchFields, withoutSearchFields));
  // The Overview's keys (./overview-keys), the same way.
  db.use(derivedFields<Contact>('contact-funnel-keys', 'contacts', withFunnelKeys, without('funnelKeys')));
  db.use(derivedFields<Interaction>('interaction-outreach-keys', 'interactions', withOutreachKeys, without('outreachKeys')));

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

  // The rows derived from others, in the same transaction as each write (./derived-rows), above the checks and
  // fields above so that what they write passes them too: the copies of a contact's facts on its links, then the
  // programs' summaries (after the link facts, so that the links they rewrite update the summaries too), the
  // Overview's tallies and the contacts' summary row.
  db.use(derivedRows([linkFacts, programSummaries, overviewTallies, contactSummary]));
  // Before any write reaches the contacts, the side panel's first-screen snapshot is made stale (./first-screen).
  db.use(firstScreenMiddleware);

  // Dexie's close() turns autoOpen off, which would leave a worker dead until
  // reload; whoever closes (a test hook, a versionchange handler) may ask for
  // that explicitly, and otherwise the next operation reopens.
  const close = db.close.bind(db);
  db.close = (options = { disableAutoOpen: false }) => close(options);
  return db;
}

export const db = openDatabase();

/**
 * A middleware that adds fields derived from each record of one table on every write and removes them from
 * every record read: the fields exist only for that table's indexes.
 */
function derivedFields<T>(name: string, tableName: string, add: (value: T) => T, remove: (value: T) => T): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (wanted) => {
        const table = down.table(wanted);
        if (wanted !== tableName) return table;
        return {
          ...table,
          mutate: (request) =>
            table.mutate(
              request.type === 'add' || request.type === 'put' ? { ...request, values: request.values.map((value: T) => add(value)) } : request,
            ),
          get: (request) => table.get(request).then(remove),
          getMany: (request) => table.getMany(request).then((values) => values.map(remove)),
          query: (request) =>
            table.query(request).then((response) => (request.values ? { ...response, result: response.result.map(remove) } : response)),
          // Dexie walks a cursor for some reads (equalsIgnoreCase, offset): its value is read through this view.
          // A native cursor's getters refuse any other `this` ("Illegal invocation"), so each is read from the cursor.
          openCursor: (request) =>
            table.openCursor(request).then((cursor) =>
              cursor && request.values
                ? (Object.create(cursor, {
                    key: { get: () => cursor.key },
                    primaryKey: { get: () => cursor.primaryKey },
                    value: { get: () => remove(cursor.value as T) },
                  }) as typeof cursor)
                : cursor,
            ),
        };
      },
    }),
  };
}
