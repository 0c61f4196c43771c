// Translated names for stored enum values (statuses, channels, kinds…). The values themselves stay as stored;
// only what the interface shows goes through the locale files, under `labels.*`.
import { i18n, type PlainKey } from '../model/i18n';
import type { ContactField } from '../model/contact-fields';
import type { Channel, ChannelLimits, Contact, InteractionKind, MessageFormat, Status } from '../model/schemas';
import type { ImportTarget } from '../portability/csv-columns';
import type { ImportKind } from '../portability/detect';

type Group = 'status' | 'interaction' | 'channel' | 'importTarget' | 'limit' | 'format' | 'field' | 'source' | 'sourceFrom' | 'importKind';

function lookup<T extends string>(group: Group): (value: T) => string {
  // Keys are built from the enum value; tsc checks the literal keys where they are known, so cast here only.
  return (value) => i18n.t(`labels.${group}.${value}` as PlainKey);
}

function record<T extends string>(group: Group, values: readonly T[]): Record<T, string> {
  const label = lookup<T>(group);
  return Object.fromEntries(values.map((v) => [v, label(v)])) as Record<T, string>;
}

export const statusLabel = lookup<Status>('status');
export const interactionLabel = lookup<InteractionKind>('interaction');
export const channelLabel = lookup<Channel>('channel');
export const importTargetLabel = lookup<ImportTarget>('importTarget');
export const limitLabel = lookup<keyof ChannelLimits>('limit');
export const formatLabel = lookup<MessageFormat>('format');
/** A contact field's name on screen (model/contact-fields.ts is the table of fields): the form and page changes. */
export const fieldLabel = lookup<ContactField>('field');
export const sourceLabel = lookup<Contact['source']>('source');
export const sourceFromLabel = lookup<Contact['source']>('sourceFrom');
export const importKindLabel = lookup<ImportKind>('importKind');

/** For <Select labels=…>: every value of an enum with its translated name. */
export const labelsOf = {
  status: (values: readonly Status[]) => record('status', values),
  interaction: (values: readonly InteractionKind[]) => record('interaction', values),
  channel: (values: readonly Channel[]) => record('channel', values),
  source: (values: readonly Contact['source'][]) => record('source', values),
  format: (values: readonly MessageFormat[]) => record('format', values),
};
