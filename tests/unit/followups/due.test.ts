// @vitest-environment node (no DOM reached: see vitest.config.ts)
/**
 * The one rule module for what is due and when (followups/due.ts): letter
 * nudges before a deadline, overdue letters, the thank-you after submission
 * and keeping in touch, in real time zones and across daylight-saving changes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  daysLeft,
  keepInTouchAt,
  keepInTouchInterval,
  letterDueAt,
  letterReason,
  patchForLetterStatus,
  sortDue,
  type DueItem,
} from '../../../followups/due';
import { dueCountsLabel } from '../../../followups/due-label';
import { Contact, DEFAULT_SETTINGS, Letter, type LetterInput } from '../../../model/schemas';

const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  process.env.TZ = 'America/New_York';
});

const settings = DEFAULT_SETTINGS;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

function letter(input: Partial<LetterInput>): Letter {
  return Letter.parse({ id: 'l1', writerId: 'c1', createdAt: local(2026, 8, 1), updatedAt: local(2026, 8, 1), ...input });
}

function contact(input: Partial<Contact>): Contact {
  return Contact.parse({ id: 'c1', source: 'manual', fullName: 'Ana Ruiz', createdAt: local(2026, 1, 1), updatedAt: local(2026, 1, 1), ...input });
}

describe('a pending letter with a deadline', () => {
  const asked = letter({ status: 'asked', askedAt: local(2026, 8, 3, 15), deadline: '2026-09-15' });

  it('is nudged at the start of the local day 14 days and 3 days before, then overdue the day after', () => {
    expect(letterDueAt(asked, settings)).toBe(local(2026, 9, 1));
    expect(letterReason(asked, settings, local(2026, 8, 31, 23, 59))).toBeUndefined();
    expect(letterReason(asked, settings, local(2026, 9, 1))).toBe('nudge');
    const handled = { ...asked, remindedAt: local(2026, 9, 1, 9) };
    expect(letterDueAt(handled, settings)).toBe(local(2026, 9, 12));
    const handledTwice = { ...asked, remindedAt: local(2026, 9, 12, 9) };
    expect(letterDueAt(handledTwice, settings)).toBe(local(2026, 9, 16));
    expect(letterReason(handledTwice, settings, local(2026, 9, 16, 8))).toBe('overdue');
  });

  it('"agreed" keeps the reminders: the letter is still owed', () => {
    const agreed = { ...asked, ...patchForLetterStatus(asked, 'agreed', local(2026, 8, 5)) };
    expect(agreed.status).toBe('agreed');
    expect(letterDueAt(agreed, settings)).toBe(local(2026, 9, 1));
  });

  it('the nudge days come from Settings', () => {
    expect(letterDueAt(asked, { ...settings, letterNudgeDays: [7] })).toBe(local(2026, 9, 8));
    expect(letterDueAt({ ...asked, remindedAt: local(2026, 9, 8, 10) }, { ...settings, letterNudgeDays: [7] })).toBe(local(2026, 9, 16));
  });

  it('asked after a nudge day skips that nudge', () => {
    const late = letter({ status: 'asked', askedAt: local(2026, 9, 5, 10), deadline: '2026-09-15' });
    expect(letterDueAt(late, settings)).toBe(local(2026, 9, 12));
  });

  it('a deadline already past is overdue from the day after it, and comes back a week after "Not now"', () => {
    const past = letter({ status: 'agreed', askedAt: local(2026, 9, 20), deadline: '2026-09-15' });
    expect(letterReason(past, settings, local(2026, 9, 20, 12))).toBe('overdue');
    expect(letterDueAt(past, settings)).toBe(local(2026, 9, 20));
    const dismissed = { ...past, remindedAt: local(2026, 9, 21, 10) };
    expect(letterDueAt(dismissed, settings)).toBe(local(2026, 9, 28));
    expect(letterReason(dismissed, settings, local(2026, 9, 28))).toBe('overdue');
  });

  it('a deadline moved later after a nudge brings the nudges back at their new days', () => {
    const nudged = { ...asked, remindedAt: local(2026, 9, 1, 9) };
    const moved = { ...nudged, deadline: '2026-10-15' };
    expect(letterDueAt(moved, settings)).toBe(local(2026, 10, 1));
    expect(letterReason(moved, settings, local(2026, 9, 12))).toBeUndefined();
  });

  it('a deadline moved earlier after a nudge is due at the next nudge still ahead, or overdue', () => {
    const nudged = { ...asked, remindedAt: local(2026, 9, 1, 9) };
    expect(letterDueAt({ ...nudged, deadline: '2026-09-10' }, settings)).toBe(local(2026, 9, 7));
    expect(letterDueAt({ ...nudged, deadline: '2026-09-03' }, settings)).toBe(local(2026, 9, 4));
  });

  it('a snooze holds the reminder until it ends', () => {
    const snoozed = { ...asked, snoozedUntil: local(2026, 9, 4) };
    expect(letterDueAt(snoozed, settings)).toBe(local(2026, 9, 4));
    expect(letterReason(snoozed, settings, local(2026, 9, 3))).toBeUndefined();
    expect(letterReason(snoozed, settings, local(2026, 9, 4))).toBe('nudge');
  });
});

describe('other letters', () => {
  it('a submitted letter asks for a thank-you the next local day, and a thanked one for nothing', () => {
    const submitted = letter({ status: 'submitted', askedAt: local(2026, 8, 3), submittedAt: local(2026, 9, 10, 22, 30), deadline: '2026-09-15' });
    expect(letterDueAt(submitted, settings)).toBe(local(2026, 9, 11));
    expect(letterReason(submitted, settings, local(2026, 9, 11))).toBe('thank_you');
    expect(letterDueAt({ ...submitted, status: 'thanked' }, settings)).toBeUndefined();
  });

  it('planned, declined and withdrawn letters raise nothing; one with no deadline gets a check-in', () => {
    for (const status of ['planned', 'declined', 'withdrawn'] as const) {
      expect(letterDueAt(letter({ status, deadline: '2026-09-15' }), settings)).toBeUndefined();
    }
    const open = letter({ status: 'asked', askedAt: local(2026, 8, 3, 15) });
    expect(letterDueAt(open, settings)).toBe(local(2026, 8, 10));
    expect(letterReason(open, settings, local(2026, 8, 10))).toBe('check_in');
  });
});

describe('across time zones and daylight-saving changes', () => {
  it('a nudge across the November change is still the start of the local day', () => {
    // Deadline 2026-11-10; 14 days before is 2026-10-27 (EDT), 3 days before 2026-11-07 (EST).
    const asked = letter({ status: 'asked', askedAt: local(2026, 10, 1), deadline: '2026-11-10' });
    expect(new Date(letterDueAt(asked, settings)!).toISOString()).toBe('2026-10-27T04:00:00.000Z');
    expect(new Date(letterDueAt({ ...asked, remindedAt: local(2026, 10, 27, 9) }, settings)!).toISOString()).toBe('2026-11-07T05:00:00.000Z');
  });

  it('a thank-you across the March change is due at local midnight', () => {
    const submitted = letter({ status: 'submitted', submittedAt: local(2026, 3, 7, 20) });
    expect(new Date(letterDueAt(submitted, settings)!).toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it('the same deadline falls due at each zone’s own midnight', () => {
    const at: Record<string, string> = {};
    for (const zone of ['Asia/Tokyo', 'Europe/Berlin', 'America/Los_Angeles']) {
      process.env.TZ = zone;
      const asked = letter({ status: 'asked', askedAt: new Date(2026, 7, 1).getTime(), deadline: '2026-09-15' });
      at[zone] = new Date(letterDueAt(asked, settings)!).toISOString();
    }
    expect(at).toEqual({
      'Asia/Tokyo': '2026-08-31T15:00:00.000Z',
      'Europe/Berlin': '2026-08-31T22:00:00.000Z',
      'America/Los_Angeles': '2026-09-01T07:00:00.000Z',
    });
  });

  it('days left counts calendar days, not 24-hour spans, across a change', () => {
    expect(daysLeft('2026-11-03', local(2026, 10, 31, 23))).toBe(3);
    expect(daysLeft('2026-03-09', local(2026, 3, 7, 1))).toBe(2);
    expect(daysLeft('2026-03-07', local(2026, 3, 9))).toBe(-2);
    expect(daysLeft(undefined, 0)).toBeUndefined();
  });
});

describe('keeping in touch', () => {
  it('is off unless an interval is set, for the contact or one of its tags', () => {
    expect(keepInTouchAt(contact({}), {})).toBeUndefined();
    expect(keepInTouchInterval(contact({ tags: ['Mentor', 'IM'] }), { Mentor: 90, IM: 30 })).toBe(30);
    expect(keepInTouchInterval(contact({ tags: ['Mentor'], keepInTouchDays: 180 }), { Mentor: 90 })).toBe(180);
  });

  it('falls due the interval after the last logged interaction, at local midnight, and restarts there', () => {
    const c = contact({ keepInTouchDays: 90, lastInteractionAt: local(2026, 1, 10, 15) });
    expect(keepInTouchAt(c, {})).toBe(local(2026, 4, 10));
    expect(keepInTouchAt({ ...c, lastInteractionAt: local(2026, 4, 12, 9) }, {})).toBe(local(2026, 7, 11));
  });

  it('"Not now" restarts it and a snooze holds it', () => {
    const c = contact({ keepInTouchDays: 30, lastInteractionAt: local(2026, 1, 10) });
    expect(keepInTouchAt({ ...c, keepInTouchFrom: local(2026, 2, 15, 8) }, {})).toBe(local(2026, 3, 17));
    expect(keepInTouchAt({ ...c, keepInTouchSnoozedUntil: local(2026, 2, 20) }, {})).toBe(local(2026, 2, 20));
  });

  it('a contact awaiting a reply is left to the follow-up clock', () => {
    const c = contact({ keepInTouchDays: 30, status: 'awaiting_reply', nextFollowUpAt: local(2026, 1, 17) });
    expect(keepInTouchAt(c, {})).toBeUndefined();
    expect(keepInTouchAt({ ...c, status: 'replied', nextFollowUpAt: undefined }, {})).toBe(local(2026, 1, 31));
  });
});

describe('due items', () => {
  it('sort oldest first, a letter before a follow-up due the same moment', () => {
    const items: DueItem[] = [
      { kind: 'keep_in_touch', contactId: 'a', dueAt: 1 },
      { kind: 'follow_up', contactId: 'b', dueAt: 2, noResponse: false },
      { kind: 'letter', contactId: 'c', letterId: 'l', dueAt: 2, reason: 'nudge' },
    ];
    expect(sortDue(items).map((i) => i.kind)).toEqual(['keep_in_touch', 'letter', 'follow_up']);
  });

  it('the tooltip says what is due', () => {
    expect(dueCountsLabel({ follow_up: 2, letter: 1, keep_in_touch: 0 })).toBe('2 follow-ups, 1 letter due');
    expect(dueCountsLabel({ follow_up: 0, letter: 2, keep_in_touch: 1 })).toBe('2 letters, 1 keep-in-touch due');
    expect(dueCountsLabel({ follow_up: 3, letter: 0, keep_in_touch: 0 })).toBe('3 follow-ups due');
  });
});
