// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/** Importing the applicant's program spreadsheet, and exporting programs as CSV. */
import '../page-storage';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessProgramMapping, programMappingProblem, programsToCsv, readProgramRows } from '../../../portability/program-csv';
import { readCsv } from '../../../portability/csv-read';
import { addContact } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { addProgram, applyProgramImport, contactIdsOfProgram, listPrograms, previewProgramImport } from '../../../storage/programs';
import { snapshot } from '../helpers';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../fixtures/imports/programs.csv'), 'utf8');

describe('the program spreadsheet', () => {
  it('guesses the typical columns, maps status words to stages and lists the unknown ones', () => {
    const table = readCsv(SAMPLE);
    const mapping = guessProgramMapping(table.header);
    expect(mapping).toEqual(['name', 'specialty', 'city', 'region', 'stage', 'interview', 'rank', 'website', 'notes']);
    expect(programMappingProblem(mapping)).toBeUndefined();
    expect(programMappingProblem(mapping.map((t) => (t === 'name' ? undefined : t)))).toMatch(/name/);
    const parsed = readProgramRows(table, mapping);
    expect(parsed.issues).toEqual([]);
    expect(parsed.unknownStatuses).toEqual([{ word: 'Dream program', rows: [8] }]);
    const stages = Object.fromEntries(parsed.rows.map((r) => [r.program.name, r.program.stage]));
    expect(stages['Saint Luke\'s Medical Center']).toBe('applied');
    expect(stages['St. Mary\'s Hospital Internal Medicine']).toBe('interview_invited');
    expect(stages['Mercy Hospital (St. Louis) IM']).toBe('withdrawn');
    const mercy = parsed.rows.find((r) => r.program.name === 'Mercy Hospital (Chicago) IM')!.program;
    expect(mercy).toMatchObject({ rank: 2, interviews: [{ date: '2026-10-20' }], city: 'Chicago', region: 'IL' });
    expect(parsed.rows.find((r) => r.program.name.startsWith('St. Mary'))!.program.notes).toBe('Invite came Oct 14\nReply within 48 h');
  });

  it('reports a bad date or link by row and field, and nothing is written', async () => {
    const table = readCsv('Program,Interview Date,Website\nA,02/11/2026,\nB,,javascript:alert(1)\n');
    const parsed = readProgramRows(table, guessProgramMapping(table.header));
    expect(parsed.issues.map((i) => [i.row, i.field])).toEqual([
      [1, 'interview'],
      [2, 'website'],
    ]);
    const before = await snapshot();
    await expect(applyProgramImport(parsed)).rejects.toThrow(/nothing was imported/);
    expect(await snapshot()).toEqual(before);
  });

  it('dry run then write: adds new programs, updates one saved under the same name, merges repeated rows, links people', async () => {
    const saved = await addProgram({ name: 'Saint Lukes Medical Center', notes: 'Met Dr. Ortiz at ACP' }, 1);
    const ana = await addContact({ fullName: 'Ana', organization: 'Northfield General Hospital Internal Medicine Residency' });
    const table = readCsv(SAMPLE);
    const parsed = readProgramRows(table, guessProgramMapping(table.header));
    const dry = await previewProgramImport(parsed, 5);
    expect(dry.add).toHaveLength(9);
    expect(dry.update.map((u) => u.before.id)).toEqual([saved.id]);
    expect(await db.programs.count()).toBe(1);

    const plan = await applyProgramImport(parsed, 5);
    expect(plan.add).toHaveLength(9);
    const programs = await listPrograms();
    expect(programs).toHaveLength(10);
    const luke = programs.find((p) => p.id === saved.id)!;
    // The row's name is the saved program's: its empty cells keep what was saved.
    expect(luke).toMatchObject({ name: 'Saint Lukes Medical Center', stage: 'applied', city: 'Kansas City', notes: 'Met Dr. Ortiz at ACP' });
    const ngh = programs.find((p) => p.name.startsWith('Northfield'))!;
    expect(ngh.interviews.map((i) => i.date)).toEqual(['2026-11-02', '2026-12-07']);
    expect(ngh.notes).toBe('Second look day');
    expect(await contactIdsOfProgram(ngh.id)).toEqual([ana.id]);
    // Two similar hospitals stay two programs.
    expect(programs.filter((p) => p.name.startsWith('Mercy'))).toHaveLength(2);
  });

  it('exports programs as CSV that imports back to the same fields, formulas neutralised', async () => {
    await addProgram({ name: '=HYPERLINK("x")', aliases: ['NGH'], specialty: 'IM', stage: 'ranked', rank: 3, interviews: [{ date: '2026-11-02' }], notes: 'a, b\nc' }, 1);
    const csv = programsToCsv(await listPrograms());
    expect(csv.startsWith('\uFEFFProgram,Other names,Type')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const table = readCsv(csv);
    const parsed = readProgramRows(table, guessProgramMapping(table.header));
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows[0]!.program).toMatchObject({ aliases: ['NGH'], specialty: 'IM', stage: 'ranked', rank: 3, interviews: [{ date: '2026-11-02' }], notes: 'a, b\nc' });
  });
});
