/**
 * What is coming: the next interviews as a dated list, and the next deadline
 * of a letter still owed. Programs with interviews and letters are a few
 * dozen at most, so these take their records.
 */
import { type Letter, type LetterStatus, type Program } from '../model/schemas';

export interface UpcomingInterview {
  programId: string;
  programName: string;
  date: string;
  time?: string;
}

/** Interviews on or after `today` (YYYY-MM-DD, local), soonest first, at most `limit`. */
export function nextInterviews(programs: readonly Pick<Program, 'id' | 'name' | 'interviews'>[], today: string, limit = 5): UpcomingInterview[] {
  return programs
    .flatMap((p) =>
      p.interviews
        .filter((i) => i.date >= today)
        .map((i) => ({ programId: p.id, programName: p.name, date: i.date, ...(i.time ? { time: i.time } : {}) })),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.programName.localeCompare(b.programName))
    .slice(0, limit);
}

/** Letters not yet submitted: their deadline is still ahead of the writer. */
export const OWED_STATUSES: readonly LetterStatus[] = ['planned', 'asked', 'agreed'];

/** The owed letter due soonest (today or later, or overdue: the earliest deadline wins), if any has a deadline. */
export function nextDeadline<T extends Pick<Letter, 'status' | 'deadline'>>(letters: readonly T[]): T | undefined {
  return letters
    .filter((l) => l.deadline && OWED_STATUSES.includes(l.status))
    .sort((a, b) => a.deadline!.localeCompare(b.deadline!))[0];
}
