/**
 * Restoring a backup into the database: the data as it is read in one transaction, planned by
 * portability/restore.ts (the dry run), and written in ONE read-write transaction that re-plans against the data
 * as it is at that moment, in chunks with progress.
 */
import { ImportFailure, failureFor } from '../portability/issues';
import type { Backup } from '../portability/backup-format';
import { planRestore, type CurrentData, type RestoreMode, type RestorePlan } from '../portability/restore';
import { writeInChunks, type Progress } from '../portability/slices';
import { db } from './db';
import { linkContactsByName } from './program-links';
import { toRow } from './programs';
import { writeErrorText } from './write-errors';

async function readCurrent(): Promise<CurrentData> {
  const [contacts, interactions, templates, trash, letters, settings, programs] = await Promise.all([
    db.contacts.toArray(),
    db.interactions.toArray(),
    db.templates.toArray(),
    db.trash.toArray(),
    db.letters.toArray(),
    db.settings.get('settings'),
    db.programs.toArray(),
  ]);
  return { contacts, interactions, templates, trash, letters, settings: settings?.value, programs };
}

const RESTORE_TABLES = [
  db.contacts,
  db.interactions,
  db.templates,
  db.settings,
  db.trash,
  db.letters,
  db.programs,
  db.programLinks,
  db.programUnlinks,
];

/** The dry run: what restoring would do, without writing. */
export async function previewRestore(backup: Backup, mode: RestoreMode): Promise<RestorePlan> {
  return db.transaction('r', RESTORE_TABLES, async () =>
    planRestore(backup, mode, await readCurrent()),
  );
}

/** Chunks sized by time (../portability/slices), so that progress moves however busy the machine is. */
function putAll<T>(table: { bulkPut(rows: T[]): Promise<unknown> }, rows: readonly T[], tick: (n: number) => void) {
  return writeInChunks(rows, (chunk) => table.bulkPut(chunk), tick);
}

/**
 * Restores in ONE transaction: on any error (a full disk included) every
 * table is left exactly as it was.
 */
export async function applyRestore(
  backup: Backup,
  mode: RestoreMode,
  options: { onProgress?: Progress } = {},
): Promise<RestorePlan> {
  try {
    return await db.transaction('rw', RESTORE_TABLES, async () => {
      const plan = planRestore(backup, mode, await readCurrent());
      if (plan.errors.length > 0) throw failureFor(plan.errors);
      const contacts = [...plan.contacts.add, ...plan.contacts.update.map((u) => u.after)];
      const templates = [...plan.templates.add, ...plan.templates.update];
      const total = contacts.length + plan.interactions.add.length + templates.length + plan.trash.add.length + plan.letters.add.length + 1;
      let done = 0;
      const tick = (n: number) => {
        done += n;
        options.onProgress?.(done, total);
      };
      if (mode === 'replace') {
        await Promise.all([
          db.contacts.clear(),
          db.interactions.clear(),
          db.templates.clear(),
          db.trash.clear(),
          db.letters.clear(),
          db.programs.clear(),
          db.programLinks.clear(),
          db.programUnlinks.clear(),
        ]);
      }
      if (plan.settings) await db.settings.put({ key: 'settings', value: plan.settings });
      tick(1);
      await putAll(db.contacts, contacts, tick);
      await putAll(db.interactions, plan.interactions.add, tick);
      await putAll(db.templates, templates, tick);
      await putAll(db.trash, plan.trash.add, tick);
      await putAll(db.letters, plan.letters.add, tick);
      await db.programs.bulkPut([...plan.programs.add, ...plan.programs.update].map(toRow));
      await db.programLinks.bulkPut(plan.programs.links);
      await db.programUnlinks.bulkPut(plan.programs.unlinks);
      // Restored people join the programs their organization names, like any other write.
      await writeInChunks(contacts, (chunk) => linkContactsByName(chunk), () => undefined);
      return plan;
    });
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw new ImportFailure(writeErrorText(error));
  }
}
