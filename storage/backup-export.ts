/** Reads every table into one backup, in one read transaction so that the copy is consistent. */
import { toLink } from './link-facts';
import { db } from './db';
import { getSettings } from './settings';
import { fromRow } from './programs';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupProgram } from '../portability/backup-format';
import type { Progress } from '../portability/slices';

export async function exportBackup(
  options: { now?: number; appVersion?: string; onProgress?: Progress } = {},
): Promise<Backup> {
  const { now = Date.now(), appVersion, onProgress } = options;
  return db.transaction(
    'r',
    [db.contacts, db.interactions, db.templates, db.settings, db.trash, db.letters, db.programs, db.programLinks, db.programUnlinks],
    async () => {
    const total = 6;
    const contacts = await db.contacts.toArray();
    onProgress?.(1, total);
    const interactions = await db.interactions.toArray();
    onProgress?.(2, total);
    const templates = await db.templates.toArray();
    onProgress?.(3, total);
    const settings = await getSettings();
    onProgress?.(4, total);
    const trash = await db.trash.toArray();
    onProgress?.(5, total);
    const letters = await db.letters.toArray();
    const programs = await programsWithPeople();
    onProgress?.(6, total);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      ...(appVersion ? { app: { name: 'Rapport', version: appVersion } } : {}),
      contacts,
      interactions,
      templates,
      settings,
      trash,
      letters,
      programs,
    };
    },
  );
}

/** Every program with its links, read inside the caller's transaction. */
async function programsWithPeople(): Promise<BackupProgram[]> {
  const [rows, links, unlinks] = await Promise.all([db.programs.toArray(), db.programLinks.toArray(), db.programUnlinks.toArray()]);
  const people = new Map<string, BackupProgram['people']>();
  for (const { programId, ...link } of links.map(toLink)) people.set(programId, [...(people.get(programId) ?? []), link]);
  const notHere = new Map<string, BackupProgram['notHere']>();
  for (const { programId, ...unlink } of unlinks) notHere.set(programId, [...(notHere.get(programId) ?? []), unlink]);
  return rows.map((row) => ({ ...fromRow(row), people: people.get(row.id) ?? [], notHere: notHere.get(row.id) ?? [] }));
}
