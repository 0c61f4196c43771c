/**
 * Letter records as stored: every write computes the letter's next reminder
 * (`dueAt`, followups/due.ts) so that the badge can count through an index,
 * and the timeline's letter entries find the letter they move. The public
 * letters API is ./letters.ts; this is the layer the timeline shares with it.
 */
import { letterDueAt, patchForLetterStatus } from '../followups/due';
import { db } from './db';
import { newId } from '../model/ids';
import { LETTER_ENDS, Letter, type InteractionKind, type LetterInput, type LetterStatus, type Settings } from '../model/schemas';

/** The letter validated, with its next reminder derived from it and the settings. */
export function withDueAt(input: LetterInput, settings: Pick<Settings, 'letterNudgeDays' | 'followUpDays'>): Letter {
  const letter = Letter.parse(input);
  const dueAt = letterDueAt(letter, settings);
  if (dueAt === undefined) delete letter.dueAt;
  else letter.dueAt = dueAt;
  return letter;
}

/** The status a timeline entry moves a letter to, and the statuses it can move it from (most likely first). */
export const LETTER_STEPS: Partial<Record<InteractionKind, { to: LetterStatus; from: LetterStatus[] }>> = {
  letter_planned: { to: 'planned', from: [] },
  letter_requested: { to: 'asked', from: ['planned', 'asked'] },
  letter_agreed: { to: 'agreed', from: ['asked', 'planned'] },
  letter_submitted: { to: 'submitted', from: ['agreed', 'asked', 'planned'] },
  letter_thanked: { to: 'thanked', from: ['submitted'] },
  letter_declined: { to: 'declined', from: ['asked', 'planned', 'agreed'] },
  letter_withdrawn: { to: 'withdrawn', from: ['planned', 'asked', 'agreed', 'submitted'] },
};

/** The timeline entry for a letter reaching a status. */
export const KIND_FOR_STATUS: Record<LetterStatus, InteractionKind> = {
  planned: 'letter_planned',
  asked: 'letter_requested',
  agreed: 'letter_agreed',
  submitted: 'letter_submitted',
  thanked: 'letter_thanked',
  declined: 'letter_declined',
  withdrawn: 'letter_withdrawn',
};

/** What a letter request draft knows about the letter (the draft's fill-ins). */
export interface LetterDetails {
  letterId?: string;
  erasLetterId?: string;
  waiver?: Letter['waiver'];
  deadline?: string;
}

/**
 * Applies a letter entry logged on a writer's timeline to the letter it is
 * about: the one named, else the writer's open letter in a status it can move
 * from (the oldest such), else a new letter. Runs inside the caller's
 * transaction, which must include the letters table. Returns the letter's id,
 * or undefined for an entry that is not about a letter.
 */
export async function applyLetterStep(
  writerId: string,
  kind: InteractionKind,
  at: number,
  settings: Settings,
  details: LetterDetails = {},
  now = at,
): Promise<string | undefined> {
  const mine = await db.letters.where('writerId').equals(writerId).sortBy('createdAt');
  if (kind === 'letter_check_in') {
    // A check-in sent deals with the reminder that has come; the next nudge follows.
    const owed = (details.letterId ? mine.find((l) => l.id === details.letterId) : undefined) ?? mine.find((l) => l.status === 'asked' || l.status === 'agreed');
    if (!owed) return undefined;
    await db.letters.put(withDueAt({ ...owed, remindedAt: at, snoozedUntil: undefined, updatedAt: now }, settings));
    return owed.id;
  }
  const step = LETTER_STEPS[kind];
  if (!step) return undefined;
  // A named letter only moves when this step can move it (a thank-you never reopens an earlier letter).
  const named = details.letterId ? mine.find((l) => l.id === details.letterId && (step.from.includes(l.status) || l.status === step.to)) : undefined;
  const open = named ?? step.from.map((status) => mine.find((l) => l.status === status)).find(Boolean);
  const fields: Partial<Letter> = {};
  if (details.erasLetterId) fields.erasLetterId = details.erasLetterId;
  if (details.waiver) fields.waiver = details.waiver;
  if (details.deadline) fields.deadline = details.deadline;
  const base: LetterInput = open ?? { id: newId(), writerId, createdAt: now, updatedAt: now };
  const letter = withDueAt({ ...base, ...fields, ...patchForLetterStatus(base, step.to, at), updatedAt: now }, settings);
  await db.letters.put(letter);
  return letter.id;
}

export function isOpen(letter: Pick<Letter, 'status'>): boolean {
  return !LETTER_ENDS.includes(letter.status);
}
