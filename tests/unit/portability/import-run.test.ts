/**
 * One file's import from the page's side (import-worker/import-run.ts), with the worker's client replaced by a
 * fake: a worker per file, started only for an admitted file, stopped by another file, Cancel, any failure and the
 * end of a write; a write marked while it runs; progress passed on with the file's name.
 */
import { describe, expect, it } from 'vitest';
import type { ImportClient, ImportProgress } from '../../../import-worker/import-client';
import { createImportRun } from '../../../import-worker/import-run';
import type { ContactPlanView } from '../../../messages/import-worker';
import { ImportFailure } from '../../../portability/issues';
import { takeUnfinishedWrite } from '../../../storage/write-marker';

const PLAN = { add: { total: 1 }, update: { total: 0 }, errors: { total: 0 } } as unknown as ContactPlanView;

interface FakeClient extends ImportClient {
  closed: boolean;
}

/** Clients that answer at once; `check` fails when asked to, `write` notes whether the write was marked. */
function fakes(options: { failCheck?: boolean } = {}) {
  const started: FakeClient[] = [];
  const markedDuringWrite: boolean[] = [];
  const startClient = (): ImportClient => {
    const client: FakeClient = {
      closed: false,
      async read(_kind, _file, onProgress?: ImportProgress) {
        onProgress?.('reading', 1, 2);
        return { type: 'table', header: ['Full name'], sample: [['Ana']], filled: 1 };
      },
      async check() {
        if (options.failCheck) throw new ImportFailure({ key: 'portability.client.stopped' });
        return PLAN;
      },
      async write() {
        // Read and put back, so that the marker is still there for the run to clear.
        const marker = takeUnfinishedWrite();
        markedDuringWrite.push(marker?.name === 'contacts.csv');
        if (marker) localStorage.setItem('rapport:write-in-progress', JSON.stringify(marker));
        return PLAN;
      },
      planRestore: async () => {
        throw new Error('not a backup');
      },
      restore: async () => {
        throw new Error('not a backup');
      },
      checkPrograms: async () => {
        throw new Error('not a program list');
      },
      writePrograms: async () => {
        throw new Error('not a program list');
      },
      close() {
        client.closed = true;
      },
    };
    started.push(client);
    return client;
  };
  return { started, markedDuringWrite, startClient };
}

const csv = (name = 'contacts.csv', text = 'Full name\nAna\n') => new File([text], name, { type: 'text/csv' });

describe('an import run', () => {
  it('starts a worker for each admitted file, stops the last one, and passes progress on with the file’s name', async () => {
    const { started, startClient } = fakes();
    const progress: unknown[] = [];
    const run = createImportRun({ onProgress: (p) => progress.push(p), startClient });
    expect(await run.read(csv())).toMatchObject({ type: 'table', filled: 1 });
    expect(progress).toEqual([{ name: 'contacts.csv', stage: 'reading', done: 1, total: 2 }]);
    await run.read(csv('other.csv'));
    expect(started.map((c) => c.closed)).toEqual([true, false]);
    run.stop();
    expect(started[1]!.closed).toBe(true);
  });

  it('a refused file starts no worker; a failed step stops the worker, and later steps say it is gone', async () => {
    const { started, startClient } = fakes({ failCheck: true });
    const run = createImportRun({ onProgress: () => undefined, startClient });
    await expect(run.read(csv('empty.csv', ''))).rejects.toBeInstanceOf(ImportFailure);
    await expect(run.read(csv('book.xlsx'))).rejects.toBeInstanceOf(ImportFailure);
    expect(started).toHaveLength(0);

    await run.read(csv());
    await expect(run.check('contacts.csv', {} as never)).rejects.toBeInstanceOf(ImportFailure);
    expect(started[0]!.closed).toBe(true);
    await expect(run.check('contacts.csv', {} as never)).rejects.toMatchObject({ text: { key: 'portability.client.gone' } });
  });

  it('a write is marked while it runs and ends the file’s import', async () => {
    const { started, markedDuringWrite, startClient } = fakes();
    const run = createImportRun({ onProgress: () => undefined, startClient });
    await run.read(csv());
    expect(await run.write('contacts.csv')).toBe(PLAN);
    expect(markedDuringWrite).toEqual([true]);
    expect(takeUnfinishedWrite()).toBeUndefined();
    expect(started[0]!.closed).toBe(true);

    // A failed write is unmarked too: the data is as it was, and no later panel says otherwise.
    await run.read(csv());
    await expect(run.restore('contacts.csv', 'merge')).rejects.toThrow('not a backup');
    expect(takeUnfinishedWrite()).toBeUndefined();
    expect(started[1]!.closed).toBe(true);
  });
});
