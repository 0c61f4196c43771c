/**
 * RELIABILITY L3: a contact import runs in a worker (import-worker/import.worker.ts),
 * so that the side panel's main thread never parses, plans or writes 100,000
 * rows. The worker wraps `createImportSession`, tested here directly; the page
 * talks to it through `createImportClient`, tested against a session in the
 * same process. Every message is checked against messages/import-worker.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactPlanView, ImportWorkerEvent, type ImportWorkerRequest } from '../../../messages/import-worker';
import { exportBackup } from '../../../storage/backup-export';
import { say, type UserText } from '../../../model/user-text';
import { parseBackup, serializeBackup } from '../../../portability/backup-format';
import { guessMapping } from '../../../portability/csv-columns';
import { importCsvRows } from '../../../portability/csv-import';
import { readCsv } from '../../../portability/csv-read';
import { createImportClient, WORKER_STOPPED } from '../../../import-worker/import-client';
import { inProcessWorker } from './in-process-worker';
import { createImportSession } from '../../../import-worker/import-session';
import { ImportFailure } from '../../../portability/issues';
import { MAX_CSV_COLUMNS, MAX_JSON_BYTES, MAX_LISTED_ISSUES, REPORT_LINES, REPORT_TEXT } from '../../../portability/limits';
import { parseConnections } from '../../../portability/linkedin-connections';
import { planContactImport } from '../../../portability/plan';
import { summarizePlan, summarizeRestore, summarizeRestoreView, viewOfPlan, viewOfRestore } from '../../../import-worker/plan-view';
import { previewRestore } from '../../../storage/restore';
import { SLICE_MS } from '../../../portability/slices';
import { db } from '../../../storage/db';
import { STORAGE_FULL } from '../../../storage/write-errors';
import { snapshot } from '../helpers';
import { fullContact, seedStore } from './seed';

const fixture = readFileSync(resolve(import.meta.dirname, '../../fixtures/imports/Connections.csv'), 'utf8');

function contactsCsv(rows: number): string {
  const lines = ['Full name,LinkedIn,Email,Organization,Notes'];
  for (let i = 0; i < rows; i++) lines.push(`Person ${i},https://www.linkedin.com/in/csv-${i},p${i}@example.org,"Hospital ${i % 5}","line one\nline two"`);
  return lines.join('\n');
}

const file = (text: string, name = 'contacts.csv') => new File([text], name, { type: 'text/csv' });

/** The seeded store's backup, as Rapport writes it. */
async function seededBackup(): Promise<string> {
  await seedStore();
  return serializeBackup(await exportBackup({ now: Date.UTC(2025, 8, 30), appVersion: '0.1.0' }));
}

/** A backup of `count` new contacts (none of the seeded store's). */
function backupOf(count: number): string {
  const contacts = Array.from({ length: count }, (_, i) =>
    fullContact({ id: `b-${i}`, fullName: `Backup ${i}`, identities: [`linkedin:backup-${i}`], profiles: { linkedin: `https://www.linkedin.com/in/backup-${i}/` } }),
  );
  return JSON.stringify({
    format: 'rapport-backup',
    version: 1,
    exportedAt: '2025-09-30T00:00:00.000Z',
    contacts,
    interactions: [],
    templates: [],
    settings: {},
    trash: [],
  });
}

type Said<E> = E extends { type: 'failed'; text: UserText } ? Omit<E, 'text'> & { message: string } : E;

/** A failure as the page shows it: its text said in English (the worker sends only the key and values). */
function said(event: ImportWorkerEvent): Said<ImportWorkerEvent> {
  if (event.type !== 'failed') return event;
  const { text, ...rest } = event;
  return { ...rest, message: say(text) };
}

/** A session that records what it posts, each event checked against the schema the page checks it with. */
function recordedSession(now = () => 1_000) {
  const events: Said<ImportWorkerEvent>[] = [];
  const session = createImportSession((event) => events.push(said(ImportWorkerEvent.parse(structuredClone(event)))), { now });
  const last = () => events.at(-1)!;
  return { session, events, last };
}

/** A clock that moves a whole slice on every reading, so that every step yields and reports. */
function slowClock() {
  let now = 0;
  return vi.spyOn(performance, 'now').mockImplementation(() => (now += SLICE_MS));
}

afterEach(() => vi.restoreAllMocks());

describe('the import session (what the worker runs)', () => {
  it('reads a Connections.csv through to the dry run, reporting each stage, and writes it when asked', async () => {
    await seedStore();
    const before = JSON.stringify(await snapshot());
    const { session, events, last } = recordedSession();
    slowClock();
    await session.receive({ type: 'read', id: 1, kind: 'connections', file: file(fixture, 'Connections.csv') });

    const stages = events.filter((e) => e.type === 'progress').map((e) => e.stage);
    expect(stages).toContain('reading');
    expect(stages.indexOf('checking')).toBeGreaterThan(stages.lastIndexOf('reading'));
    expect(stages.indexOf('comparing')).toBeGreaterThan(stages.lastIndexOf('checking'));
    expect(events.every((e) => e.id === 1)).toBe(true);
    const expected = viewOfPlan(planContactImport(parseConnections(fixture), await db.contacts.toArray(), { now: 1_000 }));
    const answer = last();
    expect(answer.type).toBe('plan');
    expect(answer.type === 'plan' && answer.plan).toEqual(expected);
    expect(summarizePlan(expected)).toBe('Would add 5 contacts, update 0 and skip 1.');
    // The dry run wrote nothing.
    expect(JSON.stringify(await snapshot())).toBe(before);

    await session.receive({ type: 'write', id: 2 });
    const written = last();
    expect(written.type === 'written' && summarizePlan(written.plan, true)).toBe('Added 5 contacts, updated 0 and skipped 1.');
    expect(events.some((e) => e.type === 'progress' && e.id === 2 && e.stage === 'writing')).toBe(true);
    expect(await db.contacts.count()).toBe(2 + 5);
    expect((await db.contacts.where('identities').equals('linkedin:priya-raman-md').first())?.createdAt).toBe(1_000);

    // What was written is forgotten: confirming twice does not write twice.
    await session.receive({ type: 'write', id: 3 });
    expect(last()).toMatchObject({ type: 'failed', id: 3, message: expect.stringMatching(/check the file first/) });
  });

  it('moves the progress line while it reads the saved contacts, in the dry run and again in the write', async () => {
    const saved = Array.from({ length: 4_500 }, (_, i) =>
      fullContact({ id: `saved-${String(i).padStart(4, '0')}`, fullName: `Saved ${i}`, identities: [`linkedin:saved-${i}`], profiles: {} }),
    );
    await db.contacts.bulkPut(saved);
    const { session, events } = recordedSession();
    await session.receive({ type: 'read', id: 1, kind: 'csv', file: file(contactsCsv(10)) });
    expect(events[0]).toMatchObject({ type: 'progress', id: 1, stage: 'reading', done: 0 });
    await session.receive({ type: 'check', id: 2, mapping: guessMapping(readCsv(contactsCsv(1)).header) });
    await session.receive({ type: 'write', id: 3 });
    const loading = (id: number) => events.flatMap((e) => (e.type === 'progress' && e.id === id && e.stage === 'loading' ? [`${e.done}/${e.total}`] : []));
    expect(loading(2)).toEqual(['2000/4500', '4000/4500', '4500/4500']);
    expect(loading(3)).toEqual(['2000/4500', '4000/4500', '4500/4500']);
    expect(await db.contacts.count()).toBe(4_510);
    // 4,500 saved contacts read twice: seconds on a busy 2-core machine, so it waits on its events, not on 5 s.
  }, 180_000);

  it('stops a CSV of contacts at its columns, checks it through a mapping, and again through another', async () => {
    const { session, events, last } = recordedSession();
    const text = contactsCsv(30);
    await session.receive({ type: 'read', id: 1, kind: 'csv', file: file(text) });
    const table = readCsv(text);
    expect(last()).toEqual({
      type: 'table',
      id: 1,
      header: ['Full name', 'LinkedIn', 'Email', 'Organization', 'Notes'],
      sample: table.rows.slice(0, 5).map((row) => row.map((cell) => cell.trim())),
      filled: 30,
    });

    const mapping = guessMapping(table.header);
    await session.receive({ type: 'check', id: 2, mapping });
    const expected = viewOfPlan(planContactImport(importCsvRows(table, mapping), [], { now: 1_000 }));
    const first = last();
    expect(first.type === 'plan' && first.plan).toEqual(expected);

    // "Back to columns": the same table, read again with the organization ignored.
    await session.receive({ type: 'check', id: 3, mapping: mapping.map((t) => (t === 'organization' ? undefined : t)) });
    const second = last();
    expect(second.type === 'plan' && second.plan.add.items[0]).toEqual({ row: 1, name: 'Person 0' });
    const stages = events.flatMap((e) => (e.type === 'progress' && e.id === 3 ? [e.stage] : []));
    expect(new Set(stages)).toEqual(new Set(['checking', 'loading', 'comparing']));

    await session.receive({ type: 'write', id: 4 });
    expect(last().type).toBe('written');
    expect((await db.contacts.toArray()).every((c) => c.organization === undefined)).toBe(true);
  });

  it('refuses a mapping that cannot tell who each row is, and a check before any file', async () => {
    const { session, last } = recordedSession();
    await session.receive({ type: 'check', id: 1, mapping: ['fullName'] });
    expect(last()).toMatchObject({ type: 'failed', id: 1, message: expect.stringMatching(/Choose the file again/) });
    await session.receive({ type: 'read', id: 2, kind: 'csv', file: file(contactsCsv(3)) });
    await session.receive({ type: 'check', id: 3, mapping: [undefined, 'profile', 'email'] });
    expect(last()).toMatchObject({ type: 'failed', id: 3, message: expect.stringMatching(/column that holds each person’s name/) });
  });

  it('answers a broken file with the reader’s failure and its row, and writes nothing', async () => {
    const { session, last } = recordedSession();
    await session.receive({ type: 'read', id: 1, kind: 'csv', file: file('Name,Notes\nA,"never closed\nB,c\n') });
    const failed = last();
    expect(failed).toMatchObject({ type: 'failed', id: 1, message: expect.stringMatching(/^Nothing was imported: the file is not valid CSV \(first problem in row 1/) });
    expect(failed.type === 'failed' && failed.issues[0]).toMatchObject({ row: 1, field: '' });

    // More columns than the page's messages carry: refused by the worker, in words.
    const wide = Array.from({ length: MAX_CSV_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
    await session.receive({ type: 'read', id: 2, kind: 'csv', file: file(`Name,${wide}\nAna,${wide}\n`) });
    expect(last()).toMatchObject({ type: 'failed', id: 2, message: 'The file has 2,002 columns; a CSV of contacts has at most 2,000. Nothing was imported.' });
    await session.receive({ type: 'check', id: 3, mapping: ['fullName'] });
    expect(last()).toMatchObject({ type: 'failed', id: 3, message: expect.stringMatching(/Choose the file again/) });
    expect(await db.contacts.count()).toBe(0);
  });

  it('reports bad rows by column, counted in full and listed up to the report’s length, each line cut short', async () => {
    const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    const huge = 'x'.repeat(5 * REPORT_TEXT);
    for (let i = 0; i < 300; i++) lines.push(`P${i},Q,https://www.linkedin.com/in/p-${i},,,,${huge}`);
    const { session, last } = recordedSession();
    await session.receive({ type: 'read', id: 1, kind: 'connections', file: file(lines.join('\n')) });
    const answer = last();
    if (answer.type !== 'plan') throw new Error(`expected a plan, got ${answer.type}`);
    expect(answer.plan.errors.total).toBe(300);
    expect(answer.plan.errors.items).toHaveLength(REPORT_LINES);
    expect(answer.plan.errors.items[0]).toMatchObject({ row: 1, field: 'Connected On' });
    // The cell quoted in the line is cut short; the sentence around it is the page's.
    expect(String(answer.plan.errors.items[0]!.text.values?.value).length).toBe(REPORT_TEXT);
    expect(answer.plan.add.total).toBe(0);

    // Confirming anyway is refused with the problems, however many.
    await session.receive({ type: 'write', id: 2 });
    const refused = last();
    expect(refused).toMatchObject({ type: 'failed', id: 2, message: expect.stringMatching(/^Nothing was imported: there are 300 problems/) });
    expect(refused.type === 'failed' && refused.issues.length).toBeLessThanOrEqual(MAX_LISTED_ISSUES);
    expect(await db.contacts.count()).toBe(0);
  });

  it('turns a full disk during the write into the storage-full message, and leaves the store as it was', async () => {
    await seedStore();
    const before = JSON.stringify(await snapshot());
    const { session, last } = recordedSession();
    await session.receive({ type: 'read', id: 1, kind: 'csv', file: file(contactsCsv(450)) });
    await session.receive({ type: 'check', id: 2, mapping: guessMapping(readCsv(contactsCsv(1)).header) });
    // The import adds its new contacts with bulkAdd.
    const original = db.contacts.bulkAdd.bind(db.contacts) as (...args: unknown[]) => Promise<unknown>;
    let writes = 0;
    vi.spyOn(db.contacts as unknown as { bulkAdd: (...args: unknown[]) => Promise<unknown> }, 'bulkAdd').mockImplementation((...args) => {
      writes++;
      return writes < 3 ? original(...args) : Promise.reject(new DOMException('full', 'QuotaExceededError'));
    });
    await session.receive({ type: 'write', id: 3 });
    expect(writes).toBe(3);
    expect(last()).toEqual({ type: 'failed', id: 3, message: say(STORAGE_FULL), issues: [] });
    vi.restoreAllMocks();
    expect(JSON.stringify(await snapshot())).toBe(before);
  });

  it('restores a backup: checks it, plans a merge, plans again on each switch of mode, and writes the mode chosen', async () => {
    await seedStore();
    const { session, events, last } = recordedSession();
    slowClock();
    await session.receive({ type: 'read', id: 1, kind: 'backup', file: file(backupOf(3), 'rapport-backup.json') });
    const merge = last();
    if (merge.type !== 'restore-plan') throw new Error(`expected a restore plan, got ${merge.type}`);
    const stages = events.filter((e) => e.type === 'progress').map((e) => e.stage);
    expect(stages[0]).toBe('reading');
    expect(stages).toContain('checking');
    expect(stages.at(-1)).toBe('comparing');
    // The same report and the same words as the page made from the whole plan.
    const backup = parseBackup(backupOf(3));
    const expected = await previewRestore(backup, 'merge');
    expect(merge.plan).toEqual(viewOfRestore(expected, '2025-09-30T00:00:00.000Z'));
    expect(summarizeRestoreView(merge.plan)).toBe(summarizeRestore(expected));
    expect(summarizeRestoreView(merge.plan)).toBe('Would add 3 contacts, update 0, skip 0; 0 interactions and 0 templates to add.');
    const before = JSON.stringify(await snapshot());

    await session.receive({ type: 'plan-restore', id: 2, mode: 'replace' });
    const replace = last();
    expect(replace.type === 'restore-plan' && summarizeRestoreView(replace.plan)).toBe(
      'Would restore 3 contacts, 0 interactions, 0 templates, 0 deleted contacts and the settings, replacing 2 current contacts.',
    );
    expect(replace.type === 'restore-plan' && replace.plan.removed).toEqual({ contacts: 2, interactions: 2, templates: 2, trash: 1, letters: 0, programs: 0 });
    await session.receive({ type: 'plan-restore', id: 3, mode: 'merge' });
    expect(last()).toEqual({ ...merge, id: 3 });
    // Dry runs wrote nothing.
    expect(JSON.stringify(await snapshot())).toBe(before);

    await session.receive({ type: 'restore', id: 4, mode: 'replace' });
    const restored = last();
    expect(restored.type === 'restored' && summarizeRestoreView(restored.plan, true)).toBe(
      'Restored 3 contacts, 0 interactions, 0 templates, 0 deleted contacts and the settings.',
    );
    expect(events.some((e) => e.type === 'progress' && e.id === 4 && e.stage === 'writing')).toBe(true);
    expect((await db.contacts.toArray()).map((c) => c.id).sort()).toEqual(['b-0', 'b-1', 'b-2']);

    // Restored once: confirming twice does not restore twice.
    await session.receive({ type: 'restore', id: 5, mode: 'merge' });
    expect(last()).toMatchObject({ type: 'failed', id: 5, message: expect.stringMatching(/choose the backup again/) });
  });

  it('restores a backup of every table exactly, in one transaction with strict durability', async () => {
    const text = await seededBackup();
    const before = await snapshot();
    await Promise.all(db.tables.map((t) => t.clear()));
    await db.open();
    const spy = vi.spyOn(Object.getPrototypeOf(db.backendDB()) as IDBDatabase, 'transaction');
    db.close();
    await db.open();
    const { session, last } = recordedSession();
    await session.receive({ type: 'read', id: 1, kind: 'backup', file: file(text, 'rapport-backup.json') });
    await session.receive({ type: 'restore', id: 2, mode: 'replace' });
    expect(last()).toMatchObject({ type: 'restored', id: 2 });
    expect(await snapshot()).toEqual(before);
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    expect(writes[0]![2]).toEqual({ durability: 'strict' });
  });

  it('refuses a backup over the size limit before reading it, and a broken one with its problems, writing nothing', async () => {
    await seedStore();
    const before = JSON.stringify(await snapshot());
    const { session, last } = recordedSession();
    // Not Rapport's signature: unknown JSON is held to MAX_JSON_BYTES, whatever the page admitted.
    const big = new File([' '.repeat(MAX_JSON_BYTES), '{}'], 'big.json', { type: 'application/json' });
    await session.receive({ type: 'read', id: 1, kind: 'backup', file: big });
    expect(last()).toMatchObject({ type: 'failed', id: 1, message: expect.stringMatching(/^The file is 25 MB; Rapport imports JSON files up to 25 MB\. Nothing was imported\.$/) });

    const broken = JSON.parse(backupOf(2)) as { contacts: Record<string, unknown>[] };
    broken.contacts[1]!.fullName = '';
    await session.receive({ type: 'read', id: 2, kind: 'backup', file: file(JSON.stringify(broken), 'rapport-backup.json') });
    const failed = last();
    expect(failed).toMatchObject({ type: 'failed', id: 2, message: expect.stringMatching(/^Nothing was imported/) });
    expect(failed.type === 'failed' && failed.issues[0]).toMatchObject({ row: 2, section: 'contacts', field: 'fullName' });
    await session.receive({ type: 'read', id: 3, kind: 'backup', file: file('{"format": "rapport-backup", "version": 1, "contacts": [', 'cut.json') });
    expect(last()).toMatchObject({ type: 'failed', id: 3, message: expect.stringMatching(/not complete JSON/) });
    await session.receive({ type: 'plan-restore', id: 4, mode: 'replace' });
    expect(last()).toMatchObject({ type: 'failed', id: 4, message: expect.stringMatching(/Choose the backup again/) });
    expect(JSON.stringify(await snapshot())).toBe(before);
  });

  it('turns a full disk during a restore into the storage-full message, and leaves the store as it was', async () => {
    await seedStore();
    const before = JSON.stringify(await snapshot());
    const { session, last } = recordedSession();
    await session.receive({ type: 'read', id: 1, kind: 'backup', file: file(backupOf(450), 'rapport-backup.json') });
    const original = db.contacts.bulkPut.bind(db.contacts) as (...args: unknown[]) => Promise<unknown>;
    let writes = 0;
    vi.spyOn(db.contacts as unknown as { bulkPut: (...args: unknown[]) => Promise<unknown> }, 'bulkPut').mockImplementation((...args) => {
      writes++;
      return writes < 3 ? original(...args) : Promise.reject(new DOMException('full', 'QuotaExceededError'));
    });
    await session.receive({ type: 'restore', id: 2, mode: 'replace' });
    expect(writes).toBe(3);
    expect(last()).toEqual({ type: 'failed', id: 2, message: say(STORAGE_FULL), issues: [] });
    vi.restoreAllMocks();
    expect(JSON.stringify(await snapshot())).toBe(before);
  });

  it.each<[string, unknown, number | undefined]>([
    ['an unknown type', { type: 'delete-all', id: 1 }, 1],
    ['no id', { type: 'write' }, undefined],
    ['a file that is not a file', { type: 'read', id: 2, kind: 'csv', file: 'C:\\contacts.csv' }, 2],
    ['a kind the worker does not read', { type: 'read', id: 3, kind: 'xlsx', file: file('{}') }, 3],
    ['an extra field', { type: 'write', id: 4, now: 0 }, 4],
    ['a restore mode that does not exist', { type: 'restore', id: 6, mode: 'overwrite' }, 6],
    ['a mapping to a field that does not exist', { type: 'check', id: 5, mapping: ['__proto__'] }, 5],
    ['nothing at all', null, undefined],
  ])('refuses %s with an error and changes nothing', async (_, request, id) => {
    await db.contacts.put(fullContact());
    const before = JSON.stringify(await snapshot());
    const { session, events } = recordedSession();
    await session.receive(request);
    expect(events).toEqual([
      { type: 'failed', ...(id === undefined ? {} : { id }), message: expect.stringMatching(/does not understand; nothing was changed/), issues: [] },
    ]);
    expect(JSON.stringify(await snapshot())).toBe(before);
  });

  it('handles requests one after another, in the order they came', async () => {
    const { session, events } = recordedSession();
    const mapping = guessMapping(readCsv(contactsCsv(1)).header);
    await Promise.all([
      session.receive({ type: 'read', id: 1, kind: 'csv', file: file(contactsCsv(20)) }),
      session.receive({ type: 'check', id: 2, mapping }),
      session.receive({ type: 'write', id: 3 }),
    ]);
    expect(events.filter((e) => e.type !== 'progress').map((e) => `${e.id} ${e.type}`)).toEqual(['1 table', '2 plan', '3 written']);
    expect(await db.contacts.count()).toBe(20);
  });
});

describe('the report the page receives', () => {
  it('keeps exact counts and only the first lines of each list', () => {
    const parsed = importCsvRows(readCsv(contactsCsv(120)), guessMapping(readCsv(contactsCsv(1)).header));
    const plan = planContactImport(parsed, [], { now: 1 });
    const view = ContactPlanView.parse(viewOfPlan(plan));
    expect(view.rows).toBe(120);
    expect(view.add.total).toBe(120);
    expect(view.add.items).toHaveLength(REPORT_LINES);
    expect(view.add.items[1]).toEqual({ row: 2, name: 'Person 1', organization: 'Hospital 1' });
    expect(summarizePlan(view)).toBe('Would add 120 contacts, update 0 and skip 0.');
    expect(summarizePlan({ add: { total: 1, items: [] }, update: { total: 0, items: [] }, skip: { total: 2, items: [] } }, true)).toBe(
      'Added 1 contact, updated 0 and skipped 2.',
    );
  });
});

describe('the page’s client of the worker', () => {
  it('reads, checks and writes through the worker, passing its progress on', async () => {
    const { worker, received, terminated } = inProcessWorker();
    const client = createImportClient(worker);
    const progress: string[] = [];
    const onProgress = (stage: string, done: number, total: number) => progress.push(`${stage} ${done}/${total}`);
    slowClock();

    const read = await client.read('csv', file(contactsCsv(40)), onProgress);
    expect(read).toMatchObject({ type: 'table', header: ['Full name', 'LinkedIn', 'Email', 'Organization', 'Notes'], filled: 40 });
    expect(progress.some((p) => p.startsWith('reading'))).toBe(true);
    const plan = await client.check(guessMapping(read.type === 'table' ? read.header : []), onProgress);
    expect(summarizePlan(plan)).toBe('Would add 40 contacts, update 0 and skip 0.');
    expect(await db.contacts.count()).toBe(0);
    const written = await client.write(onProgress);
    expect(summarizePlan(written, true)).toBe('Added 40 contacts, updated 0 and skipped 0.');
    expect(progress.at(-1)).toBe('writing 40/40');
    expect(await db.contacts.count()).toBe(40);
    expect(received.map((r) => r.type)).toEqual(['read', 'check', 'write']);
    expect(new Set(received.map((r) => r.id)).size).toBe(3);
    expect(terminated()).toBe(false);
  });

  it('restores a backup through the worker: the merge plan, the replace plan, then the restore', async () => {
    const { worker, received } = inProcessWorker();
    const client = createImportClient(worker);
    const progress: string[] = [];
    const onProgress = (stage: string, done: number, total: number) => progress.push(`${stage} ${done}/${total}`);
    slowClock();
    const read = await client.read('backup', file(backupOf(120), 'rapport-backup.json'), onProgress);
    if (read.type !== 'restore-plan') throw new Error(`expected a restore plan, got ${read.type}`);
    expect(read.plan.contacts.add.total).toBe(120);
    expect(read.plan.contacts.add.items).toHaveLength(REPORT_LINES);
    expect(progress.some((p) => p.startsWith('checking'))).toBe(true);
    const replace = await client.planRestore('replace', onProgress);
    expect(replace.mode).toBe('replace');
    const restored = await client.restore('replace', onProgress);
    expect(summarizeRestoreView(restored, true)).toBe('Restored 120 contacts, 0 interactions, 0 templates, 0 deleted contacts and the settings.');
    expect(progress.at(-1)).toBe('writing 121/121');
    expect(await db.contacts.count()).toBe(120);
    expect(received.map((r) => r.type)).toEqual(['read', 'plan-restore', 'restore']);
  });

  it('lets a confirmed restore finish when closed, then stops the worker', async () => {
    const { worker, terminated } = inProcessWorker();
    const client = createImportClient(worker);
    await client.read('backup', file(backupOf(300), 'rapport-backup.json'));
    const restoring = client.restore('merge');
    client.close();
    expect(terminated()).toBe(false);
    expect((await restoring).contacts.add.total).toBe(300);
    expect(terminated()).toBe(true);
    expect(await db.contacts.count()).toBe(300);
  });

  it('rejects with the worker’s ImportFailure, issues included', async () => {
    const client = createImportClient(inProcessWorker().worker);
    const failure = await client.read('csv', file('Name,Notes\nA,"never closed\n')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ImportFailure);
    expect((failure as ImportFailure).message).toMatch(/not valid CSV/);
    expect((failure as ImportFailure).issues).toHaveLength(1);
  });

  it('stops the worker at once when closed while reading, and nothing is written', async () => {
    const { worker, terminated } = inProcessWorker();
    const client = createImportClient(worker);
    const reading = client.read('csv', file(contactsCsv(10))).catch((e: unknown) => e);
    client.close();
    expect(terminated()).toBe(true);
    expect(await reading).toEqual(new ImportFailure(WORKER_STOPPED));
    await expect(client.check([])).rejects.toThrow(say(WORKER_STOPPED));
    expect(await db.contacts.count()).toBe(0);
  });

  it('lets a confirmed write finish when closed, then stops the worker', async () => {
    const { worker, terminated } = inProcessWorker();
    const client = createImportClient(worker);
    const read = await client.read('csv', file(contactsCsv(300)));
    await client.check(guessMapping(read.type === 'table' ? read.header : []));
    const writing = client.write();
    client.close();
    expect(terminated()).toBe(false);
    expect((await writing).add.total).toBe(300);
    expect(terminated()).toBe(true);
    expect(await db.contacts.count()).toBe(300);
  });

  it('stops, and rejects what is waiting, when the worker fails or answers out of turn', async () => {
    const broken = inProcessWorker();
    const first = createImportClient(broken.worker);
    const waiting = first.read('csv', file(contactsCsv(5))).catch((e: unknown) => e);
    broken.fire('error');
    expect(await waiting).toEqual(new ImportFailure(WORKER_STOPPED));
    expect(broken.terminated()).toBe(true);

    // A worker that answers a read with "written", or with something that is not an event at all.
    for (const forge of [
      (event: ImportWorkerEvent) => (event.type === 'table' ? { ...event, type: 'written', plan: viewOfPlan(planContactImport({ incoming: [], skipped: [], issues: [], rows: 0 }, [])) } : event),
      (event: ImportWorkerEvent) => (event.type === 'table' ? { ...event, header: 'Name' } : event),
    ]) {
      const liar = inProcessWorker((event, deliver) => deliver(forge(event)));
      const client = createImportClient(liar.worker);
      const failure = await client.read('csv', file(contactsCsv(5))).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ImportFailure);
      expect((failure as Error).message).toMatch(/the import was stopped/);
      expect(liar.terminated()).toBe(true);
    }
  });
});
