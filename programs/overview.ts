/**
 * The Programs view's rows: for each program its stage, how many people the
 * user knows there and how many replied, the last interaction with any of
 * them and the next interview; filtered by stage, specialty, "know nobody yet"
 * and "no contact in 30 days". Pure, over storage/programs.ts programsIndex.
 */
import { subDays } from 'date-fns';
import type { Program, ProgramStage, Status } from '../model/schemas';
import { readingOrder } from '../model/text';
import { nextInterview, stageOrder } from './stages';

/** Everything the Programs view shows, from indexes: who is linked where, their statuses and last contact. */
export interface ProgramsIndex {
  programs: Program[];
  /** Contact ids per program id. */
  people: Map<string, string[]>;
  /** Of linked contacts only. */
  statusOf: Map<string, Status>;
  lastContactedOf: Map<string, number>;
}

/** Statuses that mean the person answered. */
const ANSWERED: ReadonlySet<Status> = new Set(['replied', 'meeting', 'closed']);
/** "No contact in 30 days". */
export const QUIET_DAYS = 30;

export interface ProgramRowView {
  program: Program;
  people: number;
  replied: number;
  lastContactedAt?: number;
  nextInterview?: string;
}

export interface ProgramFilters {
  stage?: ProgramStage;
  specialty?: string;
  /** Programs where the user knows nobody yet. */
  nobody?: boolean;
  /** Programs where the user knows someone but has not been in touch for 30 days. */
  quiet?: boolean;
}

export function programRows(index: ProgramsIndex, today: string): ProgramRowView[] {
  return index.programs.map((program) => {
    const ids = index.people.get(program.id) ?? [];
    let replied = 0;
    let last: number | undefined;
    for (const id of ids) {
      const status = index.statusOf.get(id);
      if (status && ANSWERED.has(status)) replied++;
      const at = index.lastContactedOf.get(id);
      if (at !== undefined && (last === undefined || at > last)) last = at;
    }
    const next = nextInterview(program, today);
    return { program, people: ids.length, replied, ...(last !== undefined ? { lastContactedAt: last } : {}), ...(next ? { nextInterview: next } : {}) };
  });
}

/** The rows that pass the filters, in rank order, then by stage through the season, then by name. */
export function filterRows(rows: readonly ProgramRowView[], filters: ProgramFilters, now: number): ProgramRowView[] {
  const quietSince = subDays(now, QUIET_DAYS).getTime();
  const specialty = filters.specialty?.toLocaleLowerCase();
  return rows
    .filter(({ program, people, lastContactedAt }) => {
      if (filters.stage && program.stage !== filters.stage) return false;
      if (specialty && program.specialty?.toLocaleLowerCase() !== specialty) return false;
      if (filters.nobody && people > 0) return false;
      if (filters.quiet && (people === 0 || (lastContactedAt !== undefined && lastContactedAt >= quietSince))) return false;
      return true;
    })
    .sort(
      (a, b) =>
        (a.program.rank ?? Infinity) - (b.program.rank ?? Infinity) ||
        stageOrder(a.program.stage) - stageOrder(b.program.stage) ||
        readingOrder.compare(a.program.name, b.program.name),
    );
}

/** The specialties the filter menu offers: each once, however it was capitalised. */
export function specialties(programs: readonly Program[]): string[] {
  const seen = new Map<string, string>();
  for (const { specialty } of programs) if (specialty && !seen.has(specialty.toLocaleLowerCase())) seen.set(specialty.toLocaleLowerCase(), specialty);
  return [...seen.values()].sort(readingOrder.compare);
}
