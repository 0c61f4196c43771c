/**
 * The one field derived from an interaction and stored beside it so that the
 * Overview (storage/overview.ts) answers from an index alone: its kind, time,
 * contact, channel, template and message format as one array key. Reading the
 * index's keys costs a fraction of reading the records, which carry the
 * messages' text. A database middleware (storage/db.ts) computes it on every
 * write and removes it from every record read, as with the contacts' search fields.
 */
import type { Channel, Interaction, InteractionKind, MessageFormat } from './schemas';

export const OVERVIEW_KEY = 'overviewKey';

/** [kind, at, contactId, channel, templateId or '', format or '']: an absent part would keep the row out of the index. */
export type OverviewKey = [InteractionKind, number, string, Channel, string, MessageFormat | ''];

export function overviewKey(interaction: Pick<Interaction, 'kind' | 'at' | 'contactId' | 'channel' | 'templateId' | 'format'>): OverviewKey {
  return [interaction.kind, interaction.at, interaction.contactId, interaction.channel, interaction.templateId ?? '', interaction.format ?? ''];
}

export function withOverviewKey<T extends Interaction>(record: T): T & { overviewKey: OverviewKey } {
  return { ...record, overviewKey: overviewKey(record) };
}

/** A record as read, without the derived key (anything else, including `undefined`, as it is). */
export function withoutOverviewKey<T>(record: T): T {
  if (typeof record !== 'object' || record === null || !(OVERVIEW_KEY in record)) return record;
  const copy = { ...record } as Record<string, unknown>;
  delete copy[OVERVIEW_KEY];
  return copy as T;
}
