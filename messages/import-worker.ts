/**
 * The messages between the import wizard (side panel) and the import worker
 * (import-worker/import.worker.ts), which reads, checks and writes a contact
 * import off the page's main thread (RELIABILITY L3). Both sides check what
 * they receive against these schemas.
 *
 * It lives apart from ./index.ts because the worker has no extension APIs:
 * this module imports zod and plain data modules only, never `wxt/browser`.
 *
 * Only small things cross: the file itself (a Blob is handed over, not
 * copied), counts, the first rows of a table for the column mapping, and the
 * first lines of a dry-run report. The rows and the plan stay in the worker,
 * so that the page never holds (or collects the garbage of) 100,000 of them.
 */
import { z } from 'zod';
import { IMPORT_TARGETS } from '../portability/csv-columns';
import { PROGRAM_TARGETS } from '../portability/program-csv';
import type { ImportIssue, SkippedRow } from '../portability/issues';
import { MAX_CSV_COLUMNS, MAX_LISTED_ISSUES, REPORT_LINES, REPORT_TEXT } from '../portability/limits';
import { UserText } from '../model/user-text';

const count = z.number().int().nonnegative();
/** Numbers each request; every event names the request it answers. */
const requestId = z.number().int().nonnegative();
/** A line of a report or a cell of the sample: cut to REPORT_TEXT characters by the worker (`clip`). */
const text = z.string().max(REPORT_TEXT);

export const ImportIssueMessage = z
  .object({ row: count, field: text, text: UserText, section: z.string().max(100).optional() })
  .strict() satisfies z.ZodType<ImportIssue>;

export const SkippedRowMessage = z.object({ row: count, name: text, reason: UserText }).strict() satisfies z.ZodType<SkippedRow>;

/** The first `REPORT_LINES` items of a list, and how many there are in all. */
const listed = <T extends z.ZodType>(item: T) => z.object({ total: count, items: z.array(item).max(REPORT_LINES) }).strict();

/**
 * What the wizard shows of a dry run (or of a finished import): exact counts,
 * and the first lines of each list. Built from the plan by `viewOfPlan`.
 */
export const ContactPlanView = z
  .object({
    /** Data rows in the file. */
    rows: count,
    add: listed(z.object({ row: count, name: text, organization: text.optional() }).strict()),
    update: listed(z.object({ row: count, name: text, fields: z.array(z.string().max(100)).max(100) }).strict()),
    skip: listed(SkippedRowMessage),
    errors: listed(ImportIssueMessage),
  })
  .strict();
export type ContactPlanView = z.infer<typeof ContactPlanView>;

export const ImportMapping = z.array(z.enum(IMPORT_TARGETS).optional()).max(MAX_CSV_COLUMNS);

/**
 * The file kinds the worker imports: a Connections.csv, a CSV of contacts, a Rapport backup (restored by
 * portability/restore.ts), and the applicant's program spreadsheet (portability/program-csv.ts), which the
 * Programs view chooses itself: no file says by its first bytes that it is a program list.
 */
export const WorkerImportKind = z.enum(['connections', 'csv', 'backup', 'programs']);
export type WorkerImportKind = z.infer<typeof WorkerImportKind>;

/** How a backup is restored: merged into the saved data, or replacing all of it. */
export const RestoreModeMessage = z.enum(['merge', 'replace']);

/**
 * What the wizard shows of a restore's dry run (or of a finished restore):
 * exact counts, the first lines of each list of contacts, and the problems.
 * Built from the plan by `viewOfRestore`; the backup and the plan stay in the worker.
 */
export const RestorePlanView = z
  .object({
    mode: RestoreModeMessage,
    /** When the backup was made (ISO 8601). */
    exportedAt: z.string().max(40),
    contacts: z
      .object({ add: listed(text), update: listed(text), skip: listed(SkippedRowMessage) })
      .strict(),
    interactions: z.object({ add: count }).strict(),
    templates: z.object({ add: count, update: count }).strict(),
    trash: z.object({ add: count }).strict(),
    letters: z.object({ add: count }).strict(),
    /** Programs to add and to update, and the people linked to them. */
    programs: z.object({ add: count, update: count, links: count }).strict(),
    /** What replacing erases. */
    removed: z.object({ contacts: count, interactions: count, templates: count, trash: count, letters: count, programs: count }).strict(),
    /** The settings the restore changes (their keys in Settings). */
    settingsChanged: z.array(z.string().max(40)).max(40),
    errors: listed(ImportIssueMessage),
  })
  .strict();
export type RestorePlanView = z.infer<typeof RestorePlanView>;

/** A program spreadsheet's columns, each one a program field or ignored. */
export const ProgramImportMapping = z.array(z.enum(PROGRAM_TARGETS).optional()).max(MAX_CSV_COLUMNS);

/**
 * What the Programs view shows of a program spreadsheet's dry run (or of the
 * finished import): the programs to add and to update, the rows that change
 * nothing, the status words no stage answers to (with how many rows used each
 * and the first of them), and the bad rows. Built by `viewOfProgramPlan`.
 */
export const ProgramPlanView = z
  .object({
    add: listed(text),
    update: listed(z.object({ row: count, name: text }).strict()),
    same: count,
    unknownStatuses: listed(z.object({ word: text, rows: count, firstRow: count }).strict()),
    errors: listed(ImportIssueMessage),
  })
  .strict();
export type ProgramPlanView = z.infer<typeof ProgramPlanView>;

/** Page → worker. */
export const ImportWorkerRequest = z.discriminatedUnion('type', [
  /**
   * Read the chosen file. A Connections.csv goes straight on to the dry run
   * (answered by `plan`); a CSV of contacts stops at its columns (`table`); a
   * Rapport backup is admitted by its size, checked, and planned as a merge
   * (`restore-plan`).
   */
  z.object({ type: z.literal('read'), id: requestId, kind: WorkerImportKind, file: z.instanceof(Blob) }).strict(),
  /** Read every row of the CSV through the column mapping, then the dry run (`plan`). */
  z.object({ type: z.literal('check'), id: requestId, mapping: ImportMapping }).strict(),
  /** Write what the last dry run checked, in one transaction (`written`). */
  z.object({ type: z.literal('write'), id: requestId }).strict(),
  /** The dry run of the backup read last, again, in this mode (`restore-plan`). */
  z.object({ type: z.literal('plan-restore'), id: requestId, mode: RestoreModeMessage }).strict(),
  /** Restore the backup read last in this mode, all or nothing (`restored`). */
  z.object({ type: z.literal('restore'), id: requestId, mode: RestoreModeMessage }).strict(),
  /** Read every row of the program spreadsheet (read as `programs`) through its mapping, then its dry run (`program-plan`). */
  z.object({ type: z.literal('check-programs'), id: requestId, mapping: ProgramImportMapping }).strict(),
  /** Write the programs the last program dry run checked, in one transaction (`programs-written`). */
  z.object({ type: z.literal('write-programs'), id: requestId }).strict(),
]);
export type ImportWorkerRequest = z.infer<typeof ImportWorkerRequest>;

/** The work under way, for the progress line. */
export const ImportStage = z.enum([
  /** Characters of the file parsed. */
  'reading',
  /** Rows validated. */
  'checking',
  /** Saved contacts read, to compare the rows with (in the dry run, and again in the write). */
  'loading',
  /** Rows compared with the saved contacts (the dry run). */
  'comparing',
  /** Rows compared again, inside the write transaction. */
  'rechecking',
  /** Contacts (or programs) written. */
  'writing',
]);
export type ImportStage = z.infer<typeof ImportStage>;

/** Worker → page. */
export const ImportWorkerEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id: requestId, stage: ImportStage, done: count, total: count }).strict(),
  /** A CSV of contacts was read: its header and first rows, for the column mapping. */
  z
    .object({
      type: z.literal('table'),
      id: requestId,
      header: z.array(text).max(MAX_CSV_COLUMNS),
      /** The first rows with a value, one cell per header column. */
      sample: z.array(z.array(text).max(MAX_CSV_COLUMNS)).max(REPORT_LINES),
      /** Rows with at least one value. */
      filled: count,
    })
    .strict(),
  /** The dry run: nothing has been written. */
  z.object({ type: z.literal('plan'), id: requestId, plan: ContactPlanView }).strict(),
  /** The import is written and committed. */
  z.object({ type: z.literal('written'), id: requestId, plan: ContactPlanView }).strict(),
  /** The dry run of a restore: nothing has been written. */
  z.object({ type: z.literal('restore-plan'), id: requestId, plan: RestorePlanView }).strict(),
  /** The backup is restored and committed. */
  z.object({ type: z.literal('restored'), id: requestId, plan: RestorePlanView }).strict(),
  /** The dry run of a program spreadsheet: nothing has been written. */
  z.object({ type: z.literal('program-plan'), id: requestId, plan: ProgramPlanView }).strict(),
  /** The programs are written and committed. */
  z.object({ type: z.literal('programs-written'), id: requestId, plan: ProgramPlanView }).strict(),
  /**
   * Nothing was written. `id` is missing when the request itself could not be
   * read, or the worker failed outside any request.
   */
  z
    .object({
      type: z.literal('failed'),
      id: requestId.optional(),
      /** Why, said by the page in the user's language (the worker has no browser.i18n). */
      text: UserText,
      issues: z.array(ImportIssueMessage).max(MAX_LISTED_ISSUES),
    })
    .strict(),
]);
export type ImportWorkerEvent = z.infer<typeof ImportWorkerEvent>;
