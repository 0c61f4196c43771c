/**
 * The letters repository: letters of recommendation (or references) as
 * records, from the ask to the thank-you. Every change of status lands on the
 * writer's timeline in the same transaction, and every action the due lists
 * offer returns what is needed to undo it.
 */
import { patchForLetterStatus } from '../followups/due';
import { snoozeUntil, type SnoozeChoice } from '../followups/rules';
import { db } from './db';
import { newId } from '../model/ids';
import { PROGRAM_TABLES } from './program-links';
import { logInteraction, undoInteraction } from './interactions';
import { KIND_FOR_STATUS, withDueAt } from './letter-records';
import { Contact, Letter, type LetterInput, type LetterStatus } from '../model/schemas';
import { getSettings } from './settings';
import { UserError, userText } from '../model/user-text';

export type NewLetter = Omit<LetterInput, 'id' | 'createdAt' | 'updatedAt' | 'status' | 'dueAt'>;

/** Enough to take a letter action back: the letter, its writer and the timeline entry as they were. */
export interface LetterUndo {
  before?: Letter;
  letterId: string;
  contact?: Contact;
  interactionId?: string;
}

// Writing a contact also keeps its program links (storage/program-links.ts), so their tables are in scope too.
const SCOPE = () => [db.letters, db.contacts, db.interactions, db.settings, ...PROGRAM_TABLES];

/** Creates a letter; one that starts past "planned" is logged on the writer's timeline like any change of status. */
export async function addLetter(input: NewLetter, status: LetterStatus = 'planned', now = Date.now()): Promise<Letter> {
  return db.transaction('rw', SCOPE(), async () => {
    if (!(await db.contacts.get(input.writerId))) throw new UserError(userText('errors.contactGone'));
    const settings = await getSettings();
    const letter = withDueAt({ ...input, id: newId(), status: 'planned', createdAt: now, updatedAt: now }, settings);
    await db.letters.add(letter);
    return status === 'planned' ? letter : (await setLetterStatus(letter.id, status, now)).letter;
  });
}

export type LetterPatch = Partial<Omit<Letter, 'id' | 'writerId' | 'status' | 'createdAt' | 'updatedAt' | 'dueAt'>>;

/** Edits a letter's details (not its status); its reminders follow a changed deadline. */
export async function updateLetter(id: string, patch: LetterPatch, now = Date.now()): Promise<Letter> {
  return db.transaction('rw', [db.letters, db.settings], async () => {
    const existing = await db.letters.get(id);
    if (!existing) throw new UserError(userText('errors.letterGone'));
    const letter = withDueAt({ ...existing, ...patch, updatedAt: now }, await getSettings());
    await db.letters.put(letter);
    return letter;
  });
}

/** Moves a letter to a status, dates that step and logs it on the writer's timeline; returns how to undo it. */
export async function setLetterStatus(
  id: string,
  status: LetterStatus,
  now = Date.now(),
  text?: string,
): Promise<{ letter: Letter; undo: LetterUndo }> {
  return db.transaction('rw', SCOPE(), async () => {
    const before = await db.letters.get(id);
    if (!before) throw new UserError(userText('errors.letterGone'));
    const settings = await getSettings();
    const letter = withDueAt({ ...before, ...patchForLetterStatus(before, status, now), updatedAt: now }, settings);
    await db.letters.put(letter);
    const logged = await logInteraction(before.writerId, { kind: KIND_FOR_STATUS[status], letterId: id, text }, now, { moveLetter: false });
    return { letter, undo: { before, letterId: id, contact: logged.previous, interactionId: logged.interaction.id } };
  });
}

/** Puts a due letter reminder off by 1 day, 3 days, a week or until a date. */
export async function snoozeLetter(id: string, choice: SnoozeChoice | { date: string }, now = Date.now()): Promise<LetterUndo> {
  const until = snoozeUntil(choice, now);
  return changeReminder(id, { snoozedUntil: until }, now);
}

/** "Not now": the reminder that has come is dealt with; the next one (or the same a week later) follows. */
export async function dismissLetterReminder(id: string, now = Date.now()): Promise<LetterUndo> {
  return changeReminder(id, { remindedAt: now, snoozedUntil: undefined }, now);
}

async function changeReminder(id: string, patch: Partial<Letter>, now: number): Promise<LetterUndo> {
  return db.transaction('rw', [db.letters, db.settings], async () => {
    const before = await db.letters.get(id);
    if (!before) throw new UserError(userText('errors.letterGone'));
    await db.letters.put(withDueAt({ ...before, ...patch, updatedAt: now }, await getSettings()));
    return { before, letterId: id };
  });
}

/** Takes a letter action back: the letter (or its absence), its writer and timeline as they were. */
export async function undoLetterChange(undo: LetterUndo): Promise<void> {
  await db.transaction('rw', SCOPE(), async () => {
    if (undo.before) await db.letters.put(Letter.parse(undo.before));
    else await db.letters.delete(undo.letterId);
    if (undo.interactionId && undo.contact) await undoInteraction(undo.interactionId, undo.contact);
  });
}

/** Deletes a letter for good (its timeline entries stay: they happened); returns it for an undo. */
export async function deleteLetter(id: string): Promise<Letter | undefined> {
  return db.transaction('rw', db.letters, async () => {
    const letter = await db.letters.get(id);
    await db.letters.delete(id);
    return letter;
  });
}

/** Puts a deleted letter back (an undo). */
export async function restoreLetter(letter: Letter): Promise<void> {
  await db.transaction('rw', [db.letters, db.settings], async () => {
    await db.letters.put(withDueAt(letter, await getSettings()));
  });
}

export async function getLetter(id: string): Promise<Letter | undefined> {
  return db.letters.get(id);
}

/** Every letter: an applicant has a handful, so the Letters view reads them all. */
export async function listLetters(): Promise<Letter[]> {
  return db.letters.toArray();
}

/** The letters one writer writes, oldest first. */
export async function lettersBy(writerId: string): Promise<Letter[]> {
  return db.letters.where('writerId').equals(writerId).sortBy('createdAt');
}

/** The writer's letter a check-in or thank-you is about: the first still owed, else the first awaiting thanks. */
export async function currentLetterOf(writerId: string): Promise<Letter | undefined> {
  const mine = await lettersBy(writerId);
  return mine.find((l) => l.status === 'asked' || l.status === 'agreed') ?? mine.find((l) => l.status === 'submitted') ?? mine.find((l) => l.status === 'planned');
}

/** How many letter reminders are due at `now`: part of the badge. */
export async function countDueLetters(now = Date.now()): Promise<number> {
  return db.letters.where('dueAt').belowOrEqual(now).count();
}

export async function listDueLetters(now = Date.now()): Promise<Letter[]> {
  return db.letters.where('dueAt').belowOrEqual(now).toArray();
}

export async function nextLetterDueAfter(now = Date.now()): Promise<number | undefined> {
  return (await db.letters.where('dueAt').above(now).first())?.dueAt;
}

/** Recomputes every letter's next reminder, after the nudge days in Settings changed. */
export async function recomputeLetterReminders(): Promise<void> {
  await db.transaction('rw', [db.letters, db.settings], async () => {
    const settings = await getSettings();
    const all = await db.letters.toArray();
    await db.letters.bulkPut(all.map((letter) => withDueAt(letter, settings)));
  });
}
