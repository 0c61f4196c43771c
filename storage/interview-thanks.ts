/**
 * Reads and writes for the interview thank-you due items
 * (followups/interview-thanks.ts): what is due, how many (the badge adds them
 * to the follow-ups), and "done" with its undo.
 */
import { dueInterviewThanks, type InterviewThanksDue } from '../followups/interview-thanks';
import { db } from './db';
import { fromRow, toRow } from './programs';
import { Program } from '../model/schemas';
import { UserError, userText } from '../model/user-text';

export async function listDueInterviewThanks(now = Date.now()): Promise<InterviewThanksDue[]> {
  const rows = await db.programs.filter((row) => row.interviews.length > 0).toArray();
  return dueInterviewThanks(rows.map(fromRow), now);
}

export async function countDueInterviewThanks(now = Date.now()): Promise<number> {
  return (await listDueInterviewThanks(now)).length;
}

/** Marks an interview's thank-you notes done (or not wanted); `undefined` puts the item back (undo). */
export async function setInterviewThanksHandled(programId: string, date: string, handledAt: number | undefined): Promise<void> {
  await db.transaction('rw', db.programs, async () => {
    const row = await db.programs.get(programId);
    if (!row) throw new UserError(userText('errors.programGone'));
    const program = fromRow(row);
    const interviews = program.interviews.map((interview) => {
      if (interview.date !== date) return interview;
      const { thanksHandledAt: _old, ...rest } = interview;
      return handledAt === undefined ? rest : { ...rest, thanksHandledAt: handledAt };
    });
    await db.programs.put(toRow(Program.parse({ ...program, interviews })));
  });
}
