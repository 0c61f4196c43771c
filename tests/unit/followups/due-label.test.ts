// @vitest-environment node (no DOM reached: see vitest.config.ts)
/** A follow-up's line in the due list, in words (followups/due-label.ts): how late it is and where it stands. */
import { describe, expect, it } from 'vitest';
import { followUpDueText, followUpStageText, isOverdue } from '../../../followups/due-label';
import { DEFAULT_SETTINGS, type Contact } from '../../../model/schemas';

const DAY = 86_400_000;
const now = new Date(2026, 2, 10, 15, 0).getTime();
const followUp = (over: Partial<Contact>) => ({ status: 'awaiting_reply', followUpsSent: 0, nextFollowUpAt: now - DAY, ...over }) as Contact;

describe('a follow-up due, in words', () => {
  it('is overdue from the next calendar day, not 24 hours later', () => {
    expect(isOverdue(new Date(2026, 2, 10, 8, 0).getTime(), now)).toBe(false);
    expect(isOverdue(new Date(2026, 2, 9, 23, 0).getTime(), now)).toBe(true);
  });

  it('says how late it is', () => {
    expect(followUpDueText(now, now)).toBe('Due today');
    expect(followUpDueText(now + DAY, now)).toBe('Due today');
    expect(followUpDueText(now - DAY, now)).toBe('Due since yesterday');
    expect(followUpDueText(now - 20 * DAY, now)).toBe('20 days overdue');
  });

  it('says where it stands: the next follow-up of the limit, the last ones sent without reply, or a reminder', () => {
    const settings = { ...DEFAULT_SETTINGS, maxFollowUps: 2 };
    expect(followUpStageText(followUp({ followUpsSent: 0 }), settings, now)).toBe('Follow-up 1 of 2');
    expect(followUpStageText(followUp({ followUpsSent: 2 }), settings, now)).toBe('2 follow-ups sent, no reply yet');
    expect(followUpStageText(followUp({ status: 'replied' }), settings, now)).toBe('Reminder');
    // No follow-ups allowed: a due reminder of someone awaiting a reply offers "no response" at once.
    expect(followUpStageText(followUp({ followUpsSent: 0 }), { ...settings, maxFollowUps: 0 }, now)).toBe('0 follow-ups sent, no reply yet');
  });
});
