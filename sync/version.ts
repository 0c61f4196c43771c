/**
 * One record's synced state, as every device keeps it and as it travels
 * (encrypted) to the server: the record, its life state (live, in the trash,
 * deleted) and, for each field, who last changed it and when.
 *
 * Stamps are `[time, device]`; `seen` says, per device, the latest stamp this
 * version has taken in. Together they tell a stale value from a concurrent
 * edit without keeping history: see ./merge.
 */
import { z } from 'zod';

export const STATE_FIELD = '_state';

export const Stamp = z.tuple([z.number().int().nonnegative(), z.string().max(64)]);
export type Stamp = z.infer<typeof Stamp>;

export const LifeState = z.enum(['live', 'trashed', 'deleted']);
export type LifeState = z.infer<typeof LifeState>;

/** What a trashed record keeps besides itself: when it was deleted and, for a contact, its timeline, letters and program links. */
export const TrashPart = z.object({
  deletedAt: z.number().int().nonnegative(),
  interactions: z.array(z.record(z.string(), z.unknown())).max(100_000).default([]),
  letters: z.array(z.record(z.string(), z.unknown())).max(10_000).optional(),
  links: z.array(z.record(z.string(), z.unknown())).max(10_000).optional(),
});
export type TrashPart = z.infer<typeof TrashPart>;

export const Version = z.object({
  state: LifeState,
  /** The record's fields (absent when deleted). Checked against its table's schema before it reaches Dexie. */
  record: z.record(z.string(), z.unknown()).optional(),
  trash: TrashPart.optional(),
  stamps: z.record(z.string(), Stamp),
  seen: z.record(z.string(), z.number().int().nonnegative()),
});
export type Version = z.infer<typeof Version>;

/** The plaintext inside one server document. */
export const Payload = Version.extend({
  v: z.literal(1),
  kind: z.string().min(1).max(40),
  id: z.string().min(1).max(200),
});
export type Payload = z.infer<typeof Payload>;

export function compareStamps(a: Stamp | undefined, b: Stamp | undefined): number {
  const [at, ad] = a ?? [0, ''];
  const [bt, bd] = b ?? [0, ''];
  if (at !== bt) return at < bt ? -1 : 1;
  return ad < bd ? -1 : ad > bd ? 1 : 0;
}

/** JSON with object keys sorted: two devices compare values equal whatever order their fields were written in. */
export function stableJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

export function sameVersion(a: Version, b: Version): boolean {
  return stableJson(a) === stableJson(b);
}

/** Fields whose values differ between two records (absent counts as a value). */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => stableJson(before?.[key]) !== stableJson(after?.[key]));
}

/**
 * A local change: the fields that differ get the stamp `[time, device]`, as
 * does the life state when it changed. `time` is kept strictly after the
 * device's previous stamp on this record, so a clock set back cannot lose an edit.
 */
export function stampChange(
  previous: Version | undefined,
  next: Pick<Version, 'state' | 'record' | 'trash'>,
  device: string,
  now: number,
): Version {
  const seen = { ...(previous?.seen ?? {}) };
  const time = Math.max(now, (seen[device] ?? 0) + 1);
  const stamps = { ...(previous?.stamps ?? {}) };
  const fields = changedFields(previous?.state === 'deleted' ? undefined : previous?.record, next.record);
  for (const field of fields) stamps[field] = [time, device];
  const stateChanged = previous?.state !== next.state || (next.state === 'trashed' && stableJson(previous?.trash) !== stableJson(next.trash));
  if (stateChanged) stamps[STATE_FIELD] = [time, device];
  if (fields.length > 0 || stateChanged) seen[device] = time;
  const version: Version = { state: next.state, stamps, seen };
  if (next.record && next.state !== 'deleted') version.record = next.record;
  if (next.trash && next.state === 'trashed') version.trash = next.trash;
  return version;
}
