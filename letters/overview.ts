/**
 * The Letters view's arithmetic, as pure functions: the order letters are
 * listed in (overdue first, then by deadline), the summary line's numbers,
 * and how many letters each program or specialty is meant to receive (ERAS
 * lets an applicant assign at most 4 letters to one program).
 */
import { daysLeft, isPending } from '../followups/due';
import type { Letter } from '../model/schemas';

/** ERAS: the most letters one program may receive from an applicant. */
export const MAX_LETTERS_PER_PROGRAM = 4;

const ENDED = new Set(['declined', 'withdrawn']);

/** Overdue pending letters first, then pending ones by deadline, then the rest by deadline; no deadline last. */
export function sortLetters(letters: readonly Letter[], now: number): Letter[] {
  const rank = (letter: Letter) => {
    const left = daysLeft(letter.deadline, now);
    if (isPending(letter) && left !== undefined && left < 0) return 0;
    if (isPending(letter)) return 1;
    if (letter.status === 'planned') return 2;
    return ENDED.has(letter.status) ? 4 : 3;
  };
  return [...letters].sort(
    (a, b) => rank(a) - rank(b) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.createdAt - b.createdAt,
  );
}

export interface LettersSummary {
  /** Letters in play: every letter but the declined and withdrawn. */
  total: number;
  /** Of those, submitted or thanked. */
  submitted: number;
  /** Still owed and past their deadline. */
  overdue: number;
  /** The nearest deadline still ahead of a letter still owed, and how many letters share it. */
  next?: { days: number; count: number };
}

export function summarizeLetters(letters: readonly Letter[], now: number): LettersSummary {
  const live = letters.filter((l) => !ENDED.has(l.status));
  const owed = live.filter((l) => l.status !== 'submitted' && l.status !== 'thanked');
  const ahead = owed.map((l) => daysLeft(l.deadline, now)).filter((d): d is number => d !== undefined);
  const soonest = ahead.filter((d) => d >= 0).sort((a, b) => a - b)[0];
  return {
    total: live.length,
    submitted: live.length - owed.length,
    overdue: owed.filter((l) => isPending(l) && (daysLeft(l.deadline, now) ?? 0) < 0).length,
    ...(soonest !== undefined ? { next: { days: soonest, count: ahead.filter((d) => d === soonest).length } } : {}),
  };
}

/** Letters per program or specialty they are meant for (declined and withdrawn ones aside), most first. */
export function countsPerProgram(letters: readonly Letter[]): { program: string; count: number }[] {
  const counts = new Map<string, { program: string; count: number }>();
  for (const letter of letters) {
    if (ENDED.has(letter.status)) continue;
    for (const program of new Set(letter.meantFor)) {
      const key = program.toLocaleLowerCase();
      const entry = counts.get(key) ?? { program, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.program.localeCompare(b.program));
}

/** Every program or specialty named on a letter, for the filter. */
export function programsNamed(letters: readonly Letter[]): string[] {
  return countsPerProgram(letters).map((c) => c.program).sort((a, b) => a.localeCompare(b));
}
