/**
 * Merging two versions of one record without losing anything.
 *
 * Each field takes the value with the later stamp. When the other side's
 * value was an edit the winner had not seen (its stamp is past the winner's
 * `seen` for that device), the two devices edited the field concurrently:
 * the losing value is returned as a conflict, for the caller to keep where the
 * user can see it (a contact's "Changed on another device", or the timeline).
 *
 * The life state is a field like the others, with one rule on top: a delete
 * never silently wins over an edit made after it; the record stays (in the
 * trash when its kind has one) with the edit. The merge is commutative and
 * associative, so every device reaches the same result in any order.
 */
import { compareStamps, stableJson, STATE_FIELD, type Stamp, type TrashPart, type Version } from './version';

export interface FieldConflict {
  field: string;
  /** The value that lost (undefined when it was a removal). */
  value: unknown;
  stamp: Stamp;
}

export interface MergeResult {
  version: Version;
  conflicts: FieldConflict[];
}

export interface MergeOptions {
  /** Deleted records of this kind go to a trash (contacts) rather than away. */
  trashable: boolean;
}

function seenBy(version: Version, stamp: Stamp): boolean {
  return (version.seen[stamp[1]] ?? 0) >= stamp[0];
}

function mergeTrash(a: TrashPart | undefined, b: TrashPart | undefined): TrashPart | undefined {
  if (!a || !b) return a ?? b;
  const byId = new Map<string, Record<string, unknown>>();
  for (const item of [...a.interactions, ...b.interactions]) {
    const key = typeof item.id === 'string' ? item.id : stableJson(item);
    const kept = byId.get(key);
    if (!kept || stableJson(item) > stableJson(kept)) byId.set(key, item);
  }
  return {
    deletedAt: Math.max(a.deletedAt, b.deletedAt),
    interactions: [...byId.values()].sort((x, y) => (stableJson(x) < stableJson(y) ? -1 : 1)),
  };
}

function latestFieldStamp(version: Version): Stamp | undefined {
  let latest: Stamp | undefined;
  for (const [field, stamp] of Object.entries(version.stamps)) {
    if (field !== STATE_FIELD && compareStamps(stamp, latest) > 0) latest = stamp;
  }
  return latest;
}

export function mergeVersions(a: Version, b: Version, options: MergeOptions): MergeResult {
  const seen: Record<string, number> = { ...a.seen };
  for (const [device, time] of Object.entries(b.seen)) seen[device] = Math.max(seen[device] ?? 0, time);

  const conflicts: FieldConflict[] = [];
  const stamps: Record<string, Stamp> = {};
  let record: Record<string, unknown> | undefined;
  const withRecord = [a, b].filter((v) => v.state !== 'deleted' && v.record);
  if (withRecord.length === 1) {
    const only = withRecord[0]!;
    record = { ...only.record };
    for (const [field, stamp] of Object.entries(only.stamps)) if (field !== STATE_FIELD) stamps[field] = stamp;
  } else if (withRecord.length === 2) {
    record = {};
    const [x, y] = withRecord as [Version, Version];
    const fields = new Set([
      ...Object.keys(x.record!),
      ...Object.keys(y.record!),
      ...Object.keys(x.stamps),
      ...Object.keys(y.stamps),
    ]);
    fields.delete(STATE_FIELD);
    for (const field of [...fields].sort()) {
      const xv = x.record![field];
      const yv = y.record![field];
      const order = compareStamps(x.stamps[field], y.stamps[field]) || (stableJson(xv) < stableJson(yv) ? -1 : 1);
      const [winner, loser] = order >= 0 ? [x, y] : [y, x];
      const value = winner.record![field];
      if (value !== undefined) record[field] = value;
      const stamp = winner.stamps[field];
      if (stamp) stamps[field] = stamp;
      const loserStamp = loser.stamps[field];
      const loserValue = loser.record![field];
      if (loserStamp && stableJson(loserValue) !== stableJson(value) && !seenBy(winner, loserStamp)) {
        conflicts.push({ field, value: loserValue, stamp: loserStamp });
      }
    }
  }

  const stateOrder = compareStamps(a.stamps[STATE_FIELD], b.stamps[STATE_FIELD]) || (a.state < b.state ? -1 : a.state > b.state ? 1 : 0);
  const stateWinner = stateOrder >= 0 ? a : b;
  let state = stateWinner.state;
  let stateStamp = stateWinner.stamps[STATE_FIELD];
  let trash = state === 'trashed' ? (a.state === 'trashed' && b.state === 'trashed' ? mergeTrash(a.trash, b.trash) : stateWinner.trash) : undefined;

  if (state === 'deleted' && record) {
    // A record edited after it was deleted elsewhere is kept, with the edit.
    const edited = withRecord.map(latestFieldStamp).reduce<Stamp | undefined>((m, s) => (compareStamps(s, m) > 0 ? s : m), undefined);
    if (edited && compareStamps(edited, stateStamp) > 0) {
      state = options.trashable ? 'trashed' : 'live';
      stateStamp = edited;
      trash = options.trashable ? { deletedAt: edited[0], interactions: [] } : undefined;
    }
  }

  if (stateStamp) stamps[STATE_FIELD] = stateStamp;
  const version: Version = { state, stamps, seen };
  if (state !== 'deleted' && record) version.record = record;
  if (state === 'trashed' && trash) version.trash = trash;
  return { version, conflicts };
}

/** Merges any number of versions (the local one and every conflicting server revision). */
export function mergeAll(versions: readonly Version[], options: MergeOptions): MergeResult {
  const [first, ...rest] = versions;
  if (!first) throw new Error('Nothing to merge.');
  let result: MergeResult = { version: first, conflicts: [] };
  for (const next of rest) {
    const step = mergeVersions(result.version, next, options);
    result = { version: step.version, conflicts: [...result.conflicts, ...step.conflicts] };
  }
  // The same losing edit can surface from several revisions: keep it once.
  const unique = new Map(result.conflicts.map((c) => [`${c.field}\u0000${c.stamp.join('\u0000')}`, c]));
  return { version: result.version, conflicts: [...unique.values()].filter((c) => stableJson(result.version.record?.[c.field]) !== stableJson(c.value)) };
}
