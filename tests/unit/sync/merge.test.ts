// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { mergeAll, mergeVersions } from '../../../sync/merge';
import { stampChange, type Version } from '../../../sync/version';

const CONTACTS = { trashable: true };
const base = stampChange(undefined, { state: 'live', record: { fullName: 'Ana Ruiz', notes: '', title: 'PD' } }, 'A', 100);
// Device B has received A's version.
const atB: Version = structuredClone(base);

function edit(version: Version, patch: Record<string, unknown>, device: string, now: number): Version {
  return stampChange(version, { state: version.state, record: { ...version.record, ...patch }, trash: version.trash }, device, now);
}

describe('field-by-field merge', () => {
  it('keeps both sides’ edits to different fields, in either order', () => {
    const a = edit(base, { notes: 'call Tuesday' }, 'A', 200);
    const b = edit(atB, { title: 'Program Director' }, 'B', 210);
    const ab = mergeVersions(a, b, CONTACTS);
    const ba = mergeVersions(b, a, CONTACTS);
    expect(ab.version.record).toEqual({ fullName: 'Ana Ruiz', notes: 'call Tuesday', title: 'Program Director' });
    expect(ba.version).toEqual(ab.version);
    expect(ab.conflicts).toEqual([]);
  });

  it('a field edited on both sides keeps the later edit and returns the other as a conflict', () => {
    const a = edit(base, { title: 'Chair' }, 'A', 200);
    const b = edit(atB, { title: 'Program Director' }, 'B', 300);
    const { version, conflicts } = mergeVersions(a, b, CONTACTS);
    expect(version.record!.title).toBe('Program Director');
    expect(conflicts).toEqual([{ field: 'title', value: 'Chair', stamp: [200, 'A'] }]);
    expect(mergeVersions(b, a, CONTACTS).conflicts).toEqual(conflicts);
  });

  it('an edit made after seeing the other side’s is no conflict', () => {
    const a = edit(base, { title: 'Chair' }, 'A', 200);
    const bSawA = mergeVersions(atB, a, CONTACTS).version;
    const b = edit(bSawA, { title: 'Program Director' }, 'B', 300);
    const { version, conflicts } = mergeVersions(a, b, CONTACTS);
    expect(version.record!.title).toBe('Program Director');
    expect(conflicts).toEqual([]);
  });

  it('a delete on one side and an edit on the other keeps the contact in the trash with the edit', () => {
    const deleted = stampChange(base, { state: 'trashed', record: base.record, trash: { deletedAt: 200, interactions: [] } }, 'A', 200);
    const edited = edit(atB, { notes: 'new note' }, 'B', 150);
    for (const [x, y] of [[deleted, edited], [edited, deleted]] as const) {
      const { version } = mergeVersions(x, y, CONTACTS);
      expect(version.state).toBe('trashed');
      expect(version.record!.notes).toBe('new note');
    }
  });

  it('a purge never drops an edit made after it: the contact comes back to the trash', () => {
    const purged = stampChange(base, { state: 'deleted' }, 'A', 200);
    expect(purged.record).toBeUndefined();
    const edited = edit(atB, { notes: 'later' }, 'B', 300);
    const { version } = mergeVersions(purged, edited, CONTACTS);
    expect(version.state).toBe('trashed');
    expect(version.record!.notes).toBe('later');
    // A record without a trash comes back live.
    expect(mergeVersions(purged, edited, { trashable: false }).version.state).toBe('live');
    // A purge after the last edit wins.
    const older = edit(atB, { notes: 'earlier' }, 'B', 150);
    expect(mergeVersions(purged, older, CONTACTS).version.state).toBe('deleted');
  });

  it('restoring from the trash later than the delete elsewhere makes the contact live again', () => {
    const trashed = stampChange(base, { state: 'trashed', record: base.record, trash: { deletedAt: 200, interactions: [] } }, 'A', 200);
    const atBTrashed = mergeVersions(atB, trashed, CONTACTS).version;
    const restored = stampChange(atBTrashed, { state: 'live', record: atBTrashed.record }, 'B', 300);
    expect(mergeVersions(trashed, restored, CONTACTS).version.state).toBe('live');
  });

  it('is the same whatever order three devices’ versions arrive in', () => {
    const a = edit(base, { notes: 'a' }, 'A', 200);
    const b = edit(atB, { title: 'b', notes: 'b' }, 'B', 250);
    const c = edit(structuredClone(base), { fullName: 'Ana María Ruiz' }, 'C', 220);
    const orders = [[a, b, c], [c, b, a], [b, a, c], [c, a, b]];
    const results = orders.map((versions) => mergeAll(versions, CONTACTS));
    for (const result of results) {
      expect(result.version).toEqual(results[0]!.version);
      expect(result.conflicts.map((x) => x.value)).toEqual(['a']);
    }
    expect(results[0]!.version.record).toEqual({ fullName: 'Ana María Ruiz', notes: 'b', title: 'b' });
  });

  it('stamps only the fields that changed, after the device’s previous stamp even if the clock went back', () => {
    const next = edit(base, { notes: 'x' }, 'A', 50);
    expect(next.stamps.notes).toEqual([101, 'A']);
    expect(next.stamps.fullName).toEqual([100, 'A']);
    expect(edit(next, { notes: 'x' }, 'A', 500)).toEqual(next);
  });
});
