// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * Due dates in a real time zone with daylight saving (New York), and the
 * badge count for one instant whatever the zone (RELIABILITY F12). Node
 * re-reads process.env.TZ when it is assigned; each test file runs in its own
 * worker process (vitest's forks pool), and the zone is restored afterwards.
 */
import '../page-storage';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dueAfter, isDue, patchForInteraction, snoozeUntil } from '../../../followups/rules';
import { saveCapture } from '../../../storage/contacts';
import { countDueFollowUps } from '../../../storage/followups';
import { db } from '../../../storage/db';
import { logInteraction } from '../../../storage/interactions';
import { capture } from '../helpers';

const HOUR = 3_600_000;
const original = process.env.TZ;

function inZone<T>(zone: string, run: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return run();
  } finally {
    process.env.TZ = before;
  }
}

beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = original;
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('in New York, across daylight-saving changes', () => {
  it('the zone is really in effect', () => {
    expect(new Date(Date.UTC(2026, 0, 15, 12)).getHours()).toBe(7); // EST, UTC−5
    expect(new Date(Date.UTC(2026, 6, 15, 12)).getHours()).toBe(8); // EDT, UTC−4
  });

  it('a week after a message sent before clocks spring forward is local midnight, 7 days minus an hour later', () => {
    const sent = Date.parse('2026-03-05T15:00:00Z'); // Thu 10:00 EST
    const due = dueAfter(sent, 7);
    expect(due).toBe(Date.parse('2026-03-12T04:00:00Z')); // Thu 12 Mar 00:00 EDT
    expect(new Date(due).getHours()).toBe(0);
    const midnightBefore = Date.parse('2026-03-05T05:00:00Z');
    expect(due - midnightBefore).toBe(7 * 24 * HOUR - HOUR);
  });

  it('when clocks fall back, a week is 7 days plus an hour', () => {
    const sent = Date.parse('2026-10-29T13:00:00Z'); // Thu 09:00 EDT
    const due = dueAfter(sent, 7);
    expect(due).toBe(Date.parse('2026-11-05T05:00:00Z')); // Thu 5 Nov 00:00 EST
    expect(due - Date.parse('2026-10-29T04:00:00Z')).toBe(7 * 24 * HOUR + HOUR);
  });

  it('snoozing over the change lands on local midnight', () => {
    const now = Date.parse('2026-03-08T03:30:00Z'); // Sat 7 Mar 22:30 EST
    expect(snoozeUntil('1d', now)).toBe(Date.parse('2026-03-08T05:00:00Z')); // Sun 00:00 EST
    expect(snoozeUntil('3d', now)).toBe(Date.parse('2026-03-10T04:00:00Z')); // Tue 00:00 EDT
    expect(snoozeUntil({ date: '2026-03-09' }, now)).toBe(Date.parse('2026-03-09T04:00:00Z'));
  });

  it('late evening sends count the local day, not the UTC one', () => {
    // 23:30 in New York is already the next day in UTC.
    const sent = Date.parse('2026-01-06T04:30:00Z'); // Mon 5 Jan 23:30 EST
    const patch = patchForInteraction({ status: 'not_contacted', followUpsSent: 0, lastContactedAt: undefined }, 'message_sent', sent, { followUpDays: 1 });
    expect(patch.nextFollowUpAt).toBe(Date.parse('2026-01-06T05:00:00Z')); // Tue 00:00 EST
    expect(isDue({ nextFollowUpAt: patch.nextFollowUpAt }, Date.parse('2026-01-06T04:59:59Z'))).toBe(false);
    expect(isDue({ nextFollowUpAt: patch.nextFollowUpAt }, Date.parse('2026-01-06T05:00:00Z'))).toBe(true);
  });

  it('a follow-up falls due at the start of the day through the database too', async () => {
    const { contact } = await saveCapture(capture());
    vi.setSystemTime(Date.parse('2026-03-04T20:00:00Z')); // Wed 15:00 EST
    const { contact: sent } = await logInteraction(contact.id, { kind: 'message_sent' });
    expect(sent.nextFollowUpAt).toBe(Date.parse('2026-03-11T04:00:00Z'));
    expect(await countDueFollowUps(Date.parse('2026-03-11T03:59:59Z'))).toBe(0);
    expect(await countDueFollowUps(Date.parse('2026-03-11T04:00:00Z'))).toBe(1);
  });
});

describe('RELIABILITY F12: clock and time zone changes', () => {
  it('due dates are stored as epoch milliseconds', async () => {
    const { contact } = await saveCapture(capture());
    await logInteraction(contact.id, { kind: 'message_sent' }, Date.parse('2026-03-04T20:00:00Z'));
    const stored = await db.contacts.get(contact.id);
    expect(Number.isInteger(stored?.nextFollowUpAt)).toBe(true);
  });

  it('changing the time zone does not change the count for the same instant', async () => {
    // Due instants either side of the instant we count at, and one exactly on it.
    const instant = Date.parse('2026-03-08T06:30:00Z');
    const dues = [-48, -7, -1, 0, 1, 5, 30].map((h) => instant + h * HOUR);
    for (const [i, due] of dues.entries()) {
      const { contact } = await saveCapture(capture({ fullName: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/p-${i}/` }));
      await db.contacts.update(contact.id, { nextFollowUpAt: due });
    }
    const counts: Record<string, number> = {};
    for (const zone of ['UTC', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      counts[zone] = await countDueFollowUps(instant);
    }
    process.env.TZ = 'America/New_York';
    expect(new Set(Object.values(counts))).toEqual(new Set([4]));
  });

  it('the local hour differs by zone while the due instant does not', () => {
    const due = Date.parse('2026-03-12T04:00:00Z');
    expect(inZone('UTC', () => new Date(due).getHours())).toBe(4);
    expect(inZone('Asia/Kolkata', () => new Date(due).getHours())).toBe(9);
    expect(inZone('UTC', () => isDue({ nextFollowUpAt: due }, due))).toBe(inZone('Asia/Tokyo', () => isDue({ nextFollowUpAt: due }, due)));
  });
});
