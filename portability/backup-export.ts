/** Reads every table into one backup, in one read transaction so that the copy is consistent. */
import { db } from '../storage/db';
import { getSettings } from '../storage/settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-format';
import { localDay } from './dates';

export type Progress = (done: number, total: number) => void;

export async function exportBackup(
  options: { now?: number; appVersion?: string; onProgress?: Progress } = {},
): Promise<Backup> {
  const { now = Date.now(), appVersion, onProgress } = options;
  return db.transaction('r', [db.contacts, db.interactions, db.templates, db.settings, db.trash, db.letters], async () => {
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
    };
  });
}

export function backupFileName(now = Date.now()): string {
  return `rapport-backup-${localDay(now)}.json`;
}
