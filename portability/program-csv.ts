/**
 * The applicant's program spreadsheet: its columns guessed from the headers
 * (Program, Specialty, City, State, Status, Interview Date, Notes…), each row
 * checked into a program, status words mapped to stages (unknown words are
 * reported in the dry run and leave the stage as it is), and the plan against
 * the saved programs: a row whose name certainly matches a saved program's
 * name or other name fills and updates it, any other row adds one. And the
 * programs as a CSV, in the same columns. Pure.
 */
import Papa from 'papaparse';
import { nameKey } from '../programs/names';
import { stageFromWord } from '../programs/stages';
import { PROGRAM_KINDS, Program, type ProgramKind, type ProgramStage } from '../model/schemas';
import { normalizeHeader } from './csv-columns';
import { cellValue, isBlankRow, type CsvTable } from './csv-read';
import { parseDay } from './dates';
import { issuesFromZod, type ImportIssue } from './issues';
import { createSlicer, type Progress } from './slices';
import { userText } from '../model/user-text';

export const PROGRAM_TARGETS = ['name', 'aliases', 'kind', 'specialty', 'parent', 'city', 'region', 'website', 'stage', 'interview', 'rank', 'notes'] as const;
export type ProgramTarget = (typeof PROGRAM_TARGETS)[number];
export type ProgramMapping = (ProgramTarget | undefined)[];

/** Header words each field answers to, compared without case, accents or marks. */
const SYNONYMS: Record<ProgramTarget, readonly string[]> = {
  name: ['program', 'program name', 'name', 'organization', 'organisation', 'institution name', 'company', 'hospital', 'residency'],
  aliases: ['other names', 'aliases', 'also known as', 'aka'],
  kind: ['kind', 'type', 'program type'],
  specialty: ['specialty', 'speciality', 'field', 'department'],
  parent: ['institution', 'parent', 'health system', 'hospital system', 'university', 'part of'],
  city: ['city', 'town'],
  region: ['state', 'province', 'country', 'region', 'state or country'],
  website: ['website', 'url', 'link', 'web', 'site'],
  stage: ['status', 'stage', 'application status', 'my status'],
  interview: ['interview date', 'interview', 'interview dates', 'interview day', 'date of interview'],
  rank: ['rank', 'rank position', 'ranking', 'rank order'],
  notes: ['notes', 'note', 'comments', 'comment'],
};
const BY_HEADER = new Map<string, ProgramTarget>();
for (const target of PROGRAM_TARGETS) for (const word of SYNONYMS[target]) BY_HEADER.set(normalizeHeader(word), target);

export function guessProgramMapping(header: readonly string[]): ProgramMapping {
  const taken = new Set<ProgramTarget>();
  return header.map((h) => {
    const target = BY_HEADER.get(normalizeHeader(h));
    if (!target || taken.has(target)) return undefined;
    taken.add(target);
    return target;
  });
}

export function programMappingProblem(mapping: ProgramMapping): string | undefined {
  return mapping.includes('name') ? undefined : 'Choose the column that holds each program’s name.';
}

/** A program list larger than this is not a program list (the import worker refuses it before the mapping). */
export const MAX_PROGRAM_ROWS = 5_000;

const KIND_WORDS: Record<string, ProgramKind> = {
  residency: 'residency', 'residency program': 'residency', fellowship: 'fellowship', hospital: 'hospital', 'health system': 'hospital',
  school: 'school', 'medical school': 'school', company: 'company', employer: 'company', other: 'other',
};

export interface ProgramRowIn {
  /** The file's data row (1 = the first row after the header). */
  row: number;
  program: Omit<Program, 'id' | 'createdAt' | 'updatedAt'>;
  /** Fields the row had a value for: only those update a saved program. */
  fields: (keyof Program)[];
}

export interface ParsedPrograms {
  rows: ProgramRowIn[];
  issues: ImportIssue[];
  /** Status words no stage answers to, with the rows that used them: shown in the dry run. */
  unknownStatuses: { word: string; rows: number[] }[];
}

/** Checks every row through the mapping. */
export function readProgramRows(table: CsvTable, mapping: ProgramMapping): ParsedPrograms {
  const reader = programRowReader(mapping);
  table.rows.forEach(reader.read);
  return reader.result();
}

/** readProgramRows in slices, for the import worker: progress as it goes, and a message between slices (Cancel). */
export async function readProgramRowsAsync(table: CsvTable, mapping: ProgramMapping, onProgress?: Progress): Promise<ParsedPrograms> {
  const reader = programRowReader(mapping);
  const slice = createSlicer(onProgress);
  for (let i = 0; i < table.rows.length; i++) {
    reader.read(table.rows[i]!, i);
    await slice(i + 1, table.rows.length);
  }
  onProgress?.(table.rows.length, table.rows.length);
  return reader.result();
}

/** Reads data rows (index 0 = the first row after the header) through the mapping, one at a time. */
function programRowReader(mapping: ProgramMapping) {
  const rows: ProgramRowIn[] = [];
  const issues: ImportIssue[] = [];
  const unknown = new Map<string, number[]>();
  const read = (cells: readonly string[], index: number) => {
    const row = index + 1;
    if (isBlankRow(cells)) return;
    const raw: Record<string, unknown> = {};
    const fields: (keyof Program)[] = [];
    const set = (field: keyof Program, value: unknown) => {
      raw[field] = value;
      fields.push(field);
    };
    mapping.forEach((target, column) => {
      const value = cellValue(cells[column]);
      if (!target || value === '') return;
      switch (target) {
        case 'aliases':
          return set('aliases', value.split(/\s*;\s*/).filter(Boolean));
        case 'kind': {
          const kind = KIND_WORDS[value.toLowerCase()] ?? (PROGRAM_KINDS as readonly string[]).find((k) => k === value.toLowerCase());
          // A kind Rapport has no word for stays "other": the program itself is still imported.
          if (kind) set('kind', kind);
          return;
        }
        case 'stage': {
          const stage: ProgramStage | undefined = stageFromWord(value);
          if (stage) set('stage', stage);
          else unknown.set(value, [...(unknown.get(value) ?? []), row]);
          return;
        }
        case 'interview': {
          // Several dates are separated by ";" ("Nov 2, 2026" has a comma of its own).
          const dates = value.split(/\s*[;\n]\s*/).filter(Boolean).map((part) => parseDay(part));
          if (dates.some((d) => d === undefined)) {
            issues.push({ row, field: 'interview', text: userText('portability.programs.notDate', { value: value.slice(0, 60) }) });
            return;
          }
          return set('interviews', [...new Set(dates as string[])].map((date) => ({ date })));
        }
        case 'rank':
          return set('rank', /^\d+$/.test(value) ? Number(value) : value);
        default:
          return set(target, value);
      }
    });
    const parsed = Program.omit({ id: true, createdAt: true, updatedAt: true }).safeParse(raw);
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error, row));
      return;
    }
    rows.push({ row, program: parsed.data, fields });
  };
  const result = (): ParsedPrograms => ({ rows, issues, unknownStatuses: [...unknown.entries()].map(([word, at]) => ({ word, rows: at })) });
  return { read, result };
}

export interface ProgramImportPlan {
  add: Program[];
  update: { row: number; before: Program; after: Program }[];
  /** Rows that name a program already saved and change nothing. */
  same: number;
}

/**
 * The dry run: rows matched with saved programs by name (certain matches
 * only), two rows naming one program merged in file order, fields the row
 * leaves empty kept as saved.
 */
export function planProgramImport(parsed: ParsedPrograms, saved: readonly Program[], now: number, makeId: () => string): ProgramImportPlan {
  const byKey = new Map<string, Program>();
  for (const program of saved) for (const name of [program.name, ...program.aliases]) byKey.set(nameKey(name), program);
  const added = new Map<string, Program>();
  const updated = new Map<string, { row: number; before: Program; after: Program }>();
  let same = 0;
  for (const { row, program, fields } of parsed.rows) {
    const key = nameKey(program.name);
    const pending = added.get(key);
    const existing = updated.get(byKey.get(key)?.id ?? '')?.after ?? byKey.get(key);
    const base = pending ?? existing;
    if (!base) {
      const created = Program.parse({ ...program, id: makeId(), createdAt: now, updatedAt: now });
      added.set(key, created);
      for (const name of created.aliases) added.set(nameKey(name), created);
      continue;
    }
    const patch = Object.fromEntries(fields.filter((f) => f !== 'name').map((f) => [f, program[f as keyof typeof program]]));
    if (patch.aliases) patch.aliases = [...new Set([...base.aliases, ...(patch.aliases as string[])])];
    if (patch.interviews) {
      const dates = new Map(base.interviews.map((i) => [i.date, i]));
      for (const interview of patch.interviews as Program['interviews']) if (!dates.has(interview.date)) dates.set(interview.date, interview);
      patch.interviews = [...dates.values()].sort((a, b) => a.date.localeCompare(b.date));
    }
    const after = Program.parse({ ...base, ...patch, updatedAt: now });
    if (pending) {
      added.set(key, after);
      continue;
    }
    if (JSON.stringify({ ...after, updatedAt: 0 }) === JSON.stringify({ ...base, updatedAt: 0 })) {
      same++;
      continue;
    }
    updated.set(base.id, { row, before: byKey.get(key)!, after });
  }
  return { add: [...new Set(added.values())], update: [...updated.values()], same };
}

/** Header and cell for each exported column: headers the import recognises, so an export reads back. */
const EXPORT: readonly { header: string; cell: (p: Program) => string }[] = [
  { header: 'Program', cell: (p) => p.name },
  { header: 'Other names', cell: (p) => p.aliases.join('; ') },
  { header: 'Type', cell: (p) => p.kind },
  { header: 'Specialty', cell: (p) => p.specialty ?? '' },
  { header: 'Institution', cell: (p) => p.parent ?? '' },
  { header: 'City', cell: (p) => p.city ?? '' },
  { header: 'State', cell: (p) => p.region ?? '' },
  { header: 'Website', cell: (p) => p.website ?? '' },
  { header: 'Status', cell: (p) => p.stage.replace(/_/g, ' ') },
  { header: 'Interview Date', cell: (p) => p.interviews.map((i) => i.date).join('; ') },
  { header: 'Rank', cell: (p) => (p.rank === undefined ? '' : String(p.rank)) },
  { header: 'Notes', cell: (p) => p.notes },
];

/** UTF-8 with a byte-order mark; cells that a spreadsheet would run as a formula are neutralised (as for contacts). */
export function programsToCsv(programs: readonly Program[]): string {
  const csv = Papa.unparse(
    { fields: EXPORT.map((c) => c.header), data: programs.map((p) => EXPORT.map((c) => c.cell(p))) },
    { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/, quotes: false },
  );
  return '\uFEFF' + csv + '\r\n';
}
