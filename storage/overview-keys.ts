/**
 * Index keys derived from records and stored beside them only so that the
 * Overview (storage/overview.ts) is answered by counts on indexes, never by
 * reading records: a contact's place in the funnel, and an interaction's
 * template, channel and format (a message) or the delay and message it answers (a reply).
 * A database middleware (storage/db.ts) computes them on every write and
 * removes them from every record read, as with the contacts' search fields.
 */
import { defaultFormat } from '../drafting/limits';
import { isOutgoing, REPLY_KIND } from '../overview/outreach';
import type { Contact, Interaction } from '../model/schemas';

export const FUNNEL_STEPS = ['reached', 'replied', 'conversation'] as const;
export type FunnelIndexStep = (typeof FUNNEL_STEPS)[number];
/** A contact's funnel keys: [step, when first reached], for each step it got to; steps are nested. */
export type FunnelKey = [FunnelIndexStep, number];

export function funnelKeys(contact: Partial<Contact>): FunnelKey[] {
  const { reachedAt, repliedAt, conversationAt } = contact;
  if (reachedAt === undefined) return [];
  const keys: FunnelKey[] = [['reached', reachedAt]];
  if (repliedAt === undefined) return keys;
  keys.push(['replied', reachedAt]);
  if (conversationAt !== undefined) keys.push(['conversation', reachedAt]);
  return keys;
}

export const DIMENSIONS = ['template', 'channel', 'format'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** ['sent', dimension, value, at] for a message; ['reply', dimension, value, delay in ms] for a reply that answers one. */
export type OutreachKey = ['sent' | 'reply', Dimension, string, number];

export function outreachKeys(interaction: Partial<Interaction>): OutreachKey[] {
  const { kind, at, channel = 'other' } = interaction;
  if (kind === undefined || at === undefined) return [];
  if (isOutgoing(kind)) {
    return [
      ['sent', 'template', interaction.templateId ?? '', at],
      ['sent', 'channel', channel, at],
      ['sent', 'format', interaction.format ?? defaultFormat(channel), at],
    ];
  }
  const answer = interaction.answers;
  if (kind !== REPLY_KIND || !answer) return [];
  const delay = Math.max(0, at - answer.sentAt);
  return [
    ['reply', 'template', answer.templateId ?? '', delay],
    ['reply', 'channel', answer.channel, delay],
    ['reply', 'format', answer.format, delay],
  ];
}

// A record with no keys is stored without the field, exactly as before version 7.
export function withFunnelKeys<T extends Partial<Contact>>(record: T): T & { funnelKeys?: FunnelKey[] } {
  const keys = funnelKeys(record);
  return keys.length ? { ...record, funnelKeys: keys } : without('funnelKeys')(record);
}
export function withOutreachKeys<T extends Partial<Interaction>>(record: T): T & { outreachKeys?: OutreachKey[] } {
  const keys = outreachKeys(record);
  return keys.length ? { ...record, outreachKeys: keys } : without('outreachKeys')(record);
}

/** A record as read, without the derived field `name` (anything else, including `undefined`, as it is). */
export const without =
  (name: 'funnelKeys' | 'outreachKeys') =>
  <T>(record: T): T => {
    if (typeof record !== 'object' || record === null || !(name in record)) return record;
    // Copied without the field, not copied and `delete`d from: a deletion makes every record read a slow dictionary object.
    const { [name]: _derived, ...copy } = record as Record<string, unknown>;
    return copy as T;
  };
