import { db } from '../storage/db';

/**
 * When a newer version of Rapport upgrades the database, this page's
 * connection is closed and its code is out of date: reload it, rather than
 * run old code against a new schema.
 */
export function reloadOnSchemaChange(): void {
  db.on('versionchange', () => {
    // Closed for good: this page's old code must not reopen the upgraded database before it reloads.
    db.close({ disableAutoOpen: true });
    location.reload();
    return false;
  });
}
