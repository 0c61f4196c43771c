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
import { i18n } from '../model/i18n';
import type { Contact, InteractionKind, Settings, Status } from '../model/schemas';
import { UserError, userText } from '../model/user-text';

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
    case 'letter_requested':
      // A letter's reminders follow its deadline (./due.ts), not the generic follow-up clock.
      return { ...contacted, status: 'awaiting_reply', followUpsSent: 0, nextFollowUpAt: undefined };
    case 'message_sent':
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
    case 'letter_declined':
      return { status: 'replied', nextFollowUpAt: undefined };
    case 'meeting':
    case 'call':
      return { ...contacted, status: 'meeting', nextFollowUpAt: undefined };
    case 'met_in_person':
    case 'letter_thanked':
    case 'letter_check_in':
      return contacted;
    case 'letter_submitted':
    case 'letter_withdrawn':
    case 'letter_planned':
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

/** The snooze choices offered next to a due follow-up. */
export const SNOOZE_CHOICES = [
  { id: '1d', label: '1 day', days: 1 },
  { id: '3d', label: '3 days', days: 3 },
  { id: '1w', label: 'A week', days: 7 },
] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number]['id'];

/**
 * When a follow-up snoozed at `now` falls due again: the start of the local
 * day 1, 3 or 7 days later, or of a date the user chose (`yyyy-MM-dd`, read in
 * local time). A chosen date must be after today, or snoozing would do nothing.
 */
export function snoozeUntil(choice: SnoozeChoice | { date: string }, now: number): number {
  if (typeof choice === 'object') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(choice.date);
    if (!match) throw new UserError(userText('errors.snoozeNoDate'));
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const day = new Date(y, m - 1, d);
    if (day.getFullYear() !== y || day.getMonth() !== m - 1 || day.getDate() !== d) {
      throw new UserError(userText('errors.snoozeBadDate'));
    }
    const at = startOfDay(day).getTime();
    if (at <= now) throw new UserError(userText('errors.snoozePast'));
    return at;
  }
  const option = SNOOZE_CHOICES.find((c) => c.id === choice);
  if (!option) throw new UserError(userText('errors.snoozeUnknown'));
  return dueAfter(now, option.days);
}

/** What snoozing changes: only the clock; the outreach and its count are untouched. */
export function patchForSnooze(until: number): FollowUpPatch {
  return { nextFollowUpAt: until };
}

/**
 * Where a contact stands on the follow-up clock at `now`:
 * - `none`: nothing pending;
 * - `scheduled`: a follow-up is pending but not yet due;
 * - `due`: a polite follow-up is due;
 * - `no_response`: the last polite follow-up is itself overdue, so the
 *   contact is offered the status "no response" instead.
 */
export type FollowUpState = 'none' | 'scheduled' | 'due' | 'no_response';

export function followUpState(
  contact: Pick<Contact, 'nextFollowUpAt' | 'followUpsSent' | 'status'>,
  settings: Pick<Settings, 'maxFollowUps'>,
  now: number,
): FollowUpState {
  if (contact.nextFollowUpAt === undefined) return 'none';
  if (!isDue(contact, now)) return 'scheduled';
  return shouldOfferNoResponse(contact, settings, now) ? 'no_response' : 'due';
}

/** Built-in follow-up templates (see drafting/): the first nudge, then the later ones. */
export const FOLLOW_UP_TEMPLATES = ['builtin:follow-up-1', 'builtin:follow-up-2'] as const;

/** The template for the next follow-up: the first one before any was sent, the second after. */
export function followUpTemplateFor(contact: Pick<Contact, 'followUpsSent'>): (typeof FOLLOW_UP_TEMPLATES)[number] {
  return contact.followUpsSent === 0 ? FOLLOW_UP_TEMPLATES[0] : FOLLOW_UP_TEMPLATES[1];
}

/** "3 follow-ups due", for the badge's tooltip and the popup. */
export function dueLabel(due: number): string {
  if (due === 0) return i18n.t('followups.noneDue');
  return i18n.t('followups.dueCount', due, { n: due });
}

/** The local calendar day of `at` as `yyyy-MM-dd`, e.g. to send one summary a day. */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
