/**
 * Sync at the scale of a large network, in two real Chromium profiles with the
 * built extension and a real CouchDB-protocol server (pouchdb-server on a free
 * loopback port): the first sync of 10,000 contacts from one profile to the
 * other, and the time for one edit made in one side panel to reach the other
 * profile's database while both panels are open (continuous replication).
 * Sync is turned on through Settings › Sync in each (tests/support/sync-profiles.ts,
 * which also says what stands in for Chrome's permission prompt).
 * Needs `npm run build` first (npm run bench does it); `npm run bench -- sync` runs only this one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../scripts/chromium';
import { ADMIN, startServer } from '../tests/support/pouchdb-server';
import { openContacts, openSettings, turnOnSync } from '../tests/support/sync-profiles';
import { median, report } from './report';
import { seedGeneratedContacts } from './seed-page';

const N = Number(process.env.SYNC_BENCH_N ?? 10_000);
const EDITS = 5;
const LONG = { timeout: 600_000 };

const server = await startServer();
const dirs = [mkdtempSync(join(tmpdir(), 'rapport-bench-a-')), mkdtempSync(join(tmpdir(), 'rapport-bench-b-'))];
const account = { server: server.url, database: 'rapport-bench', username: ADMIN.username, password: ADMIN.password, passphrase: 'a long benchmark passphrase' };
const opened: Awaited<ReturnType<typeof launchWithExtension>>[] = [];

async function profile(dir: string) {
  const loaded = await launchWithExtension({ headless: true, userDataDir: dir, lang: 'en-US' });
  opened.push(loaded);
  const panel = await loaded.context.newPage();
  await panel.goto(`chrome-extension://${loaded.extensionId}/sidepanel.html`);
  return { ...loaded, panel };
}

/** How many contacts the profile's database holds (a string: see grantHostPermission). */
const COUNT_CONTACTS = `(async () => {
  const request = indexedDB.open('rapport');
  const db = await new Promise((done) => (request.onsuccess = () => done(request.result)));
  const count = db.transaction('contacts').objectStore('contacts').count();
  const n = await new Promise((done) => (count.onsuccess = () => done(count.result)));
  db.close();
  return n;
})()`;

/** How many documents the profile's local PouchDB replica holds (the indexeddb adapter: one database per replica, documents in `docs`). */
const COUNT_REPLICA = `(async () => {
  const known = (await indexedDB.databases()).find((d) => d.name && d.name.startsWith('_pouch_rapport-replica-'));
  if (!known) return 0;
  const request = indexedDB.open(known.name);
  const db = await new Promise((done) => (request.onsuccess = () => done(request.result)));
  if (!db.objectStoreNames.contains('docs')) { db.close(); return 0; }
  const count = db.transaction('docs').objectStore('docs').count();
  const n = await new Promise((done) => (count.onsuccess = () => done(count.result)));
  db.close();
  return n;
})()`;

/**
 * When each phase of the first sync ended, from outside: read every 250 ms (each read a few ms),
 * so a phase's time is exact to about a quarter of a second.
 */
function watchPhases(start: number, probes: Record<string, () => Promise<boolean>>): { ended: Record<string, number>; stop(): void } {
  const ended: Record<string, number> = {};
  let stopped = false;
  void (async () => {
    while (!stopped && Object.keys(ended).length < Object.keys(probes).length) {
      for (const [name, done] of Object.entries(probes)) {
        if (!(name in ended) && (await done().catch(() => false))) ended[name] = Date.now() - start;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return { ended, stop: () => (stopped = true) };
}

try {
  const a = await profile(dirs[0]!);
  const b = await profile(dirs[1]!);
  await seedGeneratedContacts(a.panel, N);
  // The seed bypasses Dexie, so the open panel has not seen it: reopen, as after an import.
  await a.panel.reload();
  await a.panel.locator('.contact-row').first().waitFor(LONG);

  // First sync: from "Turn on sync" in A until B's database holds every contact.
  const start = Date.now();
  const serverCount = async () => ((await server.admin(`/${account.database}`)) as { doc_count?: number }).doc_count ?? 0;
  const phases = watchPhases(start, {
    // Records are the contacts plus the settings row; the salt and key-check documents are two more.
    'a_replica_holds_all': async () => ((await a.worker.evaluate(COUNT_REPLICA)) as number) >= N,
    'server_holds_all': async () => (await serverCount()) >= N + 2,
    'b_replica_holds_all': async () => ((await b.worker.evaluate(COUNT_REPLICA)) as number) >= N,
  });
  await turnOnSync(a.panel, a.worker, account);
  await a.panel.getByTestId('sync-status').waitFor(LONG);
  await a.panel.getByTestId('sync-pending').filter({ hasText: /^0 changes$/ }).waitFor(LONG);
  const uploaded = Date.now() - start;
  await turnOnSync(b.panel, b.worker, account);
  await b.panel.getByTestId('sync-status').waitFor(LONG);
  // A loop, not waitForFunction: its predicate's promise counts as truthy at once, which once made this figure end
  // when B's Settings showed its status, long before B held the contacts.
  while (((await b.panel.evaluate(COUNT_CONTACTS)) as number) < N) {
    if (Date.now() - start > LONG.timeout) throw new Error('B never received every contact');
    await new Promise((r) => setTimeout(r, 250));
  }
  const firstSync = Date.now() - start;
  phases.stop();
  const first = N === 10_000 ? 'sync.chromium.first_sync_10k_ms' : `sync.chromium.first_sync_${N}_ms`;
  // Phases (ms from "Turn on sync" in A): A's outbox in its replica, the server holding all, B's replica, B's database.
  report({ name: `${first}.upload`, value: uploaded, unit: 'ms' });
  for (const [name, at] of Object.entries(phases.ended)) report({ name: `${first}.${name}`, value: at, unit: 'ms' });
  report({ name: first, value: firstSync, unit: 'ms', target: 60_000 });

  // One edit, made in A's side panel, until B's database has it; both panels open (live replication).
  await openContacts(a.panel);
  await openContacts(b.panel);
  await a.panel.locator('.contact-row').first().click({ timeout: 120_000 });
  await a.panel.getByText('Edit details').click();
  const title = a.panel.getByRole('textbox', { name: 'Title', exact: true }).first(); // Not an experience entry's title.
  const samples: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const value = `Chief Resident ${i}`;
    const id = await a.panel.getByRole('article').first().getAttribute('aria-label');
    await title.fill(value);
    const seen = `(async () => {
      const request = indexedDB.open('rapport');
      const db = await new Promise((done) => (request.onsuccess = () => done(request.result)));
      const all = db.transaction('contacts').objectStore('contacts').index('sortName').getAll(${JSON.stringify(id)}.normalize('NFD').replace(/\\p{M}/gu, '').toLowerCase().trim());
      const rows = await new Promise((done) => (all.onsuccess = () => done(all.result)));
      db.close();
      return rows.some((row) => row.title === ${JSON.stringify(value)});
    })()`;
    const t0 = Date.now();
    await title.press('Tab'); // Leaving the field writes it at once.
    // Read B's database until the edit is there (each read takes a few ms; the figure includes at most one).
    while (!(await b.panel.evaluate(seen))) if (Date.now() - t0 > 60_000) throw new Error('the edit never reached B');
    samples.push(Date.now() - t0);
  }
  report({ name: 'sync.chromium.edit_reaches_other_profile.median_ms', value: median(samples), unit: 'ms', target: 2_000 });
  report({ name: 'sync.chromium.edit_reaches_other_profile.max_ms', value: Math.max(...samples), unit: 'ms' });
  await openSettings(b.panel);
} finally {
  for (const loaded of opened) await loaded.context.close();
  await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
