// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * The letters repository (storage/letters.ts) and what the timeline, the
 * badge and keeping in touch make of letters: every change of status lands
 * on the writer's timeline, "agreed" never clears the letter's reminder, a
 * letter request marked sent creates or moves the letter, and every due-list
 * action can be undone.
 */
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshBadge } from '../../../background/badge';
import { addContact, countLettersBy, deleteContact, getContact, restoreContact, updateContact } from '../../../storage/contacts';
import { recordSent } from '../../../storage/drafts';
import { countDue, listDue } from '../../../storage/due';
import { listInteractions, logInteraction, undoInteraction } from '../../../storage/interactions';
import { notNowKeepInTouch, setKeepInTouch, setTagIntervals, snoozeKeepInTouch, restoreContactRecords } from '../../../storage/keep-in-touch';
import {
  addLetter,
  dismissLetterReminder,
  getLetter,
  lettersBy,
  listLetters,
  recomputeLetterReminders,
  setLetterStatus,
  snoozeLetter,
  undoLetterChange,
  updateLetter,
} from '../../../storage/letters';
import { updateSettings } from '../../../storage/settings';

const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();
const T0 = local(2026, 8, 1, 10);

async function writer(name = 'Dr. Ana Ruiz') {
  return addContact({ fullName: name }, T0);
}

describe('letters as records', () => {
  it('every change of status is dated and lands on the writer’s timeline', async () => {
    const ana = await writer();
    const letter = await addLetter({ writerId: ana.id, deadline: '2026-09-15', meantFor: ['Internal Medicine'], kind: 'chair' }, 'planned', T0);
    expect(letter.status).toBe('planned');
    await setLetterStatus(letter.id, 'asked', local(2026, 8, 2, 9));
    await setLetterStatus(letter.id, 'agreed', local(2026, 8, 4, 9));
    await setLetterStatus(letter.id, 'submitted', local(2026, 9, 10, 9));
    const { letter: thanked } = await setLetterStatus(letter.id, 'thanked', local(2026, 9, 11, 9));
    expect(thanked).toMatchObject({ askedAt: local(2026, 8, 2, 9), agreedAt: local(2026, 8, 4, 9), submittedAt: local(2026, 9, 10, 9), thankedAt: local(2026, 9, 11, 9) });
    const timeline = await listInteractions(ana.id);
    expect(timeline.map((i) => i.kind)).toEqual(['letter_thanked', 'letter_submitted', 'letter_agreed', 'letter_requested']);
    expect(timeline.every((i) => i.letterId === letter.id)).toBe(true);
  });

  it('"agreed" clears the writer’s follow-up clock but never the letter’s reminder', async () => {
    const ana = await writer();
    const letter = await addLetter({ writerId: ana.id, deadline: '2026-09-15' }, 'asked', T0);
    await setLetterStatus(letter.id, 'agreed', local(2026, 8, 3));
    expect((await getContact(ana.id))?.status).toBe('replied');
    expect((await getLetter(letter.id))?.dueAt).toBe(local(2026, 9, 1));
    expect(await countDue(local(2026, 9, 1))).toEqual({ follow_up: 0, letter: 1, keep_in_touch: 0 });
  });

  it('logging a letter entry on the timeline moves the writer’s letter, or creates one', async () => {
    const ana = await writer();
    await logInteraction(ana.id, { kind: 'letter_requested' }, T0);
    const [created] = await lettersBy(ana.id);
    expect(created).toMatchObject({ status: 'asked', askedAt: T0 });
    // Asking does not start the generic 7-day clock: the letter's own reminders govern.
    expect((await getContact(ana.id))?.nextFollowUpAt).toBeUndefined();
    await logInteraction(ana.id, { kind: 'letter_agreed' }, T0 + 1);
    await logInteraction(ana.id, { kind: 'letter_submitted' }, T0 + 2);
    expect((await lettersBy(ana.id)).map((l) => l.status)).toEqual(['submitted']);
  });

  it('a letter request marked sent fills the planned letter with the draft’s Letter ID, waiver and deadline, dated that day', async () => {
    const ana = await writer();
    const planned = await addLetter({ writerId: ana.id, meantFor: ['Neurology'] }, 'planned', T0);
    await recordSent(ana.id, { kind: 'letter_requested', channel: 'email', templateId: 'builtin:letter-request' }, local(2026, 8, 2, 11), {
      letter: { erasLetterId: 'AB12345678', waiver: 'waived', deadline: '2026-09-30' },
    });
    expect(await getLetter(planned.id)).toMatchObject({ status: 'asked', askedAt: local(2026, 8, 2, 11), erasLetterId: 'AB12345678', waiver: 'waived', deadline: '2026-09-30' });
    expect(await listLetters()).toHaveLength(1);
  });

  it('a changed deadline moves the reminder; changed nudge days in Settings move every letter’s', async () => {
    const ana = await writer();
    const letter = await addLetter({ writerId: ana.id, deadline: '2026-09-15' }, 'asked', T0);
    expect((await updateLetter(letter.id, { deadline: '2026-10-15' }, T0)).dueAt).toBe(local(2026, 10, 1));
    await updateSettings({ letterNudgeDays: [7] });
    await recomputeLetterReminders();
    expect((await getLetter(letter.id))?.dueAt).toBe(local(2026, 10, 8));
  });
});

describe('due-list actions and their undo', () => {
  it('Mark submitted, Snooze and Not now can each be undone', async () => {
    const ana = await writer();
    const letter = await addLetter({ writerId: ana.id, deadline: '2026-09-15' }, 'asked', T0);
    const now = local(2026, 9, 1, 9);
    expect((await listDue(now)).items).toMatchObject([{ kind: 'letter', letterId: letter.id, reason: 'nudge' }]);

    const { undo } = await setLetterStatus(letter.id, 'submitted', now);
    expect((await listDue(now)).items).toEqual([]);
    expect((await listDue(local(2026, 9, 2))).items).toMatchObject([{ kind: 'letter', reason: 'thank_you' }]);
    const contactBefore = await getContact(ana.id);
    await undoLetterChange(undo);
    expect((await getLetter(letter.id))?.status).toBe('asked');
    expect((await listInteractions(ana.id)).map((i) => i.kind)).toEqual(['letter_requested']);
    expect(contactBefore).toBeDefined();

    const snoozed = await snoozeLetter(letter.id, '3d', now);
    expect(await countDue(now)).toMatchObject({ letter: 0 });
    expect(await countDue(local(2026, 9, 4))).toMatchObject({ letter: 1 });
    await undoLetterChange(snoozed);
    expect(await countDue(now)).toMatchObject({ letter: 1 });

    const dismissed = await dismissLetterReminder(letter.id, now);
    expect((await getLetter(letter.id))?.dueAt).toBe(local(2026, 9, 12));
    await undoLetterChange(dismissed);
    expect((await getLetter(letter.id))?.dueAt).toBe(local(2026, 9, 1));
  });
});

describe('keeping in touch', () => {
  it('comes due after its interval, restarts at any logged interaction, and Not now and Snooze undo', async () => {
    const ana = await writer();
    const before = await setKeepInTouch([ana.id], 30, T0);
    expect(before[0]?.keepInTouchDays).toBeUndefined();
    expect((await getContact(ana.id))?.keepInTouchAt).toBe(local(2026, 8, 31));
    expect(await countDue(local(2026, 8, 31))).toEqual({ follow_up: 0, letter: 0, keep_in_touch: 1 });

    const { interaction, previous } = await logInteraction(ana.id, { kind: 'call', channel: 'phone' }, local(2026, 9, 2, 15));
    expect((await getContact(ana.id))?.keepInTouchAt).toBe(local(2026, 10, 2));
    await undoInteraction(interaction.id, previous);
    expect((await getContact(ana.id))?.keepInTouchAt).toBe(local(2026, 8, 31));

    const prior = (await getContact(ana.id))!;
    await notNowKeepInTouch(ana.id, local(2026, 9, 1, 8));
    expect((await getContact(ana.id))?.keepInTouchAt).toBe(local(2026, 10, 1));
    await restoreContactRecords([prior]);
    await snoozeKeepInTouch(ana.id, '1w', local(2026, 9, 1, 8));
    expect((await getContact(ana.id))?.keepInTouchAt).toBe(local(2026, 9, 8));
  });

  it('a message sent hands the contact to the follow-up clock; a tag’s interval applies to every contact with it', async () => {
    const ana = await writer();
    const ben = await addContact({ fullName: 'Ben Ode', tags: ['Mentor'] }, T0);
    await setTagIntervals({ Mentor: 90 }, T0);
    expect((await getContact(ben.id))?.keepInTouchAt).toBe(local(2026, 10, 30));
    await updateContact(ana.id, { tags: ['Mentor'] }, T0);
    expect((await getContact(ana.id))?.keepInTouchAt).toBe(local(2026, 10, 30));
    await logInteraction(ana.id, { kind: 'message_sent' }, local(2026, 8, 2));
    const awaiting = await getContact(ana.id);
    expect(awaiting?.keepInTouchAt).toBeUndefined();
    expect(awaiting?.nextFollowUpAt).toBeDefined();
    await setTagIntervals({}, T0);
    expect((await getContact(ben.id))?.keepInTouchAt).toBeUndefined();
  });
});

describe('the badge and deleting a writer', () => {
  it('the badge counts letters and keeping in touch with follow-ups, and its tooltip says what is due', async () => {
    const ana = await writer();
    const ben = await writer('Ben Ode');
    await addLetter({ writerId: ana.id, deadline: '2026-09-15' }, 'asked', T0);
    await logInteraction(ben.id, { kind: 'message_sent' }, T0);
    await logInteraction((await writer('Cleo Park')).id, { kind: 'message_sent' }, T0);
    const due = await refreshBadge(local(2026, 9, 1, 9));
    expect(due).toBe(3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^Rapport: 2 follow-ups, 1 letter due/);
  });

  it('a writer’s letters go to the trash with them, or are kept, as the user chooses', async () => {
    const ana = await writer();
    await addLetter({ writerId: ana.id }, 'planned', T0);
    expect(await countLettersBy([ana.id])).toBe(1);
    await deleteContact(ana.id, T0, 'delete');
    expect(await listLetters()).toHaveLength(0);
    await restoreContact(ana.id);
    expect(await lettersBy(ana.id)).toHaveLength(1);
    await deleteContact(ana.id, T0, 'keep');
    expect(await listLetters()).toHaveLength(1);
  });
});

describe('drafting and letters', () => {
  it('the letter templates fill the Letter ID, waiver and deadline from the letter record', async () => {
    const { variableValues } = await import('../../../drafting/variables');
    const { DEFAULT_SETTINGS } = await import('../../../model/schemas');
    const ana = await writer();
    const letter = await addLetter({ writerId: ana.id, erasLetterId: 'AB12345678', waiver: 'waived', deadline: '2026-09-15' }, 'asked', T0);
    const values = variableValues(ana, DEFAULT_SETTINGS, {}, letter);
    expect(values).toMatchObject({ erasLetterId: 'AB12345678', waiverChoice: 'I have waived my right to see the letter.' });
    expect(values.letterDeadline).toMatch(/September 15, 2026/);
    // What the user typed in the draft wins over the record.
    expect(variableValues(ana, DEFAULT_SETTINGS, { erasLetterId: 'ZZ' }, letter).erasLetterId).toBe('ZZ');
  });

  it('a check-in sent deals with the letter’s reminder; a thank-you sent marks the letter thanked', async () => {
    const ana = await writer();
    const letter = await addLetter({ writerId: ana.id, deadline: '2026-09-15' }, 'agreed', T0);
    await recordSent(ana.id, { kind: 'letter_check_in', templateId: 'builtin:letter-check-in' }, local(2026, 9, 1, 9), { letter: { letterId: letter.id } });
    expect((await getLetter(letter.id))?.dueAt).toBe(local(2026, 9, 12));
    await setLetterStatus(letter.id, 'submitted', local(2026, 9, 10));
    await recordSent(ana.id, { kind: 'letter_thanked', templateId: 'builtin:letter-thank-you' }, local(2026, 9, 11, 9), { letter: { letterId: letter.id } });
    expect(await getLetter(letter.id)).toMatchObject({ status: 'thanked', thankedAt: local(2026, 9, 11, 9) });
    expect((await getLetter(letter.id))?.dueAt).toBeUndefined();
  });
});

describe('search', () => {
  it('"letter" finds the contacts who write letters, and so does what a letter is meant for', async () => {
    const { searchContacts } = await import('../../../storage/contact-list');
    const ana = await writer();
    await writer('Ben Ode');
    await addLetter({ writerId: ana.id, meantFor: ['Neurology'] }, 'asked', T0);
    expect((await searchContacts('letter', {}, 'name'))?.ids).toEqual([ana.id]);
    expect((await searchContacts('neuro', {}, 'name'))?.ids).toEqual([ana.id]);
    expect((await searchContacts('ana lett', {}, 'name'))?.ids).toEqual([ana.id]);
    expect((await searchContacts('ben letter', {}, 'name'))?.ids).toEqual([]);
  });
});
