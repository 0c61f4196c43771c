/**
 * Follow-up rules: when a follow-up falls due and what each interaction does
 * to a contact's status and clock. Pure functions of their arguments, so that
 * every context (side panel, popup, background) applies the same rules.
 *
 * Times are epoch milliseconds. A follow-up is due at the start of the user's
 * local day, so "in 7 days" means the morning of that day wherever the user is,
 * across daylight-saving changes.
 */
import { addDays, startOfDay } from 'date-fns';
import type { Contact, InteractionKind, Settings, Status } from '../storage/schemas';

/** The local start of the day `days` days after `at`. */
export function dueAfter(at: number, days: number): number {
  return startOfDay(addDays(at, days)).getTime();
}

export function isDue(contact: Pick<Contact, 'nextFollowUpAt'>, now: number): boolean {
  return contact.nextFollowUpAt !== undefined && contact.nextFollowUpAt <= now;
}

/** Whether the last polite follow-up has been sent and is itself overdue. */
export function shouldOfferNoResponse(
  contact: Pick<Contact, 'nextFollowUpAt' | 'followUpsSent' | 'status'>,
  settings: Pick<Settings, 'maxFollowUps'>,
  now: number,
): boolean {
  return (
    contact.status === 'awaiting_reply' &&
    contact.followUpsSent >= settings.maxFollowUps &&
    isDue(contact, now)
  );
}

/** Statuses in which no follow-up is pending. */
const SETTLED: ReadonlySet<Status> = new Set(['replied', 'meeting', 'closed', 'no_response']);

export type FollowUpPatch = Partial<
  Pick<Contact, 'status' | 'lastContactedAt' | 'nextFollowUpAt' | 'followUpsSent'>
>;

/**
 * What logging an interaction of `kind` at `at` changes on the contact.
 * `nextFollowUpAt: undefined` in the patch means "clear it".
 */
export function patchForInteraction(
  contact: Pick<Contact, 'status' | 'followUpsSent' | 'lastContactedAt'>,
  kind: InteractionKind,
  at: number,
  settings: Pick<Settings, 'followUpDays'>,
): FollowUpPatch {
  const contacted = { lastContactedAt: Math.max(at, contact.lastContactedAt ?? 0) };
  switch (kind) {
    case 'message_sent':
    case 'letter_requested':
      return {
        ...contacted,
        status: 'awaiting_reply',
        followUpsSent: 0,
        nextFollowUpAt: dueAfter(at, settings.followUpDays),
      };
    case 'follow_up_sent':
      return {
        ...contacted,
        status: 'awaiting_reply',
        followUpsSent: contact.followUpsSent + 1,
        nextFollowUpAt: dueAfter(at, settings.followUpDays),
      };
    case 'reply_received':
    case 'letter_agreed':
      return { status: 'replied', nextFollowUpAt: undefined };
    case 'meeting':
    case 'call':
      return { ...contacted, status: 'meeting', nextFollowUpAt: undefined };
    case 'met_in_person':
      return contacted;
    case 'letter_submitted':
    case 'note':
      return {};
  }
}

/** What setting the status by hand changes: a settled status clears the clock. */
export function patchForStatus(status: Status): FollowUpPatch {
  return SETTLED.has(status) || status === 'not_contacted'
    ? { status, nextFollowUpAt: undefined }
    : { status };
}
