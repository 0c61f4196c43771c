/**
 * Which records sync, as data: one entry per kind of record, with the zod
 * schema every incoming record must pass before it reaches Dexie. A new
 * synced table (letters, programs) is one more entry in `storage/sync-bindings.ts`
 * built with `tableBinding`, nothing else.
 */
import type { Settings } from '../model/schemas';

/** Settings that belong to one browser and never travel: a daily notification is wanted on one computer, not on all. */
export const DEVICE_SETTINGS = ['dailySummary'] as const satisfies readonly (keyof Settings)[];

/** Ids of the two documents every synced database holds besides the records (see ./remote-docs). */
export const SALT_DOC_ID = 'rapport-salt';
export const KEYCHECK_DOC_ID = 'rapport-keycheck';

/** Record documents' ids start with `r` (see docIdFor); the two well-known ones do not. */
export function isRecordDocId(id: string): boolean {
  return /^r[0-9a-f]{32}$/.test(id);
}
