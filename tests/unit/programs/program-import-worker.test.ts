/**
 * The program spreadsheet imported in the import worker (RELIABILITY L3), as contacts are: the session reads it
 * up to its columns, checks every row through the mapping and plans it against the saved programs (unknown status
 * words and bad rows in the dry run), then writes it all or nothing; the page's client and run drive it, and
 * Cancel stops the worker before anything is written.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportWorkerEvent, ProgramPlanView } from '../../../messages/import-worker';
import { createImportClient } from '../../../import-worker/import-client';
import { inProcessWorker } from '../portability/in-process-worker';
import { createImportRun } from '../../../import-worker/import-run';
import { createImportSession } from '../../../import-worker/import-session';
import { viewOfProgramPlan } from '../../../import-worker/plan-view';
import { say } from '../../../model/user-text';
import { readCsv } from '../../../portability/csv-read';
import { ImportFailure } from '../../../portability/issues';
import { MAX_PROGRAM_ROWS, guessProgramMapping, planProgramImport, readProgramRows } from '../../../portability/program-csv';
import { SLICE_MS } from '../../../portability/slices';
import { db } from '../../../storage/db';
import { addProgram, listPrograms } from '../../../storage/programs';
import { takeUnfinishedWrite } from '../../../storage/write-marker';
import { snapshot } from '../helpers';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../fixtures/imports/programs.csv'), 'utf8');
const file = (text: string, name = 'programs.csv') => new File([text], name, { type: 'text/csv' });

function recordedSession(now = () => 2_000) {
  const events: ImportWorkerEvent[] = [];
  const session = createImportSession((event) => events.push(ImportWorkerEvent.parse(structuredClone(event))), { now });
  return { session, events, last: () => events.at(-1)! };
}

afterEach(() => vi.restoreAllMocks());

describe('the import session, on a program spreadsheet', () => {
  it('reads it to its columns, plans it with the unknown status words, and writes it once', async () => {
    await addProgram({ name: 'Lakeside University Medical Center IM' });
    const before = JSON.stringify(await snapshot());
    const { session, events, last } = recordedSession();
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += SLICE_MS));

    await session.receive({ type: 'read', id: 1, kind: 'programs', file: file(SAMPLE) });
    const table = last();
    if (table.type !== 'table') throw new Error(`expected a table, got ${table.type}`);
    expect(table.header[0]).toBe('Program');
    const mapping = guessProgramMapping(table.header);

    await session.receive({ type: 'check-programs', id: 2, mapping });
    const stages = events.filter((e) => e.type === 'progress' && e.id === 2).map((e) => (e.type === 'progress' ? e.stage : ''));
    expect(stages).toContain('checking');
    expect(stages.at(-1)).toBe('comparing');
    const dry = last();
    if (dry.type !== 'program-plan') throw new Error(`expected a program plan, got ${dry.type}`);
    const parsed = readProgramRows(readCsv(SAMPLE), mapping);
    const expected = viewOfProgramPlan(parsed, planProgramImport(parsed, await listPrograms(), 2_000, () => 'x'));
    expect(dry.plan).toEqual(expected);
    expect(dry.plan.unknownStatuses).toEqual({ total: 1, items: [{ word: 'Dream program', rows: 1, firstRow: 8 }] });
    expect(dry.plan.update.items.map((u) => u.name)).toEqual(['Lakeside University Medical Center IM']);
    expect(dry.plan.errors.total).toBe(0);
    // The dry run wrote nothing.
    expect(JSON.stringify(await snapshot())).toBe(before);

    await session.receive({ type: 'write-programs', id: 3 });
    const written = last();
    if (written.type !== 'programs-written') throw new Error(`expected the programs written, got ${written.type}`);
    expect(written.plan.add.total).toBe(dry.plan.add.total);
    expect(await db.programs.count()).toBe(1 + dry.plan.add.total);
    // Written once: confirming again has to go through a new dry run.
    await session.receive({ type: 'write-programs', id: 4 });
    expect(last()).toMatchObject({ type: 'failed', id: 4 });
    expect(await db.programs.count()).toBe(1 + dry.plan.add.total);
  });

  it('lists a bad row in the dry run and writes nothing', async () => {
    const { session, last } = recordedSession();
    await session.receive({ type: 'read', id: 1, kind: 'programs', file: file('Program,Interview Date,Status\nA,02/11/2026,Applied\nB,,Dream program\n') });
    await session.receive({ type: 'check-programs', id: 2, mapping: ['name', 'interview', 'stage'] });
    const dry = last();
    if (dry.type !== 'program-plan') throw new Error(`expected a program plan, got ${dry.type}`);
    expect(dry.plan.errors.items.map((i) => [i.row, i.field])).toEqual([[1, 'interview']]);
    expect(dry.plan.unknownStatuses.items).toEqual([{ word: 'Dream program', rows: 1, firstRow: 2 }]);
    await session.receive({ type: 'write-programs', id: 3 });
    const failed = last();
    expect(failed).toMatchObject({ type: 'failed', id: 3 });
    expect(await db.programs.count()).toBe(0);
  });

  it('keeps the kinds apart, refuses a sheet with no name column or too many rows, and checks the mapping', async () => {
    const { session, last } = recordedSession();
    await session.receive({ type: 'read', id: 1, kind: 'programs', file: file('Program,City\nA,Boston\n') });
    // A contact mapping never reads a program table.
    await session.receive({ type: 'check', id: 2, mapping: ['fullName'] });
    expect(last()).toMatchObject({ type: 'failed', id: 2 });
    await session.receive({ type: 'read', id: 3, kind: 'programs', file: file('Program,City\nA,Boston\n') });
    await session.receive({ type: 'check-programs', id: 4, mapping: [undefined, 'city'] });
    const noName = last();
    expect(noName.type === 'failed' && say(noName.text)).toMatch(/program’s name/);
    await session.receive({ type: 'check-programs', id: 5, mapping: ['not-a-field'] });
    expect(last()).toMatchObject({ type: 'failed', id: 5 });
    const rows = ['Program', ...Array.from({ length: MAX_PROGRAM_ROWS + 1 }, (_, i) => `P${i}`)].join('\n');
    await session.receive({ type: 'read', id: 6, kind: 'programs', file: file(rows, 'huge.csv') });
    const tooLarge = last();
    expect(tooLarge.type === 'failed' && say(tooLarge.text)).toMatch(/huge\.csv.*5,?001 rows/);
  });

  it('the message schema refuses a plan view longer than a report', () => {
    const items = Array.from({ length: 500 }, () => 'A');
    expect(ProgramPlanView.safeParse({ add: { total: 500, items }, update: { total: 0, items: [] }, same: 0, unknownStatuses: { total: 0, items: [] }, errors: { total: 0, items: [] } }).success).toBe(false);
  });
});

describe('the page’s side of a program import', () => {
  it('a run reads, checks and writes the sheet through the client, marking the write while it runs', async () => {
    const { worker, received, terminated } = inProcessWorker();
    const progress: string[] = [];
    const run = createImportRun({ onProgress: ({ name, stage }) => progress.push(`${name} ${stage}`), startClient: () => createImportClient(worker) });
    const read = await run.readPrograms(file(SAMPLE));
    if (read.type !== 'table') throw new Error(`expected a table, got ${read.type}`);
    const plan = await run.checkPrograms('programs.csv', guessProgramMapping(read.header));
    expect(plan.add.total).toBeGreaterThan(5);
    expect(await db.programs.count()).toBe(0);
    const written = await run.writePrograms('programs.csv');
    expect(written.add.total).toBe(plan.add.total);
    expect(await db.programs.count()).toBe(plan.add.total);
    expect(received.map((r) => [r.type, r.type === 'read' ? r.kind : '']).map((p) => p.join(' ').trim())).toEqual(['read programs', 'check-programs', 'write-programs']);
    expect(progress).toContain('programs.csv writing');
    // The write is over: no marker left, and the worker stopped with the file's import.
    expect(takeUnfinishedWrite()).toBeUndefined();
    expect(terminated()).toBe(true);
  });

  it('refuses a JSON file before starting a worker, and Cancel stops the worker before anything is written', async () => {
    const started: ReturnType<typeof inProcessWorker>[] = [];
    const run = createImportRun({
      onProgress: () => undefined,
      startClient: () => {
        const w = inProcessWorker();
        started.push(w);
        return createImportClient(w.worker);
      },
    });
    await expect(run.readPrograms(file('{"format":"rapport"}', 'backup.json'))).rejects.toThrow(/not a CSV/);
    expect(started).toHaveLength(0);

    const read = await run.readPrograms(file(SAMPLE));
    if (read.type !== 'table') throw new Error(`expected a table, got ${read.type}`);
    const checking = run.checkPrograms('programs.csv', guessProgramMapping(read.header));
    run.stop();
    await expect(checking).rejects.toBeInstanceOf(ImportFailure);
    expect(started[0]!.terminated()).toBe(true);
    await expect(run.writePrograms('programs.csv')).rejects.toBeInstanceOf(ImportFailure);
    expect(await db.programs.count()).toBe(0);
  });
});
