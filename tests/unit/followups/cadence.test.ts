// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * The follow-up cadence end to end through the repositories, with the clock
 * faked: send → follow-up → follow-up → "no response", snooze, reply clears.
 */
import '../page-storage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dueLabel,
  followUpState,
  followUpTemplateFor,
  localDay,
  patchForSnooze,
  snoozeUntil,
} from '../../../followups/rules';
import { getContact, saveCapture } from '../../../storage/contacts';
import {
  claimDailySummary,
  countDueFollowUps,
  listDueFollowUps,
  markNoResponse,
  markReplyReceived,
  releaseDailySummary,
  snoozeFollowUp,
} from '../../../storage/followups';
import { logInteraction } from '../../../storage/interactions';
import { DEFAULT_SETTINGS, Settings } from '../../../model/schemas';
import { getSettings, updateSettings } from '../../../storage/settings';
import { capture } from '../helpers';

const DAY = 86_400_000;

beforeEach(() => {
  // Only the clock: fake-indexeddb schedules its work with setImmediate, which must stay real.
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function stateNow(id: string) {
  const contact = await getContact(id);
  if (!contact) throw new Error('missing');
  return followUpState(contact, await getSettings(), Date.now());
}

describe('the follow-up cadence', () => {
  it('send → follow-up → follow-up → no response, with the defaults (7 days, 2 follow-ups)', async () => {
    const { contact } = await saveCapture(capture());
    vi.setSystemTime(new Date(2026, 3, 6, 14, 30)); // Monday afternoon
    await logInteraction(contact.id, { kind: 'message_sent', channel: 'linkedin' });
    let c = (await getContact(contact.id))!;
    expect(c.nextFollowUpAt).toBe(new Date(2026, 3, 13).getTime());
    expect(followUpTemplateFor(c)).toBe('builtin:follow-up-1');

    vi.setSystemTime(new Date(2026, 3, 12, 23, 59, 59));
    expect(await countDueFollowUps()).toBe(0);
    expect(await stateNow(contact.id)).toBe('scheduled');

    // Due from the first moment of the local day, a week later.
    vi.setSystemTime(new Date(2026, 3, 13, 0, 0, 0));
    expect(await countDueFollowUps()).toBe(1);
    expect(await stateNow(contact.id)).toBe('due');

    vi.setSystemTime(new Date(2026, 3, 14, 9));
    await logInteraction(contact.id, { kind: 'follow_up_sent', channel: 'linkedin' });
    c = (await getContact(contact.id))!;
    expect(c).toMatchObject({ status: 'awaiting_reply', followUpsSent: 1, nextFollowUpAt: new Date(2026, 3, 21).getTime() });
    expect(followUpTemplateFor(c)).toBe('builtin:follow-up-2');
    expect(await countDueFollowUps()).toBe(0);

    vi.setSystemTime(new Date(2026, 3, 21, 8));
    expect(await stateNow(contact.id)).toBe('due');
    await logInteraction(contact.id, { kind: 'follow_up_sent', channel: 'linkedin' });
    c = (await getContact(contact.id))!;
    expect(c.followUpsSent).toBe(2);
    expect(followUpTemplateFor(c)).toBe('builtin:follow-up-2');

    // The last polite follow-up is not overdue yet: nothing to offer.
    vi.setSystemTime(new Date(2026, 3, 27, 12));
    expect(await stateNow(contact.id)).toBe('scheduled');
    vi.setSystemTime(new Date(2026, 3, 28, 0, 0));
    expect(await stateNow(contact.id)).toBe('no_response');
    expect(await countDueFollowUps()).toBe(1);

    const closed = await markNoResponse(contact.id);
    expect(closed).toMatchObject({ status: 'no_response', nextFollowUpAt: undefined });
    expect(await countDueFollowUps(Date.now() + 365 * DAY)).toBe(0);
  });

  it('follows the cadence in the settings', async () => {
    await updateSettings({ followUpDays: 3, maxFollowUps: 0 });
    const { contact } = await saveCapture(capture());
    vi.setSystemTime(new Date(2026, 0, 30, 18));
    const { contact: sent } = await logInteraction(contact.id, { kind: 'message_sent' });
    expect(sent.nextFollowUpAt).toBe(new Date(2026, 1, 2).getTime());
    vi.setSystemTime(new Date(2026, 1, 2, 7));
    // No follow-ups wanted: the first overdue message already offers "no response".
    expect(await stateNow(contact.id)).toBe('no_response');
  });

  it('a reply, a meeting or closing clears the follow-up', async () => {
    vi.setSystemTime(new Date(2026, 4, 1, 10));
    const a = (await saveCapture(capture())).contact;
    const b = (await saveCapture(capture({ fullName: 'Sam Lee', profileUrl: 'https://www.linkedin.com/in/sam-lee/' }))).contact;
    const d = (await saveCapture(capture({ fullName: 'Ana Ruiz', profileUrl: 'https://www.linkedin.com/in/ana-ruiz/' }))).contact;
    for (const c of [a, b, d]) await logInteraction(c.id, { kind: 'message_sent' });
    vi.setSystemTime(new Date(2026, 4, 20));
    expect(await countDueFollowUps()).toBe(3);

    expect(await markReplyReceived(a.id)).toMatchObject({ status: 'replied', nextFollowUpAt: undefined });
    await logInteraction(b.id, { kind: 'meeting' });
    const { setStatus } = await import('../../../storage/contacts');
    await setStatus(d.id, 'closed');
    expect(await countDueFollowUps()).toBe(0);
    expect(await listDueFollowUps()).toEqual([]);
  });

  it('lists due follow-ups oldest first, limited for the popup', async () => {
    const ids: string[] = [];
    for (const [i, name] of ['Ana Ruiz', 'Ben Cho', 'Cy Park'].entries()) {
      const { contact } = await saveCapture(capture({ fullName: name, profileUrl: `https://www.linkedin.com/in/p${i}/` }));
      ids.push(contact.id);
    }
    vi.setSystemTime(new Date(2026, 0, 5, 9));
    await logInteraction(ids[1]!, { kind: 'message_sent' }, new Date(2026, 0, 1).getTime());
    await logInteraction(ids[2]!, { kind: 'message_sent' }, new Date(2025, 11, 20).getTime());
    await logInteraction(ids[0]!, { kind: 'message_sent' }, new Date(2025, 11, 28).getTime());
    vi.setSystemTime(new Date(2026, 0, 20));
    expect((await listDueFollowUps()).map((c) => c.fullName)).toEqual(['Cy Park', 'Ana Ruiz', 'Ben Cho']);
    expect((await listDueFollowUps(Date.now(), 2)).map((c) => c.fullName)).toEqual(['Cy Park', 'Ana Ruiz']);
  });
});

describe('snooze', () => {
  it('puts a due follow-up off by 1 day, 3 days or a week, to the start of that local day', () => {
    const now = new Date(2026, 5, 10, 16, 45).getTime();
    expect(snoozeUntil('1d', now)).toBe(new Date(2026, 5, 11).getTime());
    expect(snoozeUntil('3d', now)).toBe(new Date(2026, 5, 13).getTime());
    expect(snoozeUntil('1w', now)).toBe(new Date(2026, 5, 17).getTime());
    expect(patchForSnooze(5)).toEqual({ nextFollowUpAt: 5 });
  });

  it('puts it off to a chosen date, which must exist and be after today', () => {
    const now = new Date(2026, 5, 10, 16, 45).getTime();
    expect(snoozeUntil({ date: '2026-07-01' }, now)).toBe(new Date(2026, 6, 1).getTime());
    expect(() => snoozeUntil({ date: '2026-06-10' }, now)).toThrow('after today');
    expect(() => snoozeUntil({ date: '2026-02-30' }, now)).toThrow('does not exist');
    expect(() => snoozeUntil({ date: 'next week' }, now)).toThrow();
    expect(() => snoozeUntil({ date: '' }, now)).toThrow();
  });

  it('takes the follow-up off the badge until then, keeping the outreach', async () => {
    const { contact } = await saveCapture(capture());
    vi.setSystemTime(new Date(2026, 2, 1, 9));
    await logInteraction(contact.id, { kind: 'message_sent' });
    vi.setSystemTime(new Date(2026, 2, 9, 15));
    expect(await countDueFollowUps()).toBe(1);

    const snoozed = await snoozeFollowUp(contact.id, '3d');
    expect(snoozed).toMatchObject({ status: 'awaiting_reply', followUpsSent: 0, nextFollowUpAt: new Date(2026, 2, 12).getTime() });
    expect(await countDueFollowUps()).toBe(0);
    vi.setSystemTime(new Date(2026, 2, 12, 0, 0));
    expect(await countDueFollowUps()).toBe(1);

    await snoozeFollowUp(contact.id, { date: '2026-04-02' });
    expect(await countDueFollowUps()).toBe(0);
    vi.setSystemTime(new Date(2026, 3, 2, 6));
    expect(await countDueFollowUps()).toBe(1);
    await expect(snoozeFollowUp(contact.id, { date: '2026-04-01' })).rejects.toThrow('after today');
  });
});

describe('labels and settings', () => {
  it('says how many are due', () => {
    expect(dueLabel(0)).toBe('No follow-ups due');
    expect(dueLabel(1)).toBe('1 follow-up due');
    expect(dueLabel(3)).toBe('3 follow-ups due');
  });

  it('the daily summary is off unless the user turns it on, and old settings stay valid', async () => {
    expect(DEFAULT_SETTINGS.dailySummary).toBe(false);
    expect(Settings.parse({ followUpDays: 5 }).dailySummary).toBe(false);
    expect((await updateSettings({ dailySummary: true })).dailySummary).toBe(true);
    expect(() => Settings.parse({ dailySummary: 'yes' })).toThrow();
  });

  it('claims one daily summary per local day, in the database', async () => {
    const day = localDay(new Date(2026, 0, 2, 23, 59).getTime());
    expect(day).toBe('2026-01-02');
    expect(await claimDailySummary(day)).toBe(true);
    expect(await claimDailySummary(day)).toBe(false);
    const racing = await Promise.all([claimDailySummary('2026-01-03'), claimDailySummary('2026-01-03')]);
    expect(racing.filter(Boolean)).toHaveLength(1);
    await releaseDailySummary('2026-01-03');
    expect(await claimDailySummary('2026-01-03')).toBe(true);
  });
});
