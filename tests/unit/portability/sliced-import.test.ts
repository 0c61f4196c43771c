/**
 * RELIABILITY L3: the side panel parses, checks and writes a large import in
 * slices. The sliced functions must give exactly what the one-go functions
 * give, report progress as they go, and keep the write all-or-nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../storage/db';
import { listContacts } from '../../../storage/contacts';
import { guessMapping } from '../../../portability/csv-columns';
import { importCsvRows, importCsvRowsAsync } from '../../../portability/csv-import';
import { readCsv, readCsvAsync } from '../../../portability/csv-read';
import { applyContactImport, previewContactImport } from '../../../storage/import-contacts';
import { ImportFailure } from '../../../portability/issues';
import { parseConnections, parseConnectionsAsync } from '../../../portability/linkedin-connections';
import { planContactImport, type ContactImportPlan } from '../../../portability/plan';
import { CHUNK_MS, FIRST_CHUNK, MAX_CHUNK, MIN_CHUNK, SLICE_MS, createChunkSizer, writeInChunks } from '../../../portability/slices';
import { snapshot } from '../helpers';
import { fullContact, seedStore } from './seed';

const fixture = readFileSync(resolve(import.meta.dirname, '../../fixtures/imports/Connections.csv'), 'utf8');

/** Every 97th row has no name and every 89th a link that is not LinkedIn's, unless `clean`. */
function connectionsCsv(rows: number, clean = false): string {
  const lines = ['\uFEFFNotes:', '"Some email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < rows; i++) {
    const name = !clean && i % 97 === 5 ? ',' : `Person${i},"Müller-${i}, MD"`;
    const url = !clean && i % 89 === 7 ? 'https://example.org/not-linkedin' : `https://www.linkedin.com/in/person-${i % 1_000}`;
    lines.push(`${name},${url},${i % 3 ? '' : `p${i}@example.org`},"Hospital ${i % 50}, ""Main"" Campus",Resident,${(i % 28) + 1} Aug 2024`);
  }
  return lines.join('\r\n');
}

/** A clock that moves a whole slice on every reading, so that every step yields and reports. */
function slowClock() {
  let now = 0;
  return vi.spyOn(performance, 'now').mockImplementation(() => (now += SLICE_MS));
}

afterEach(() => vi.restoreAllMocks());

describe('readCsvAsync', () => {
  const inputs: Record<string, string> = {
    'CRLF with a BOM and quoted line breaks': '\uFEFFName,Notes\r\n"Wen Li","line one\r\nline two, with ""quotes"""\r\nPriya,plain\r\n',
    'blank lines before the header and between rows': '\n\nName,Email\nA,a@x.org\n\n\nB,b@x.org\n\n',
    'semicolons, as Excel writes in many locales': 'Name;Notes\n"Raman, Priya";"a;b"\nLi;c\n',
    'old Mac line breaks': 'Name,Notes\r"A","x\ry"\rB,z',
    'no line break at the end': 'Name\nA\nB',
  };
  for (const [name, text] of Object.entries(inputs)) {
    it(`reads ${name} exactly as readCsv does, whatever the chunk size`, async () => {
      const whole = readCsv(text);
      for (const chunkChars of [1, 2, 3, 5, 8, 64, undefined]) {
        expect(await readCsvAsync(text, { chunkChars })).toEqual(whole);
      }
    });
  }

  it('agrees with readCsv on 400 random files of quotes, separators and line breaks, cut anywhere', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pieces = ['a', 'Bé', ',', '"', '""', '\n', '\r\n', '\r', ' ', ';', '\t', 'x"y'];
    const outcome = async (read: () => unknown) => {
      try {
        return { table: await read() };
      } catch (error) {
        return { failure: (error as Error).message };
      }
    };
    for (let n = 0; n < 400; n++) {
      let text = 'Name,Notes\n';
      const length = 1 + Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      const expected = await outcome(() => readCsv(text));
      const chunkChars = 1 + Math.floor(random() * 9);
      expect(await outcome(() => readCsvAsync(text, { chunkChars })), JSON.stringify({ text, chunkChars })).toEqual(expected);
    }
  });

  it('fails a broken file with the same message as readCsv', async () => {
    const broken = fixture.replace('"Resident Physician, Internal Medicine"', '"Resident Physician, Internal Medicine');
    const start = fixture.indexOf('First Name');
    for (const text of [broken.slice(start), 'Name\n', '   \n', 'Name,Notes\nA,"never closed\nB,c\n']) {
      const expected = (() => {
        try {
          readCsv(text);
        } catch (error) {
          return (error as Error).message;
        }
        throw new Error('readCsv accepted a broken file');
      })();
      for (const chunkChars of [1, 7, undefined]) {
        const failure = await readCsvAsync(text, { chunkChars }).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(ImportFailure);
        expect((failure as Error).message).toBe(expected);
      }
    }
  });

  it('reports progress through the file, ending at its length', async () => {
    slowClock();
    const text = connectionsCsv(300).slice(connectionsCsv(1).indexOf('First Name'));
    const seen: [number, number][] = [];
    await readCsvAsync(text, { chunkChars: 1_000, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([text.length, text.length]);
  });
});

describe('sliced import', () => {
  it('parseConnectionsAsync gives what parseConnections gives, reading then checking', async () => {
    for (const text of [fixture, connectionsCsv(2_500)]) {
      expect(await parseConnectionsAsync(text)).toEqual(parseConnections(text));
    }
    slowClock();
    const stages: string[] = [];
    const parsed = await parseConnectionsAsync(connectionsCsv(200), (stage, done, total) => stages.push(`${stage} ${done}/${total}`));
    expect(parsed).toEqual(parseConnections(connectionsCsv(200)));
    expect(stages.some((s) => s.startsWith('reading'))).toBe(true);
    expect(stages.findLastIndex((s) => s.startsWith('reading'))).toBeLessThan(stages.findIndex((s) => s.startsWith('checking')));
    expect(stages.filter((s) => s.startsWith('checking')).length).toBeGreaterThan(10);
    expect(stages.at(-1)).toBe('checking 200/200');
  });

  it('importCsvRowsAsync gives what importCsvRows gives', async () => {
    const lines = ['Name,LinkedIn,Email,Status,Tags'];
    for (let i = 0; i < 1_200; i++) lines.push(`Person ${i},https://www.linkedin.com/in/p-${i % 700},p${i}@x.org,${i % 300 === 1 ? 'Maybe' : 'Contacted'},a; b`);
    const table = readCsv(lines.join('\n'));
    const mapping = guessMapping(table.header);
    slowClock();
    const progress: number[] = [];
    expect(await importCsvRowsAsync(table, mapping, (done) => progress.push(done))).toEqual(importCsvRows(table, mapping));
    expect(progress.length).toBeGreaterThan(100);
    expect(progress.at(-1)).toBe(1_200);
  });

  it('the sliced dry run plans what planContactImport plans', async () => {
    await seedStore();
    await db.contacts.put(fullContact({ id: 'c-p3', fullName: 'Old Name', organization: '', identities: ['linkedin:person-3'], profiles: {} }));
    const parsed = parseConnections(connectionsCsv(1_500));
    const withoutIds = (plan: ContactImportPlan) => ({ ...plan, add: plan.add.map(({ id: _id, ...rest }) => rest) });
    const expected = planContactImport(parsed, await db.contacts.toArray(), { now: 42 });
    expect(expected.update.length).toBeGreaterThan(0);
    slowClock();
    let calls = 0;
    const plan = await previewContactImport(parsed, 42, () => calls++);
    expect(withoutIds(plan)).toEqual(withoutIds(expected));
    expect(calls).toBeGreaterThan(100);
  });

  it('pauses inside the write transaction and still rolls back everything when a later chunk fails', async () => {
    await seedStore();
    const before = JSON.stringify(await snapshot());
    const parsed = parseConnections(connectionsCsv(FIRST_CHUNK * 7, true));
    expect(parsed.issues).toEqual([]);
    slowClock();
    // New contacts are written with bulkAdd, updates with bulkPut: the third chunk fails, whichever it is.
    let writes = 0;
    for (const method of ['bulkAdd', 'bulkPut'] as const) {
      const table = db.contacts as unknown as Record<typeof method, (...args: unknown[]) => Promise<unknown>>;
      const original = table[method].bind(db.contacts);
      vi.spyOn(table, method).mockImplementation((...args) => {
        writes++;
        return writes < 3 ? original(...args) : Promise.reject(new DOMException('full', 'QuotaExceededError'));
      });
    }
    const checked: number[] = [];
    const failure = await applyContactImport(parsed, { onCheckProgress: (done) => checked.push(done) }).catch((e: unknown) => e);
    expect(checked.length).toBeGreaterThan(100);
    expect(writes).toBe(3);
    expect(failure).toBeInstanceOf(ImportFailure);
    vi.restoreAllMocks();
    expect(JSON.stringify(await snapshot())).toBe(before);

    const written: number[] = [];
    const plan = await applyContactImport(parsed, { onProgress: (done) => written.push(done) });
    expect(await db.contacts.count()).toBe(2 + plan.add.length);
    // Chunks sized by time (tested below): the first is FIRST_CHUNK rows, and progress moves after each one.
    expect(written.slice(0, 2)).toEqual([0, FIRST_CHUNK]);
    expect(written.at(-1)).toBe(plan.add.length);
    expect(written.length).toBeGreaterThan(3);
    expect(written.every((n, i) => i === 0 || n > written[i - 1]!)).toBe(true);
    expect(plan.add.length).toBe(7 * FIRST_CHUNK);
  });

  it('sizes write chunks by time: a slow chunk makes the next small at once, a fast one lets it grow twofold at most', () => {
    const sizer = createChunkSizer();
    expect(sizer.next()).toBe(FIRST_CHUNK);
    // 100 rows at a pace of 40 rows per CHUNK_MS (a busy machine): the next chunk is what fits in CHUNK_MS.
    sizer.took(FIRST_CHUNK, (FIRST_CHUNK / 40) * CHUNK_MS);
    expect(sizer.next()).toBe(40);
    sizer.took(sizer.next(), 60_000);
    expect(sizer.next()).toBe(MIN_CHUNK);
    for (let i = 0; i < 20; i++) sizer.took(sizer.next(), 1);
    expect(sizer.next()).toBe(MAX_CHUNK);
    sizer.took(MAX_CHUNK, CHUNK_MS / 2);
    expect(sizer.next()).toBe(MAX_CHUNK);
    const growing = createChunkSizer(MIN_CHUNK);
    growing.took(MIN_CHUNK, 0);
    expect(growing.next()).toBe(2 * MIN_CHUNK);
  });

  it('writes every row once, in order, with progress after each chunk, when chunks are sized by time', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const rows = Array.from({ length: 5_000 }, (_, i) => i);
    const seen: number[] = [];
    const sizes: number[] = [];
    // Each row costs a 500th of CHUNK_MS for the first 1,000 rows and 20 times as much after: the chunks shrink to what fits.
    await writeInChunks(
      rows,
      async (chunk) => {
        for (const row of chunk) clock += row < 1_000 ? CHUNK_MS / 500 : CHUNK_MS / 25;
        seen.push(...chunk);
      },
      (n) => sizes.push(n),
    );
    expect(seen).toEqual(rows);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(Math.max(...sizes.slice(-10))).toBe(25);
  });

  it('listContacts reads a large store page by page, all of it, in name order', async () => {
    const contacts = Array.from({ length: 4_321 }, (_, i) =>
      fullContact({ id: `c-${String(i).padStart(5, '0')}`, fullName: `Name ${(i * 7919) % 4_321}`, identities: [], profiles: {} }),
    );
    await db.contacts.bulkPut(contacts);
    const listed = await listContacts();
    expect(listed).toHaveLength(4_321);
    const names = listed.map((c) => c.fullName);
    // As people read names: "Name 9" before "Name 10".
    expect(names.slice(0, 3)).toEqual(['Name 0', 'Name 1', 'Name 2']);
    expect(names[9]).toBe('Name 9');
    expect(new Set(listed.map((c) => c.id)).size).toBe(4_321);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...listed].sort(byId)).toEqual((await db.contacts.toArray()).sort(byId));
    // 4,321 contacts written and read in pages: seconds on a busy 2-core machine, so not 5 s.
  }, 180_000);
});
