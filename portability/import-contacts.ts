/**
 * Writing a contact import (CSV or LinkedIn Connections): every row has been
 * validated, the plan is recomputed against the contacts as they are inside
 * ONE read-write transaction, and written in chunks. Any error, a full disk
 * included, aborts the transaction and leaves the store as it was.
 */
import { db } from '../storage/db';
import type { Progress } from './backup-export';
import type { ParsedContacts } from './incoming';
import { ImportFailure, failureFor } from './issues';
import { WRITE_CHUNK } from './limits';
import { planContactImport, type ContactImportPlan } from './plan';
import { writeErrorMessage } from './write-errors';

/** The dry run: what the import would add, update and skip, and the rows that are wrong. */
export async function previewContactImport(parsed: ParsedContacts, now = Date.now()): Promise<ContactImportPlan> {
  const existing = await db.contacts.toArray();
  return planContactImport(parsed, existing, { now });
}

export async function applyContactImport(
  parsed: ParsedContacts,
  options: { now?: number; onProgress?: Progress } = {},
): Promise<ContactImportPlan> {
  const { now = Date.now(), onProgress } = options;
  if (parsed.issues.length > 0) throw failureFor(parsed.issues);
  try {
    return await db.transaction('rw', db.contacts, async () => {
      const plan = planContactImport(parsed, await db.contacts.toArray(), { now });
      if (plan.errors.length > 0) throw failureFor(plan.errors);
      const rows = [...plan.add, ...plan.update.map((u) => u.after)];
      onProgress?.(0, rows.length);
      for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
        await db.contacts.bulkPut(rows.slice(i, i + WRITE_CHUNK));
        onProgress?.(Math.min(i + WRITE_CHUNK, rows.length), rows.length);
      }
      return plan;
    });
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw new ImportFailure(writeErrorMessage(error));
  }
}
