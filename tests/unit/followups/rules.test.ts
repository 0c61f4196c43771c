// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { dueAfter, isDue, patchForInteraction, patchForStatus, shouldOfferNoResponse } from '../../../followups/rules';

const settings = { followUpDays: 7, maxFollowUps: 2 };
const fresh = { status: 'not_contacted' as const, followUpsSent: 0, lastContactedAt: undefined };

describe('follow-up rules', () => {
  it('falls due at the start of the local day, cadence days later', () => {
    expect(dueAfter(new Date(2026, 2, 3, 22, 15).getTime(), 7)).toBe(new Date(2026, 2, 10).getTime());
  });

  it('a message sent starts the clock; follow-ups count up; a reply clears it', () => {
    const at = new Date(2026, 0, 1, 9).getTime();
    const sent = patchForInteraction(fresh, 'message_sent', at, settings);
    expect(sent).toEqual({ status: 'awaiting_reply', followUpsSent: 0, lastContactedAt: at, nextFollowUpAt: new Date(2026, 0, 8).getTime() });
    const followed = patchForInteraction({ ...fresh, status: 'awaiting_reply', followUpsSent: 0 }, 'follow_up_sent', at + 7 * 864e5, settings);
    expect(followed.followUpsSent).toBe(1);
    expect(patchForInteraction(fresh, 'reply_received', at, settings)).toEqual({ status: 'replied', nextFollowUpAt: undefined });
  });

  it('offers "no response" only once the last follow-up is overdue', () => {
    const contact = { status: 'awaiting_reply' as const, followUpsSent: 2, nextFollowUpAt: 100 };
    expect(shouldOfferNoResponse(contact, settings, 99)).toBe(false);
    expect(shouldOfferNoResponse(contact, settings, 100)).toBe(true);
    expect(shouldOfferNoResponse({ ...contact, followUpsSent: 1 }, settings, 100)).toBe(false);
  });

  it('isDue compares instants', () => {
    expect(isDue({ nextFollowUpAt: undefined }, Date.now())).toBe(false);
    expect(isDue({ nextFollowUpAt: 5 }, 5)).toBe(true);
  });

  it('settled statuses clear the clock, awaiting reply keeps it', () => {
    expect(patchForStatus('closed')).toEqual({ status: 'closed', nextFollowUpAt: undefined });
    expect(patchForStatus('awaiting_reply')).toEqual({ status: 'awaiting_reply' });
  });
});
