/**
 * The bridge between Dexie and the local PouchDB replica of the sync database.
 *
 * PouchDB replicates that replica with the user's server (background/sync.ts);
 * this module moves records between it and Dexie in both directions, through
 * one merge: for each record, this device's version and every revision in the
 * replica (the winner and any conflicting ones) are decrypted and merged field
 * by field (sync/merge.ts); the result goes to Dexie, through the record's
 * schema, and back to the replica as one new revision that closes the
 * conflict. Progress is durable: the outbox is in Dexie (storage/sync-tracking.ts)
 * and the position in the replica's change feed is saved in the same
 * transaction as the records it brought, so a worker stopped mid-sync resumes
 * where it stopped and nothing is applied twice or skipped.
 */
import { i18n } from '../model/i18n';
import { docIdFor, open, seal, type Sealed, type SyncKeys } from '../sync/crypto';
import { isRecordDocId } from '../sync/kinds';
import { mergeAll, type FieldConflict } from '../sync/merge';
import { Payload, sameVersion, type Version } from '../sync/version';
import type { RapportDB } from '../storage/db';
import { CAPTURED_FIELDS, Interaction } from '../model/schemas';
import { bindingFor, recordKey } from '../storage/sync-bindings';
import {
  applyMerged,
  getSyncMeta,
  pendingKeys,
  setSyncMeta,
  syncRecordsByDocId,
  syncRecordsFor,
  type MergedItem,
} from '../storage/sync-state';
import type { SyncRecord } from '../storage/sync-tracking';

/** The part of PouchDB's API the bridge uses (pouchdb-browser in the extension, pouchdb-core in tests). */
export interface PouchDoc extends Partial<Sealed> {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}
export interface PouchLike {
  get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ id: string; rev: string }>;
  bulkDocs(docs: PouchDoc[]): Promise<{ id?: string; rev?: string; ok?: boolean; error?: unknown }[]>;
  allDocs(options: { keys: string[]; include_docs: true; conflicts: true }): Promise<{
    rows: { key: string; id?: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc | null; error?: string }[];
  }>;
  changes(options: { since: number | string; limit: number; style?: 'all_docs'; include_docs?: boolean; conflicts?: boolean }): Promise<{
    results: { id: string; changes?: { rev: string }[]; doc?: PouchDoc; deleted?: boolean }[];
    last_seq: number | string;
  }>;
}

export interface SyncContext {
  db: RapportDB;
  replica: PouchLike;
  keys: SyncKeys;
  device: string;
  now?: () => number;
  /** Records per engine transaction (BATCH unless a test asks for small ones). */
  batch?: number;
  /**
   * The revisions this session wrote to the replica, by document: when the change feed brings one
   * back, it is this device's own write and is skipped without reading Dexie. Entries go as they are
   * met, so the map stays small; a worker that restarts starts it empty and reads Dexie instead.
   */
  written?: Map<string, string>;
}

const CHECKPOINT_KEY = 'checkpoint';
/** Records per engine transaction and per bulkDocs: each costs a transaction and a checkpoint, so large (bench/sync.bench.ts). */
const BATCH = 1_000;

interface Leaf {
  rev: string;
  payload: Payload;
}

type AllDocsRow = Awaited<ReturnType<PouchLike['allDocs']>>['rows'][number];

interface Work {
  docId: string;
  /** The replica's current row for the document, when the caller has just read it: not read again. */
  row?: AllDocsRow;
  key?: { kind: string; id: string };
  /** The record's local sync state, when the caller has just read it (the outbox): not read again. */
  local?: SyncRecord;
  /**
   * A record this device has never merged with the replica (no document id yet): written without reading
   * the replica first, as the replica most often lacks it. If it has it after all, the write is a conflict
   * and the record is merged again at once with what the replica holds (see reconcile).
   */
  unseen?: boolean;
}

export interface RoundResult {
  /** Records merged in this round. */
  merged: number;
  /** Revisions that would not open with this passphrase, or failed their schema: left untouched and reported. */
  unreadable: number;
  invalid: string[];
}

function versionOf(payload: Payload): Version {
  const { v: _v, kind: _k, id: _i, ...version } = payload;
  return version;
}

async function readLeaves(ctx: SyncContext, docIds: string[], given: Map<string, AllDocsRow>): Promise<{ leaves: Map<string, Leaf[]>; winners: Map<string, string>; unreadable: number }> {
  const leaves = new Map<string, Leaf[]>();
  const winners = new Map<string, string>();
  let unreadable = 0;
  if (docIds.length === 0) return { leaves, winners, unreadable };
  const missing = docIds.filter((id) => !given.has(id));
  const read = missing.length ? (await ctx.replica.allDocs({ keys: missing, include_docs: true, conflicts: true })).rows : [];
  const rows = [...docIds.filter((id) => given.has(id)).map((id) => given.get(id)!), ...read];
  // Every revision of the batch is fetched and opened at once: WebCrypto works off the main thread, so awaiting each in turn only waits.
  await Promise.all(
    rows.map(async (row) => {
      if (!row.doc || !row.value) return;
      winners.set(row.key, row.value.rev);
      const docs: PouchDoc[] = [row.doc, ...(await Promise.all((row.doc._conflicts ?? []).map((rev) => ctx.replica.get(row.key, { rev }))))];
      const opened = await Promise.all(
        docs.map(async (doc): Promise<Leaf | undefined> => {
          if (doc._deleted || typeof doc.iv !== 'string' || typeof doc.ct !== 'string') return undefined;
          try {
            return { rev: doc._rev!, payload: Payload.parse(await open(ctx.keys.encrypt, { iv: doc.iv, ct: doc.ct }, doc._id)) };
          } catch {
            unreadable++;
            return undefined;
          }
        }),
      );
      leaves.set(row.key, opened.filter((leaf): leaf is Leaf => !!leaf));
    }),
  );
  return { leaves, winners, unreadable };
}

/**
 * Bookkeeping fields that both devices change with almost any edit: the later
 * value is right and the other is no edit of the user's to show.
 */
const QUIET_FIELDS = new Set([
  'updatedAt',
  'capturedAt',
  'userEdited',
  'pageChanges',
  'identities',
  'possibleDuplicateOf',
  'lastContactedAt',
  'nextFollowUpAt',
  'followUpsSent',
  'photoThumb',
]);

/** Where a losing concurrent edit is kept, so the user can see it and choose. */
interface Resolution {
  version: Version;
  notes: Interaction[];
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return i18n.t('sync.conflict.empty');
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

async function conflictNoteId(ctx: SyncContext, id: string, conflict: FieldConflict): Promise<string> {
  const digest = await docIdFor(ctx.keys, 'conflict', `${id}\u0000${conflict.field}\u0000${conflict.stamp.join('\u0000')}`);
  return `sync-${digest.slice(1, 33)}`;
}

/**
 * A contact's captured field (name, title, organization...) keeps the losing
 * value in its "Changed on another device" list, offered with Apply; any
 * other field (notes, tags, status...) gets a note on the timeline.
 * Both are deterministic, so two devices resolving the same conflict agree.
 */
async function resolveConflicts(ctx: SyncContext, kind: string, id: string, version: Version, conflicts: FieldConflict[]): Promise<Resolution> {
  if (kind !== 'contacts' || conflicts.length === 0 || !version.record) return { version, notes: [] };
  const captured = new Set<string>(CAPTURED_FIELDS);
  const record = { ...version.record };
  const stamps = { ...version.stamps };
  const notes: Interaction[] = [];
  const userEdited = new Set((record.userEdited as string[] | undefined) ?? []);
  const pageChanges = { ...((record.pageChanges as Record<string, unknown> | undefined) ?? {}) };
  let changed = false;
  for (const conflict of conflicts) {
    if (QUIET_FIELDS.has(conflict.field)) {
      // Either side's "edited by hand" marks still hold: a capture must not overwrite what either device edited.
      if (conflict.field === 'userEdited' && Array.isArray(conflict.value)) {
        for (const field of conflict.value) if (typeof field === 'string') userEdited.add(field);
      }
    } else if (captured.has(conflict.field) && conflict.value !== undefined) {
      pageChanges[conflict.field] = conflict.value;
      changed = true;
    } else {
      const parsed = Interaction.safeParse({
        id: await conflictNoteId(ctx, id, conflict),
        contactId: id,
        kind: 'note',
        at: conflict.stamp[0],
        text: i18n.t('sync.conflict.note', { field: conflict.field, value: describeValue(conflict.value).slice(0, 40_000) }),
      });
      if (parsed.success) notes.push(parsed.data);
    }
  }
  const unionGrew = userEdited.size !== ((record.userEdited as string[] | undefined) ?? []).length;
  if (!changed && !unionGrew) return { version, notes };
  const now = Math.max((ctx.now ?? Date.now)(), (version.seen[ctx.device] ?? 0) + 1);
  if (Object.keys(pageChanges).length) {
    record.pageChanges = pageChanges;
    stamps.pageChanges = [now, ctx.device];
  }
  if (unionGrew) {
    record.userEdited = [...userEdited];
    stamps.userEdited = [now, ctx.device];
  }
  return { version: { ...version, record, stamps, seen: { ...version.seen, [ctx.device]: now } }, notes };
}

/** Merges, writes the replica, then Dexie: a crash between the two leaves the record pending or its change unread, never lost. */
async function reconcile(ctx: SyncContext, work: Work[], checkpoint?: string | number): Promise<RoundResult> {
  const docIds = [...new Set(work.map((w) => w.docId))];
  // A document the replica is not expected to hold reads as allDocs answers for a missing one.
  const prefetched = new Map(work.filter((w) => w.row || w.unseen).map((w) => [w.docId, w.row ?? { key: w.docId, error: 'not_found' }]));
  const { leaves, winners, unreadable } = await readLeaves(ctx, docIds, prefetched);
  const knownKeys = new Map(work.filter((w) => w.key).map((w) => [w.docId, w.key!]));
  for (const [docId, found] of leaves) {
    const payload = found[0]?.payload;
    if (!knownKeys.has(docId) && payload) knownKeys.set(docId, { kind: payload.kind, id: payload.id });
  }
  const keyed = docIds.filter((docId) => knownKeys.has(docId));
  const given = new Map(work.filter((w) => w.local).map((w) => [w.docId, w.local]));
  const unread = keyed.filter((docId) => !given.has(docId));
  const read = unread.length ? await syncRecordsFor(ctx.db, unread.map((docId) => recordKey(knownKeys.get(docId)!.kind, knownKeys.get(docId)!.id))) : [];
  unread.forEach((docId, i) => given.set(docId, read[i]));
  const locals = keyed.map((docId) => given.get(docId));
  const items: MergedItem[] = [];
  // Sealed all at once below (see readLeaves); a loser's deletion needs no sealing.
  const sealing: (PouchDoc | Promise<PouchDoc>)[] = [];
  const notes: Interaction[] = [];
  for (const [i, docId] of keyed.entries()) {
    const { kind, id } = knownKeys.get(docId)!;
    const binding = bindingFor(kind);
    if (!binding) continue;
    const local: SyncRecord | undefined = locals[i];
    const remote = (leaves.get(docId) ?? []).filter((leaf) => leaf.payload.kind === kind && leaf.payload.id === id);
    const remoteVersions = remote.map((leaf) => versionOf(leaf.payload));
    const versions = [...(local ? [local.version] : []), ...remoteVersions];
    if (versions.length === 0) continue;
    const merged = mergeAll(versions, { trashable: binding.trashable });
    const resolved = await resolveConflicts(ctx, kind, id, merged.version, merged.conflicts);
    notes.push(...resolved.notes);
    const version = resolved.version;
    const winnerRev = winners.get(docId);
    const winner = remote.find((leaf) => leaf.rev === winnerRev);
    const losers = remote.filter((leaf) => leaf !== winner);
    // A record new here with one revision merges to that very version (mergeAll returns it as is): no need to compare.
    const asReceived = !local && remote.length === 1 && version === remoteVersions[0];
    const upToDate = winner && losers.length === 0 && (asReceived || sameVersion(versionOf(winner.payload), version));
    if (!upToDate) {
      sealing.push(
        seal(ctx.keys.encrypt, { v: 1, kind, id, ...version } satisfies Payload, docId).then((sealed) => ({ _id: docId, ...(winnerRev ? { _rev: winnerRev } : {}), ...sealed })),
      );
      for (const loser of losers) sealing.push({ _id: docId, _rev: loser.rev, _deleted: true });
    }
    items.push({
      kind,
      id,
      version,
      docId,
      expectedPending: local?.pending,
      sent: !!upToDate,
      rev: upToDate ? winnerRev : undefined,
      // A record merged with nothing new comes back as the very same version: no need to compare it field by field.
      writeLocal: !local || (local.version !== version && !sameVersion(local.version, version)),
    });
  }
  const writes = await Promise.all(sealing);
  const conflicted: Work[] = [];
  if (writes.length) {
    const results = await ctx.replica.bulkDocs(writes);
    const revs = new Map<string, string>();
    const failed = new Set<string>();
    for (const [index, result] of results.entries()) {
      const doc = writes[index]!;
      if (result.error || result.ok === false) {
        failed.add(doc._id);
        const unseen = work.find((w) => w.unseen && w.docId === doc._id);
        if (unseen && (result.error === 'conflict' || (result as { status?: number }).status === 409)) conflicted.push({ docId: unseen.docId, key: unseen.key });
      }
      else if (!doc._deleted && result.rev) {
        revs.set(doc._id, result.rev);
        ctx.written?.set(doc._id, result.rev);
      }
    }
    for (const item of items) {
      if (item.sent) continue;
      // A revision that arrived meanwhile makes the write a conflict: the change feed brings it back, and the record stays pending.
      item.sent = !failed.has(item.docId) && revs.has(item.docId);
      item.rev = revs.get(item.docId);
    }
  }
  const outcome = await applyMerged(ctx.db, items, checkpoint === undefined ? undefined : { key: CHECKPOINT_KEY, value: checkpoint });
  if (notes.length) {
    // Ordinary (tracked) writes: each note syncs like any interaction; its fixed id keeps it single.
    await ctx.db.transaction('rw', ctx.db.interactions, async () => {
      const existing = new Set((await ctx.db.interactions.bulkGet(notes.map((n) => n.id))).filter(Boolean).map((n) => n!.id));
      await ctx.db.interactions.bulkPut(notes.filter((note) => !existing.has(note.id)));
    });
  }
  const result: RoundResult = { merged: outcome.applied.length, unreadable, invalid: outcome.invalid.map((x) => `${x.key}: ${x.reason}`) };
  // Written as unseen, but the replica had them: merge them now with what it holds (read this time), rather than leave them pending.
  return conflicted.length ? add(result, await reconcile(ctx, conflicted)) : result;
}

/** Reads the replica's change feed from its beginning again (a new replica: see background/sync.ts). */
export async function resetCheckpoint(db: RapportDB): Promise<void> {
  await setSyncMeta(db, CHECKPOINT_KEY, 0);
}

function add(total: RoundResult, round: RoundResult): RoundResult {
  return { merged: total.merged + round.merged, unreadable: total.unreadable + round.unreadable, invalid: [...total.invalid, ...round.invalid] };
}

const EMPTY: RoundResult = { merged: 0, unreadable: 0, invalid: [] };

/** Sends this device's pending records to the replica (each merged with what the replica holds). */
export async function pushPending(ctx: SyncContext): Promise<RoundResult> {
  let total = EMPTY;
  const tried = new Set<string>();
  for (;;) {
    // Keys only, then the records a batch at a time: a record left pending (a conflict to retry) is tried once per pass.
    const keys = (await pendingKeys(ctx.db)).filter((key) => !tried.has(key));
    if (keys.length === 0) return total;
    const size = ctx.batch ?? BATCH;
    for (let i = 0; i < keys.length; i += size) {
      const batch = (await syncRecordsFor(ctx.db, keys.slice(i, i + size))).filter((row): row is SyncRecord => !!row?.pending);
      for (const row of batch) tried.add(row.key);
      for (const key of keys.slice(i, i + size)) tried.add(key);
      const work = await Promise.all(
        batch.map(async (row) => ({
          docId: row.docId ?? (await docIdFor(ctx.keys, row.kind, row.id)),
          key: { kind: row.kind, id: row.id },
          local: row,
          unseen: !row.docId && !row.rev,
        })),
      );
      if (work.length) total = add(total, await reconcile(ctx, work));
    }
  }
}

/**
 * Applies what replication brought into the replica since the saved
 * checkpoint. Documents this device already holds at their current revision
 * (most often its own writes coming back through the feed) are skipped without decrypting.
 */
export async function pullChanges(ctx: SyncContext): Promise<RoundResult> {
  let total = EMPTY;
  let since = (await getSyncMeta<number | string>(ctx.db, CHECKPOINT_KEY)) ?? 0;
  for (;;) {
    // Every leaf revision of each document: one that is the very revision this device holds needs no further read.
    // The winning revision comes along with its conflicts' revisions: the replica reads the whole document to list
    // the change anyway, and reading it again by key (allDocs) cost as much again (bench/sync.bench.ts).
    const { results, last_seq } = await ctx.replica.changes({ since, limit: ctx.batch ?? BATCH, style: 'all_docs', include_docs: true, conflicts: true });
    if (results.length === 0) return total;
    const leavesOf = new Map(results.map((r) => [r.id, r.changes ?? []]));
    // Each as allDocs gives it: the winner's revision, and the document only while it is not deleted.
    const current = new Map<string, AllDocsRow>(
      results.map((r) => [r.id, { key: r.id, id: r.id, ...(r.doc?._rev ? { value: { rev: r.doc._rev, ...(r.deleted ? { deleted: true } : {}) } } : {}), doc: r.deleted ? null : r.doc }]),
    );
    // This device's own writes coming back (one leaf, the very revision it wrote): nothing to read. A local edit
    // made since is pending, and the next push merges it with this revision.
    const own = (id: string) => {
      const leaves = leavesOf.get(id)!;
      const mine = leaves.length === 1 && ctx.written?.get(id) === leaves[0]!.rev;
      if (mine) ctx.written!.delete(id);
      return mine;
    };
    const ids = [...new Set(results.map((r) => r.id).filter(isRecordDocId))].filter((id) => !own(id));
    const known = new Map((ids.length ? await syncRecordsByDocId(ctx.db, ids) : []).map((row) => [row.docId!, row]));
    const heldAsIs = (id: string) => {
      const row = known.get(id);
      const leaves = leavesOf.get(id)!;
      return !!row && !row.pending && leaves.length === 1 && leaves[0]!.rev === row.rev;
    };
    // Others (news, or a document with several leaves, some perhaps deleted): compare with the winner and its live conflicts.
    const unsure = ids.filter((id) => !heldAsIs(id));
    const work: Work[] = [];
    for (const id of unsure) {
      const row = known.get(id);
      const doc = current.get(id);
      const settled = row && !row.pending && doc?.value?.rev === row.rev && !(doc?.doc?._conflicts?.length);
      if (!settled) work.push({ docId: id, key: row ? { kind: row.kind, id: row.id } : undefined, row: doc });
    }
    total = add(total, await reconcile(ctx, work, last_seq));
    since = last_seq;
  }
}

/** One full pass: local changes out to the replica, then the replica's news in (which may merge and write again). */
export async function syncRound(ctx: SyncContext): Promise<RoundResult> {
  const pushed = await pushPending(ctx);
  const pulled = await pullChanges(ctx);
  return add(pushed, pulled);
}
