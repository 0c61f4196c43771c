import { db } from '../storage/db';

/**
 * When a newer version of Rapport upgrades the database, this page's
 * connection is closed and its code is out of date: reload it, rather than
 * run old code against a new schema.
 */
export function reloadOnSchemaChange(): void {
  db.on('versionchange', () => {
    db.close();
    location.reload();
    return false;
  });
}
