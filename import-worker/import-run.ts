/**
 * One file's import from the page's side, for the import wizard (components/settings/ImportWizard.tsx), which only
 * shows the steps: the file admitted by its size and kind, a fresh worker started for it (./import-client.ts), its
 * progress passed on, and the worker stopped when the file is done with, when another file is chosen, on Cancel, on
 * any failure and when the wizard goes away. A confirmed write is marked while it runs (storage/write-marker.ts), so
 * that a panel closed mid-write is told the next time.
 */
import type { ColumnMapping } from '../portability/csv-columns';
import { admitFile, probeFile, type ImportKind } from '../portability/detect';
import { ImportFailure } from '../portability/issues';
import { markWriteEnded, markWriteStarted } from '../storage/write-marker';
import { userText } from '../model/user-text';
import type { ContactPlanView, ImportStage, ProgramPlanView, RestorePlanView, WorkerImportKind } from '../messages/import-worker';
import type { ProgramMapping } from '../portability/program-csv';
import { createImportClient, type ImportClient, type ReadResult } from './import-client';

type RestoreMode = RestorePlanView['mode'];

/** Progress of the file named `name`, as the worker reports it. */
export type RunProgress = (progress: { name: string; stage: ImportStage; done: number; total: number }) => void;

export interface ImportRun {
  /** Admits the file, stops any worker of an earlier file, starts one for this file and reads it. */
  read(file: File): Promise<ReadResult>;
  /** The CSV's rows through `mapping`, then the dry run. */
  check(name: string, mapping: ColumnMapping): Promise<ContactPlanView>;
  /** The backup's dry run in another mode. */
  planRestore(name: string, mode: RestoreMode): Promise<RestorePlanView>;
  /** Writes the checked contacts, all or nothing; the file's import is then over. */
  write(name: string): Promise<ContactPlanView>;
  /** Restores the backup, all or nothing; the file's import is then over. */
  restore(name: string, mode: RestoreMode): Promise<RestorePlanView>;
  /** Admits a program spreadsheet (the Programs view's file: a CSV whatever its columns), starts a worker and reads it up to its columns. */
  readPrograms(file: File): Promise<ReadResult>;
  /** The program spreadsheet's rows through `mapping`, then the dry run. */
  checkPrograms(name: string, mapping: ProgramMapping): Promise<ProgramPlanView>;
  /** Writes the checked programs, all or nothing; the file's import is then over. */
  writePrograms(name: string): Promise<ProgramPlanView>;
  /** Stops the worker (Cancel, another file, the wizard closed); a confirmed write is let finish first. */
  stop(): void;
}

export function createImportRun({ onProgress, startClient = createImportClient }: { onProgress: RunProgress; startClient?: () => ImportClient }): ImportRun {
  let client: ImportClient | undefined;
  const stop = () => {
    client?.close();
    client = undefined;
  };
  const current = () => {
    if (!client) throw new ImportFailure(userText('portability.client.gone'));
    return client;
  };
  const progressOf = (name: string) => (stage: ImportStage, done: number, total: number) => onProgress({ name, stage, done, total });
  /** Any failure ends the file's import: its worker has nothing more to do. */
  const ending = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      stop();
      throw error;
    }
  };
  const writing = <T>(name: string, step: () => Promise<T>): Promise<T> =>
    ending(async () => {
      markWriteStarted(name);
      try {
        const done = await step();
        stop();
        return done;
      } finally {
        markWriteEnded();
      }
    });

  /** Stops any earlier file's worker, admits this file as `kindOf` says, and starts a worker to read it. */
  const start = (file: File, kindOf: (kind: ImportKind) => WorkerImportKind) =>
    ending(async () => {
      stop();
      const admission = admitFile(await probeFile(file));
      if (!admission.ok) throw new ImportFailure(admission.text);
      const kind = kindOf(admission.kind);
      client = startClient();
      return client.read(kind, file, progressOf(file.name));
    });

  return {
    read: (file) => start(file, (kind) => kind),
    readPrograms: (file) =>
      start(file, (kind) => {
        // A program list is a table: a JSON file (a backup) is not one. A Connections.csv is read as the table it is.
        if (kind === 'backup') throw new ImportFailure(userText('portability.programs.notCsv', { name: file.name.slice(0, 40) }));
        return 'programs';
      }),
    checkPrograms: (name, mapping) => ending(() => current().checkPrograms(mapping, progressOf(name))),
    writePrograms: (name) => writing(name, () => current().writePrograms(progressOf(name))),
    check: (name, mapping) => ending(() => current().check(mapping, progressOf(name))),
    planRestore: (name, mode) => ending(() => current().planRestore(mode, progressOf(name))),
    write: (name) => writing(name, () => current().write(progressOf(name))),
    restore: (name, mode) => writing(name, () => current().restore(mode, progressOf(name))),
    stop,
  };
}
