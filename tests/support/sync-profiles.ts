/**
 * Driving Settings › Sync in a Chromium profile with the built extension, for the sync
 * end-to-end tests (tests/e2e/sync.spec.ts) and the sync benchmark (bench/sync.bench.ts).
 *
 * The one stand-in: Chrome's prompt for the optional host permission cannot be accepted
 * from automation (headless Chromium never shows it), so `permissions.request` in the
 * Settings page and `permissions.contains` in the service worker are made to answer
 * "granted", as tests/e2e/hardening.spec.ts does for the site-access prompt. Without the
 * real grant the worker's requests are cross-origin, which pouchdb-server's CORS (on by
 * default) allows; the form, the background, PouchDB and the server are all real.
 */
import { expect, type Page, type Worker } from '@playwright/test';

export interface SyncAccount {
  server: string;
  database: string;
  username: string;
  password: string;
  passphrase: string;
}

/** Stands in for the user accepting Chrome's host-permission prompt (see above). */
export async function grantHostPermission(panel: Page, worker: Worker): Promise<void> {
  // A string: the page must not see helpers that a TypeScript loader adds to functions.
  const stub = `(() => {
    for (const permissions of [globalThis.chrome?.permissions, globalThis.browser?.permissions]) {
      if (!permissions) continue;
      Object.defineProperty(permissions, 'request', { configurable: true, value: async () => true });
      Object.defineProperty(permissions, 'contains', { configurable: true, value: async () => true });
    }
  })()`;
  await panel.evaluate(stub);
  await worker.evaluate(stub);
}

export async function openSettings(panel: Page): Promise<void> {
  await panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await expect(panel.getByTestId('sync-settings')).toBeVisible({ timeout: 30_000 });
}

export async function openContacts(panel: Page): Promise<void> {
  await panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
}

/** Fills Settings › Sync and presses "Turn on sync", as the user does (the outcome is the caller's to check). */
export async function turnOnSync(panel: Page, worker: Worker, account: SyncAccount): Promise<void> {
  await openSettings(panel);
  await grantHostPermission(panel, worker);
  const form = panel.getByTestId('sync-form');
  await form.getByLabel('Server address').fill(account.server);
  await form.getByLabel('Database name').fill(account.database);
  await form.getByLabel('User name').fill(account.username);
  await form.getByLabel('Password', { exact: true }).fill(account.password);
  await form.getByLabel('Passphrase', { exact: true }).fill(account.passphrase);
  await form.getByRole('button', { name: 'Turn on sync' }).click();
}

/** Reads one object store of the profile's database, as stored (read-only). */
export function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(`(async () => {
    const request = indexedDB.open('rapport');
    const db = await new Promise((done, fail) => {
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const all = db.transaction(${JSON.stringify(store)}, 'readonly').objectStore(${JSON.stringify(store)}).getAll();
    const rows = await new Promise((done, fail) => {
      all.onsuccess = () => done(all.result);
      all.onerror = () => fail(all.error);
    });
    db.close();
    return rows;
  })()`) as Promise<T[]>;
}
