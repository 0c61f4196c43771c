/**
 * What the import worker does (import-worker/import.worker.ts only wires it to
 * the worker's messages): read a Connections.csv or a CSV of contacts, check
 * every row, compare them with the saved contacts (the dry run), and write
 * them in one transaction when the user confirms. A Rapport backup the same
 * way: admitted by its size, parsed and checked record by record, planned as
 * a merge or a replace (again on each switch of mode), and restored in one
 * transaction. The table, the checked rows, the backup and the plans stay
 * here; the page gets progress, the columns to map and a short report
 * (messages/import-worker.ts), so that its main thread never parses, plans or
 * collects 100,000 rows (RELIABILITY L3).
 *
 * Pure of the worker itself: `post` is how answers leave, so that tests drive
 * a session directly.
 */
import { ImportWorkerRequest, type ImportStage, type ImportWorkerEvent } from '../messages/import-worker';
import { mappingProblem } from '../portability/csv-columns';
import { importCsvRowsAsync, previewRows } from '../portability/csv-import';
import { readCsvAsync, type CsvTable } from '../portability/csv-read';
import { parseBackupAsync, type Backup } from '../portability/backup-format';
import { admitFile, probeFile, readFileText } from '../portability/detect';
import { applyContactImport, previewContactImport } from '../storage/import-contacts';
import type { ParsedContacts } from '../portability/incoming';
import { ImportFailure } from '../portability/issues';
import { MAX_CSV_COLUMNS, MAX_LISTED_ISSUES } from '../portability/limits';
import { parseConnectionsAsync } from '../portability/linkedin-connections';
import { clip, clipIssue, viewOfPlan, viewOfProgramPlan, viewOfRestore, clipText } from './plan-view';
import { MAX_PROGRAM_ROWS, programMappingProblem, readProgramRowsAsync, type ParsedPrograms } from '../portability/program-csv';
import { applyProgramImport, previewProgramImport } from '../storage/programs';
import type { RestoreMode } from '../portability/restore';
import { applyRestore, previewRestore } from '../storage/restore';
import { userText } from '../model/user-text';

export interface ImportSession {
  /**
   * Checks one message from the page and handles it; requests run one after
   * another. Resolves once the request is answered (never rejects: a failure
   * is an answer).
   */
  receive(data: unknown): Promise<void>;
}

export interface ImportSessionOptions {
  /** The time written as the contacts' createdAt and updatedAt. */
  now?: () => number;
}

/** The answer to a request that failed: nothing was written. */
export function failedEvent(id: number | undefined, error: unknown): Extract<ImportWorkerEvent, { type: 'failed' }> {
  const failure =
    error instanceof ImportFailure
      ? error
      : new ImportFailure(userText('portability.session.unreadable', { detail: (error as Error | undefined)?.message ?? String(error) }));
  return {
    type: 'failed',
    ...(id === undefined ? {} : { id }),
    text: clipText(failure.text),
    issues: failure.issues.slice(0, MAX_LISTED_ISSUES).map(clipIssue),
  };
}

function requestIdOf(data: unknown): number | undefined {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}

export function createImportSession(post: (event: ImportWorkerEvent) => void, options: ImportSessionOptions = {}): ImportSession {
  const now = options.now ?? Date.now;
  /** The CSV read last (of contacts, or a program spreadsheet), until its rows are read through a mapping (again after "Back to columns"). */
  let table: CsvTable | undefined;
  /** Whether `table` is a program spreadsheet: a mapping of one kind never reads the other's table. */
  let tableOfPrograms = false;
  /** The program rows the last program dry run checked: what a confirmed program write writes. */
  let programs: ParsedPrograms | undefined;
  /** The rows the last dry run checked: what a confirmed write writes. */
  let parsed: ParsedContacts | undefined;
  /** The backup read last, checked: what a confirmed restore writes. */
  let backup: Backup | undefined;
  let queue = Promise.resolve();

  const progress = (id: number, stage: ImportStage) => (done: number, total: number) => post({ type: 'progress', id, stage, done, total });

  const dryRun = async (id: number, rows: ParsedContacts) => {
    parsed = rows;
    const plan = await previewContactImport(rows, now(), progress(id, 'comparing'), progress(id, 'loading'));
    post({ type: 'plan', id, plan: viewOfPlan(plan) });
  };

  const planRestore = async (id: number, mode: RestoreMode) => {
    if (!backup) throw new ImportFailure(userText('portability.session.backupGone'));
    // Planning is one step: the line says what it is doing until the report comes.
    post({ type: 'progress', id, stage: 'comparing', done: 0, total: backup.contacts.length });
    const plan = await previewRestore(backup, mode);
    post({ type: 'restore-plan', id, plan: viewOfRestore(plan, backup.exportedAt) });
  };

  const handle = async (request: ImportWorkerRequest): Promise<void> => {
    const { id } = request;
    switch (request.type) {
      case 'read': {
        table = undefined;
        tableOfPrograms = false;
        parsed = undefined;
        programs = undefined;
        backup = undefined;
        // The line moves as soon as the worker has started, before a large file's bytes are read and decoded.
        post({ type: 'progress', id, stage: 'reading', done: 0, total: request.file.size });
        if (request.kind === 'backup') {
          // The page admitted the file by its size and first bytes; the worker does not take its word for it.
          const name = request.file instanceof File ? request.file.name : 'backup.json';
          const admission = admitFile(await probeFile(Object.assign(request.file.slice(), { name })));
          if (!admission.ok) throw new ImportFailure(admission.text);
        }
        const text = await readFileText(request.file);
        if (request.kind === 'backup') {
          post({ type: 'progress', id, stage: 'reading', done: request.file.size, total: request.file.size });
          backup = await parseBackupAsync(text, progress(id, 'checking'));
          return planRestore(id, 'merge');
        }
        if (request.kind === 'connections') {
          const rows = await parseConnectionsAsync(text, (stage, done, total) => post({ type: 'progress', id, stage, done, total }));
          return dryRun(id, rows);
        }
        table = await readCsvAsync(text, { onProgress: progress(id, 'reading') });
        if (table.header.length > MAX_CSV_COLUMNS) {
          const columns = table.header.length;
          table = undefined;
          throw new ImportFailure(userText('portability.session.tooManyColumns', { columns, max: MAX_CSV_COLUMNS }));
        }
        if (request.kind === 'programs') {
          if (table.filled > MAX_PROGRAM_ROWS) {
            const n = table.filled;
            table = undefined;
            const name = request.file instanceof File ? request.file.name : 'programs.csv';
            throw new ImportFailure(userText('portability.programs.tooLarge', { name: clip(name, 40), n, max: MAX_PROGRAM_ROWS }));
          }
          tableOfPrograms = true;
        }
        post({
          type: 'table',
          id,
          header: table.header.map((cell) => clip(cell)),
          sample: previewRows(table).map((row) => row.map((cell) => clip(cell))),
          filled: table.filled,
        });
        return;
      }
      case 'check': {
        if (!table || tableOfPrograms) throw new ImportFailure(userText('portability.session.columnsGone'));
        const problem = mappingProblem(request.mapping);
        if (problem) throw new ImportFailure(problem);
        parsed = undefined;
        return dryRun(id, await importCsvRowsAsync(table, request.mapping, progress(id, 'checking')));
      }
      case 'write': {
        const rows = parsed;
        if (!rows) throw new ImportFailure(userText('portability.session.nothingChecked'));
        // Written once: a second confirmation has to go through a new dry run.
        parsed = undefined;
        const plan = await applyContactImport(rows, {
          now: now(),
          onProgress: progress(id, 'writing'),
          onLoadProgress: progress(id, 'loading'),
          onCheckProgress: progress(id, 'rechecking'),
        });
        post({ type: 'written', id, plan: viewOfPlan(plan) });
        return;
      }
      case 'check-programs': {
        if (!table || !tableOfPrograms) throw new ImportFailure(userText('portability.session.columnsGone'));
        if (programMappingProblem(request.mapping)) throw new ImportFailure(userText('portability.programs.noName'));
        programs = undefined;
        const rows = await readProgramRowsAsync(table, request.mapping, progress(id, 'checking'));
        post({ type: 'progress', id, stage: 'comparing', done: 0, total: rows.rows.length });
        const plan = await previewProgramImport(rows, now());
        programs = rows;
        post({ type: 'program-plan', id, plan: viewOfProgramPlan(rows, plan) });
        return;
      }
      case 'write-programs': {
        const rows = programs;
        if (!rows) throw new ImportFailure(userText('portability.session.nothingChecked'));
        // Written once: a second confirmation has to go through a new dry run.
        programs = undefined;
        post({ type: 'progress', id, stage: 'writing', done: 0, total: rows.rows.length });
        const plan = await applyProgramImport(rows, now());
        post({ type: 'programs-written', id, plan: viewOfProgramPlan(rows, plan) });
        return;
      }
      case 'plan-restore':
        return planRestore(id, request.mode);
      case 'restore': {
        const restoring = backup;
        if (!restoring) throw new ImportFailure(userText('portability.session.nothingToRestore'));
        // Restored once: restoring again takes the file again.
        backup = undefined;
        const plan = await applyRestore(restoring, request.mode, { onProgress: progress(id, 'writing') });
        post({ type: 'restored', id, plan: viewOfRestore(plan, restoring.exportedAt) });
        return;
      }
    }
  };

  return {
    receive(data) {
      const request = ImportWorkerRequest.safeParse(data);
      if (!request.success) {
        post(failedEvent(requestIdOf(data), new ImportFailure(userText('portability.session.badRequest'))));
        return Promise.resolve();
      }
      const run = queue.then(() => handle(request.data)).catch((error: unknown) => post(failedEvent(request.data.id, error)));
      queue = run;
      return run;
    },
  };
}
