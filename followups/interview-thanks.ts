/**
 * The interview thank-you rule: from the day after an interview, the due list
 * offers thank-you notes to the people linked to that program, until the user
 * marks them done. A separate pure function so that it can join any due-list
 * rule set: it reads programs and a time, nothing else.
 */
import { addDays, differenceInCalendarDays, parseISO, startOfDay } from 'date-fns';
import type { Program } from '../model/schemas';

/** After this many days a thank-you is no longer offered (an old season's imported dates must not flood the badge). */
export const THANKS_WINDOW_DAYS = 14;

export interface InterviewThanksDue {
  programId: string;
  programName: string;
  /** The interview's date, YYYY-MM-DD. */
  date: string;
  /** When the notes fell due: the local start of the day after the interview. */
  dueAt: number;
}

/** When thank-you notes for an interview on `date` fall due: the local start of the next day. */
export function thanksDueAt(date: string): number {
  return startOfDay(addDays(parseISO(date), 1)).getTime();
}

/** The interviews whose thank-you notes are due at `now`, oldest first. */
export function dueInterviewThanks(programs: readonly Pick<Program, 'id' | 'name' | 'stage' | 'interviews'>[], now: number): InterviewThanksDue[] {
  const due: InterviewThanksDue[] = [];
  for (const program of programs) {
    if (program.stage === 'withdrawn' || program.stage === 'not_applying') continue;
    for (const interview of program.interviews) {
      if (interview.thanksHandledAt !== undefined) continue;
      const dueAt = thanksDueAt(interview.date);
      if (dueAt > now || differenceInCalendarDays(now, dueAt) > THANKS_WINDOW_DAYS) continue;
      due.push({ programId: program.id, programName: program.name, date: interview.date, dueAt });
    }
  }
  return due.sort((a, b) => a.dueAt - b.dueAt);
}
