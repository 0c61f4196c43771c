/**
 * The page's side of the import worker (./import.worker.ts): typed requests
 * in, checked answers out, as promises the import wizard awaits. One client,
 * one worker, one file: the wizard starts a client when a contact file is
 * chosen and closes it when the file is done with or the wizard goes away.
 */
import { invalidateFirstScreen } from '../storage/first-screen';
import {
  ImportWorkerEvent,
  type ContactPlanView,
  type ImportStage,
  type ImportWorkerRequest,
  type ProgramPlanView,
  type RestorePlanView,
  type WorkerImportKind,
} from '../messages/import-worker';
import type { ColumnMapping } from '../portability/csv-columns';
import type { ProgramMapping } from '../portability/program-csv';
import { ImportFailure } from '../portability/issues';
// Vite bundles the worker into a file of its own and gives its constructor (no eval, no remote code). The
// `new Worker(new URL('./import.worker.ts', import.meta.url))` form is not bundled under WXT, which rewrites
// `import.meta.url` before Vite can see it (wxt-dev/wxt#2032).
import ImportWorker from './import.worker.ts?worker';
import { userText } from '../model/user-text';

/** What the client needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
}

export type ImportProgress = (stage: ImportStage, done: number, total: number) => void;

/** A CSV of contacts read as far as its columns, for the mapping step. */
export interface TableSample {
  header: string[];
  /** The first rows with a value, one cell per column. */
  sample: string[][];
  /** Rows with at least one value. */
  filled: number;
}

export type ReadResult =
  | ({ type: 'table' } & TableSample)
  | { type: 'plan'; plan: ContactPlanView }
  /** A Rapport backup, checked and planned as a merge. */
  | { type: 'restore-plan'; plan: RestorePlanView };

type RestoreMode = RestorePlanView['mode'];

export interface ImportClient {
  /** Reads the file: a Connections.csv or a backup up to its dry run, a CSV of contacts or of programs up to its columns. */
  read(kind: WorkerImportKind, file: Blob, onProgress?: ImportProgress): Promise<ReadResult>;
  /** Reads the CSV's rows through `mapping`, then the dry run. */
  check(mapping: ColumnMapping, onProgress?: ImportProgress): Promise<ContactPlanView>;
  /** Writes what the last dry run checked, all or nothing. */
  write(onProgress?: ImportProgress): Promise<ContactPlanView>;
  /** The dry run of the backup read last, in another mode. */
  planRestore(mode: RestoreMode, onProgress?: ImportProgress): Promise<RestorePlanView>;
  /** Restores the backup read last, all or nothing. */
  restore(mode: RestoreMode, onProgress?: ImportProgress): Promise<RestorePlanView>;
  /** Reads the program spreadsheet's rows (read as `programs`) through `mapping`, then its dry run. */
  checkPrograms(mapping: ProgramMapping, onProgress?: ImportProgress): Promise<ProgramPlanView>;
  /** Writes the programs the last program dry run checked, all or nothing. */
  writePrograms(onProgress?: ImportProgress): Promise<ProgramPlanView>;
  /**
   * Stops the worker. Reading and checking stop at once (nothing was
   * written); a write the user confirmed is let finish, committed whole or
   * rolled back whole, and the worker stops after it.
   */
  close(): void;
}

export const WORKER_STOPPED = userText('portability.client.stopped');

/** The worker, bundled from ./import.worker.ts as a module worker (wxt.config.ts: `worker.format`). */
export function startImportWorker(): WorkerLike {
  return new ImportWorker({ name: 'rapport-import' });
}

type Terminal = Exclude<ImportWorkerEvent, { type: 'progress' }>;

interface Pending {
  request: ImportWorkerRequest['type'];
  onProgress?: ImportProgress;
  settle(event: Terminal): void;
  fail(error: ImportFailure): void;
}

/** The answers each request may end with. */
const ANSWERS: Record<ImportWorkerRequest['type'], Terminal['type'][]> = {
  read: ['table', 'plan', 'restore-plan', 'failed'],
  check: ['plan', 'failed'],
  write: ['written', 'failed'],
  'plan-restore': ['restore-plan', 'failed'],
  restore: ['restored', 'failed'],
  'check-programs': ['program-plan', 'failed'],
  'write-programs': ['programs-written', 'failed'],
};

/** The requests that write: a closing client lets them finish. */
const WRITES: readonly ImportWorkerRequest['type'][] = ['write', 'restore', 'write-programs'];

/**
 * The worker has no localStorage, so its writes cannot make the side panel's first-screen snapshot stale themselves
 * (storage/first-screen.ts): this page does, before the write starts and again once it has ended.
 */
async function aroundWorkerWrite<T>(write: () => Promise<T>): Promise<T> {
  invalidateFirstScreen();
  try {
    return await write();
  } finally {
    invalidateFirstScreen();
  }
}

export function createImportClient(worker: WorkerLike = startImportWorker()): ImportClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  /** Why the worker can take no more requests, once it cannot. */
  let stopped: ImportFailure | undefined;
  let closing = false;

  const stop = (failure: ImportFailure) => {
    stopped ??= failure;
    worker.terminate();
    for (const entry of pending.values()) entry.fail(failure);
    pending.clear();
  };

  worker.addEventListener('message', (message) => {
    const parsed = ImportWorkerEvent.safeParse((message as MessageEvent<unknown>).data);
    if (!parsed.success) {
      stop(new ImportFailure(userText('portability.client.badAnswer')));
      return;
    }
    const event = parsed.data;
    if (event.id === undefined) {
      // A failure outside any request: every request waiting is over.
      for (const entry of [...pending.values()]) entry.settle(event as Terminal);
      return;
    }
    const entry = pending.get(event.id);
    if (!entry) return;
    if (event.type === 'progress') {
      entry.onProgress?.(event.stage, event.done, event.total);
      return;
    }
    if (!ANSWERS[entry.request].includes(event.type)) {
      stop(new ImportFailure(userText('portability.client.wrongAnswer', { request: entry.request, answer: event.type })));
      return;
    }
    entry.settle(event);
  });
  // The worker's script failed to load or threw outside the session, or a message could not be copied.
  worker.addEventListener('error', () => stop(new ImportFailure(WORKER_STOPPED)));
  worker.addEventListener('messageerror', () => stop(new ImportFailure(WORKER_STOPPED)));

  function send(request: ImportWorkerRequest, onProgress?: ImportProgress): Promise<Terminal> {
    if (stopped) return Promise.reject(stopped);
    return new Promise<Terminal>((resolve, reject) => {
      const done = () => {
        pending.delete(request.id);
        if (closing && pending.size === 0) stop(new ImportFailure(WORKER_STOPPED));
      };
      pending.set(request.id, {
        request: request.type,
        ...(onProgress ? { onProgress } : {}),
        settle: (event) => {
          done();
          if (event.type === 'failed') reject(new ImportFailure(event.text, event.issues));
          else resolve(event);
        },
        fail: (error) => {
          pending.delete(request.id);
          reject(error);
        },
      });
      worker.postMessage(request);
    });
  }

  return {
    async read(kind, file, onProgress) {
      const event = await send({ type: 'read', id: nextId++, kind, file }, onProgress);
      if (event.type === 'table') return { type: 'table', header: event.header, sample: event.sample, filled: event.filled };
      if (event.type === 'restore-plan') return { type: 'restore-plan', plan: event.plan };
      return { type: 'plan', plan: (event as Extract<Terminal, { type: 'plan' }>).plan };
    },
    async check(mapping, onProgress) {
      const event = await send({ type: 'check', id: nextId++, mapping }, onProgress);
      return (event as Extract<Terminal, { type: 'plan' }>).plan;
    },
    async write(onProgress) {
      const event = await aroundWorkerWrite(() => send({ type: 'write', id: nextId++ }, onProgress));
      return (event as Extract<Terminal, { type: 'written' }>).plan;
    },
    async planRestore(mode, onProgress) {
      const event = await send({ type: 'plan-restore', id: nextId++, mode }, onProgress);
      return (event as Extract<Terminal, { type: 'restore-plan' }>).plan;
    },
    async restore(mode, onProgress) {
      const event = await aroundWorkerWrite(() => send({ type: 'restore', id: nextId++, mode }, onProgress));
      return (event as Extract<Terminal, { type: 'restored' }>).plan;
    },
    async checkPrograms(mapping, onProgress) {
      const event = await send({ type: 'check-programs', id: nextId++, mapping }, onProgress);
      return (event as Extract<Terminal, { type: 'program-plan' }>).plan;
    },
    async writePrograms(onProgress) {
      const event = await aroundWorkerWrite(() => send({ type: 'write-programs', id: nextId++ }, onProgress));
      return (event as Extract<Terminal, { type: 'programs-written' }>).plan;
    },
    close() {
      if (stopped || closing) return;
      closing = true;
      const writing = [...pending.values()].some((entry) => WRITES.includes(entry.request));
      if (!writing) stop(new ImportFailure(WORKER_STOPPED));
    },
  };
}
