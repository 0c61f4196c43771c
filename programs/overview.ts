/**
 * The Programs view's rows: for each program its stage, how many people the
 * user knows there and how many replied, the last interaction with any of
 * them, the letters meant for it and the next interview; filtered by stage,
 * specialty, "know nobody yet" and "no contact in 30 days". Pure, over
 * storage/programs.ts programsIndex, which reads one summary per program
 * (storage/program-summaries.ts), never the links.
 */
import { subDays } from 'date-fns';
import type { Letter, Program, ProgramStage, Status } from '../model/schemas';
import { readingOrder } from '../model/text';
import { nameKey, programKeys } from './names';
import { nextInterview, stageOrder } from './stages';

/** What the Programs view knows of the people linked to one program. */
export interface ProgramSummary {
  people: number;
  replied: number;
  lastContactedAt?: number;
}

/** Everything the Programs view shows: the programs, a summary of each one's people, letters meant for each. */
export interface ProgramsIndex {
  programs: Program[];
  /** By program id; a program nobody is linked to has none. */
  summaries: Map<string, ProgramSummary>;
  /** Letters in play meant for each program, by program id (letters/overview.ts lettersPerProgram). */
  letters: Map<string, number>;
}

/** Statuses that mean the person answered. */
const ANSWERED: ReadonlySet<Status> = new Set(['replied', 'meeting', 'closed']);

/** One program's summary from its links, each with its contact's facts (storage/link-facts.ts). */
export function summarizeLinks(links: readonly { contactStatus?: Status; contactLastContactedAt?: number }[]): ProgramSummary {
  let replied = 0;
  let last: number | undefined;
  for (const { contactStatus, contactLastContactedAt: at } of links) {
    if (contactStatus && ANSWERED.has(contactStatus)) replied++;
    if (at !== undefined && (last === undefined || at > last)) last = at;
  }
  return { people: links.length, replied, ...(last !== undefined ? { lastContactedAt: last } : {}) };
}

/** Whether two summaries say the same (a stored one is checked against its links this way). */
export function sameSummary(a: ProgramSummary | undefined, b: ProgramSummary | undefined): boolean {
  return (a?.people ?? 0) === (b?.people ?? 0) && (a?.replied ?? 0) === (b?.replied ?? 0) && a?.lastContactedAt === b?.lastContactedAt;
}
/** "No contact in 30 days". */
export const QUIET_DAYS = 30;

export interface ProgramRowView {
  program: Program;
  people: number;
  replied: number;
  lastContactedAt?: number;
  nextInterview?: string;
  /** Letters meant for it (none when the user keeps no letters). */
  letters: number;
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
    const summary = index.summaries.get(program.id);
    const last = summary?.lastContactedAt;
    const next = nextInterview(program, today);
    return {
      program,
      people: summary?.people ?? 0,
      replied: summary?.replied ?? 0,
      letters: index.letters.get(program.id) ?? 0,
      ...(last !== undefined ? { lastContactedAt: last } : {}),
      ...(next ? { nextInterview: next } : {}),
    };
  });
}

/**
 * Letters meant for each program: a letter names what it is for as text
 * (Letter.meantFor), which counts for a program when it is one of the
 * program's names as matching compares them (programs/names.ts). Declined and
 * withdrawn letters aside, as in the Letters view.
 */
export function lettersPerProgram(letters: readonly Letter[], programs: readonly Program[]): Map<string, number> {
  const byKey = new Map<string, string[]>();
  for (const program of programs) for (const key of programKeys(program)) byKey.set(key, [...(byKey.get(key) ?? []), program.id]);
  const counts = new Map<string, number>();
  for (const letter of letters) {
    if (letter.status === 'declined' || letter.status === 'withdrawn') continue;
    const ids = new Set(letter.meantFor.flatMap((name) => byKey.get(nameKey(name)) ?? []));
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
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
