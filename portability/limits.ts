/**
 * Size limits checked before a file is read or parsed, so that a 50 MB file
 * of garbage is refused at once instead of freezing the page (RELIABILITY S5).
 */

/** Largest CSV (contacts or LinkedIn Connections) Rapport reads. */
export const MAX_CSV_BYTES = 25 * 1024 * 1024;

/**
 * Largest JSON file of unknown origin. A file that starts the way Rapport's
 * own backups start may be larger (see MAX_BACKUP_BYTES): a user with years
 * of notes must always be able to restore the backup Rapport wrote.
 */
export const MAX_JSON_BYTES = 25 * 1024 * 1024;

/** Largest file that carries Rapport's backup signature in its first bytes. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** Most data rows one CSV import takes; far above any real network, far below what freezes a tab. */
export const MAX_CSV_ROWS = 100_000;

/** Most columns a CSV of contacts may have; a spreadsheet of contacts has a few dozen. */
export const MAX_CSV_COLUMNS = 2_000;

/** Bad rows listed by name in a report; the rest are counted. */
export const MAX_LISTED_ISSUES = 200;

/** Lines of each list a dry-run report shows; the counts above them stay exact. */
export const REPORT_LINES = 50;

/** Longest text of one report line or one cell of a preview; a 5 MB cell is shown cut. */
export const REPORT_TEXT = 1_000;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
