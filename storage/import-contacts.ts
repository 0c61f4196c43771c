/**
 * Writing a contact import (CSV or LinkedIn Connections): every row has been
 * validated, the plan is recomputed against the contacts as they are inside
 * ONE read-write transaction, and written in chunks. Any error, a full disk
 * included, aborts the transaction and leaves the store as it was. The
 * recheck runs in slices that pause on IndexedDB reads, never on timers,
 * which would let the transaction commit half-way.
 */
import { db } from './db';
import { PROGRAM_TABLES, linkContactsByName, readProgramsByKey } from './program-links';
import { readAllContacts } from './contacts';
import type { ParsedContacts } from '../portability/incoming';
import { ImportFailure, failureFor } from '../portability/issues';
import { contactPlanner, planContactImportSliced, type ContactImportPlan } from '../portability/plan';
import { SLICE_MS, createChunkSizer, createSlicer, writeInChunks, type Progress } from '../portability/slices';
import { writeErrorText } from './write-errors';

/**
 * The dry run: what the import would add, update and skip, and the rows that
 * are wrong. `onLoadProgress` follows the reading of the saved contacts,
 * `onProgress` the rows compared with them.
 */
export async function previewContactImport(
  parsed: ParsedContacts,
  now = Date.now(),
  onProgress?: Progress,
  onLoadProgress?: Progress,
): Promise<ContactImportPlan> {
  const existing = await readAllContacts(onLoadProgress);
  const plan = await planContactImportSliced(parsed, existing, createSlicer(onProgress), { now });
  onProgress?.(parsed.incoming.length, parsed.incoming.length);
  return plan;
}

export async function applyContactImport(
  parsed: ParsedContacts,
  options: {
    now?: number;
    /** Rows written so far, of all the import writes. */
    onProgress?: Progress;
    /** Saved contacts read again inside the transaction, before the rows are checked against them. */
    onLoadProgress?: Progress;
    /** Rows checked again against the contacts as they are now, before anything is written. */
    onCheckProgress?: Progress;
  } = {},
): Promise<ContactImportPlan> {
  const { now = Date.now(), onProgress, onLoadProgress, onCheckProgress } = options;
  if (parsed.issues.length > 0) throw failureFor(parsed.issues);
  try {
    return await db.transaction('rw', [db.contacts, ...PROGRAM_TABLES], async () => {
      const { plan, take } = contactPlanner(parsed, await readAllContacts(onLoadProgress), { now });
      // Only Dexie operations (or helpers that await nothing else, like readAllContacts) may be
      // awaited in here: a timer, or an async step that awaits no IndexedDB request, loses
      // Dexie's track of the transaction, and later writes commit outside it (the rollback
      // test in tests/unit/portability/sliced-import.test.ts catches that). A read's result
      // arrives as a task of its own, so a read that finds nothing is the pause.
      let sliceStart = performance.now();
      for (let i = 0; i < parsed.incoming.length; i++) {
        take(parsed.incoming[i]!);
        if (performance.now() - sliceStart >= SLICE_MS) {
          onCheckProgress?.(i + 1, parsed.incoming.length);
          await db.contacts.get('');
          sliceStart = performance.now();
        }
      }
      if (plan.errors.length > 0) throw failureFor(plan.errors);
      // New contacts are added, not put: a put makes the summary row (./contact-summary) read every
      // row it replaces first, and these ids are free (the plan was just made inside this transaction).
      const updates = plan.update.map((u) => u.after);
      const total = plan.add.length + updates.length;
      // Programs do not change inside the import: their name keys are read once, not once per chunk.
      const programs = await readProgramsByKey();
      onProgress?.(0, total);
      let written = 0;
      // Chunks sized by time (../portability/slices), one sizer for both kinds: each chunk moves the progress line.
      const sizer = createChunkSizer();
      const tick = (rows: number) => onProgress?.((written += rows), total);
      await writeInChunks(plan.add, (chunk) => db.contacts.bulkAdd(chunk).then(() => linkContactsByName(chunk, now, programs)), tick, sizer);
      await writeInChunks(updates, (chunk) => db.contacts.bulkPut(chunk).then(() => linkContactsByName(chunk, now, programs)), tick, sizer);
      return plan;
    });
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw new ImportFailure(writeErrorText(error));
  }
}
