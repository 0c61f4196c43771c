/**
 * Sync end to end (issue 20): a real pouchdb-server on a probed loopback port, and two
 * separate Chromium profiles (two user-data dirs) with the built extension, each turned
 * on through the real Settings › Sync form. Edits are made through the side panel, so
 * they go through storage/ and its sync outbox exactly as a user's do; each side's
 * database is read (read-only) to check that the two converge.
 *
 * The one stand-in, Chrome's host-permission prompt, which automation cannot accept, is
 * described in tests/support/sync-profiles.ts (grantHostPermission).
 */
import { test, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../../scripts/chromium';
import { openContacts, openSettings, readStore, turnOnSync } from '../support/sync-profiles';
import { ADMIN, startServer, type TestServer } from '../support/pouchdb-server';
import { PEOPLE, seedContacts } from './seed';

test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ actionTimeout: 30_000 });

const DATABASE = 'rapport-e2e';
const PASSPHRASE = 'correct horse battery staple, twice';

interface Profile {
  dir: string;
  context: BrowserContext;
  worker: Worker;
  panel: Page;
  extensionId: string;
}

let server: TestServer;
const profiles: Record<'a' | 'b', Profile | undefined> = { a: undefined, b: undefined };
const dirs = { a: mkdtempSync(join(tmpdir(), 'rapport-sync-a-')), b: mkdtempSync(join(tmpdir(), 'rapport-sync-b-')) };

async function open(name: 'a' | 'b'): Promise<Profile> {
  const { context, worker, extensionId } = await launchWithExtension({ headless: true, userDataDir: dirs[name], lang: 'en-US' });
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const profile = { dir: dirs[name], context, worker, panel, extensionId };
  profiles[name] = profile;
  return profile;
}

async function close(name: 'a' | 'b'): Promise<void> {
  await profiles[name]?.context.close();
  profiles[name] = undefined;
}

interface Row {
  id: string;
  fullName?: string;
  title?: string;
  notes?: string;
  pageChanges?: Record<string, unknown>;
  contact?: Row;
}

/** What a user would compare: every contact's name, title and notes, and who is in the trash. */
async function snapshot(page: Page) {
  const [contacts, trash] = await Promise.all([readStore<Row>(page, 'contacts'), readStore<Row>(page, 'trash')]);
  const short = (c: Row) => ({ id: c.id, fullName: c.fullName, title: c.title ?? '', notes: c.notes ?? '' });
  return {
    contacts: contacts.map(short).sort((x, y) => x.id.localeCompare(y.id)),
    trash: trash.map((t) => short(t.contact!)).sort((x, y) => x.id.localeCompare(y.id)),
  };
}

async function editField(panel: Page, name: string, label: string, value: string): Promise<void> {
  await panel.getByRole('button', { name: new RegExp(name) }).first().click();
  await expect(panel.getByRole('article', { name })).toBeVisible();
  if (label !== 'Notes') await panel.getByText('Edit details').click();
  const field = panel.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Tab');
  await expect(field).toHaveValue(value);
  await expect(panel.getByText('Saved', { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: '← All contacts' }).click();
}

function account(passphrase: string) {
  return { server: server.url, database: DATABASE, username: ADMIN.username, password: ADMIN.password, passphrase };
}

// Short intervals: each check reads two small stores, and a long one would only add its own wait to every scenario.
const CONVERGE = { timeout: 90_000, intervals: [100, 250] };

async function converged(): Promise<void> {
  const a = profiles.a!;
  const b = profiles.b!;
  await expect.poll(async () => JSON.stringify(await snapshot(b.panel)) === JSON.stringify(await snapshot(a.panel)), CONVERGE).toBe(true);
}

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await close('a');
  await close('b');
  await server?.stop();
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
});

test('SY1: sync is turned on in two profiles through Settings › Sync; a wrong passphrase on the second is refused and changes nothing', async () => {
  const a = await open('a');
  await seedContacts(a.panel, PEOPLE);
  await a.panel.reload();
  await expect(a.panel.getByTestId('result-count')).toHaveText('5 contacts', { timeout: 30_000 });
  await turnOnSync(a.panel, a.worker, account(PASSPHRASE));
  await expect(a.panel.getByTestId('sync-status')).toBeVisible({ timeout: 60_000 });
  await expect(a.panel.getByTestId('sync-pending')).toHaveText('0 changes', { timeout: 60_000 });

  const b = await open('b');
  // An empty list offers "Add a contact" (the search bar's button appears once there is one).
  await b.panel.getByRole('button', { name: 'Add a contact', exact: true }).click();
  await b.panel.getByLabel('Name (required)').fill('Grace Adeyemi');
  await b.panel.getByLabel('Organization or program').fill('Northfield General Hospital');
  await b.panel.getByRole('button', { name: 'Add contact' }).click();
  await expect(b.panel.getByRole('article', { name: 'Grace Adeyemi' })).toBeVisible();
  const before = await snapshot(b.panel);
  const serverBefore = (await server.admin(`/${DATABASE}/_all_docs`)) as { total_rows: number; rows: { value: { rev: string } }[] };

  await turnOnSync(b.panel, b.worker, account('a different passphrase entirely'));
  await expect(b.panel.getByTestId('sync-message')).toHaveText(/This passphrase does not open the data already in this database/, { timeout: 60_000 });
  await expect(b.panel.getByTestId('sync-form')).toBeVisible();
  expect(await snapshot(b.panel)).toEqual(before);
  expect(await readStore(b.panel, 'syncRecords')).toEqual([]);
  const serverAfter = (await server.admin(`/${DATABASE}/_all_docs`)) as typeof serverBefore;
  expect(serverAfter.rows.map((r) => r.value.rev)).toEqual(serverBefore.rows.map((r) => r.value.rev));

  await b.panel.getByTestId('sync-form').getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await b.panel.getByTestId('sync-form').getByRole('button', { name: 'Turn on sync' }).click();
  await expect(b.panel.getByTestId('sync-status')).toBeVisible({ timeout: 60_000 });
  await openContacts(a.panel);
  await openContacts(b.panel);
  await converged();
  expect((await snapshot(a.panel)).contacts.map((c) => c.fullName)).toContain('Grace Adeyemi');
  expect((await snapshot(b.panel)).contacts).toHaveLength(6);
});

test('SY2: edits on each side reach the other while both panels are open', async () => {
  const a = profiles.a!;
  const b = profiles.b!;
  await editField(a.panel, 'Grace Adeyemi', 'Title', 'Chief Resident');
  await editField(b.panel, 'Priya Raman', 'Notes', 'Asked about the research track');
  await converged();
  const onA = (await snapshot(a.panel)).contacts;
  expect(onA.find((c) => c.fullName === 'Grace Adeyemi')?.title).toBe('Chief Resident');
  expect(onA.find((c) => c.fullName === 'Priya Raman')?.notes).toBe('Asked about the research track');
});

test('SY3: a profile closed while the other edits catches up when it comes back', async () => {
  await close('a');
  const b = profiles.b!;
  await editField(b.panel, 'Hannah Müller', 'Title', 'Chief Resident, PGY-4');
  await expect(b.panel.getByRole('button', { name: /Hannah Müller/ }).first()).toBeVisible();
  await openSettings(b.panel);
  await expect(b.panel.getByTestId('sync-pending')).toHaveText('0 changes', { timeout: 60_000 });
  await openContacts(b.panel);
  await open('a');
  await converged();
  expect((await snapshot(profiles.a!.panel)).contacts.find((c) => c.fullName === 'Hannah Müller')?.title).toBe('Chief Resident, PGY-4');
});

/** Takes profile A off the network: its worker's requests to the server fail, as when a laptop is offline. */
async function offline(profile: Profile): Promise<() => Promise<void>> {
  const pattern = `${server.url}/**`;
  const abort = (route: { abort: () => Promise<void> }) => route.abort();
  await profile.context.route(pattern, abort);
  return () => profile.context.unroute(pattern, abort);
}

test('SY4: while apart, edits to different fields both survive; the same field keeps the later edit and shows the other', async () => {
  const a = profiles.a!;
  const b = profiles.b!;
  const online = await offline(a);
  // Different fields of one contact.
  await editField(a.panel, 'Wen Li', 'Title', 'Associate Professor');
  await editField(b.panel, 'Wen Li', 'Notes', 'Neurology interview day');
  // The same field of another, A first, then B: B's is the later edit.
  await editField(a.panel, 'Daniel O’Connor-Nguyen', 'Title', 'Associate Program Director');
  await editField(b.panel, 'Daniel O’Connor-Nguyen', 'Title', 'Program Director Emeritus');
  await openSettings(b.panel);
  await expect(b.panel.getByTestId('sync-pending')).toHaveText('0 changes', { timeout: 60_000 });
  await openContacts(b.panel);
  // Still apart: A has not seen B's edits.
  expect((await snapshot(a.panel)).contacts.find((c) => c.fullName === 'Wen Li')?.notes).not.toBe('Neurology interview day');
  await online();
  await converged();
  for (const profile of [a, b]) {
    const contacts = await readStore<Row>(profile.panel, 'contacts');
    const wen = contacts.find((c) => c.fullName === 'Wen Li')!;
    expect(wen.title).toBe('Associate Professor');
    expect(wen.notes).toBe('Neurology interview day');
    const daniel = contacts.find((c) => c.fullName === 'Daniel O’Connor-Nguyen')!;
    expect(daniel.title).toBe('Program Director Emeritus');
    // The losing edit is kept where the user sees it and can apply it: "Changed on the page".
    expect(daniel.pageChanges?.title).toBe('Associate Program Director');
  }
  await b.panel.getByRole('button', { name: /Daniel O’Connor-Nguyen/ }).first().click();
  await expect(b.panel.getByRole('article', { name: 'Daniel O’Connor-Nguyen' })).toContainText('Associate Program Director');
  await b.panel.getByRole('button', { name: '← All contacts' }).click();
});

test('SY5: a contact deleted on one side and edited on the other stays in the trash, with the edit', async () => {
  const a = profiles.a!;
  const b = profiles.b!;
  const online = await offline(a);
  await a.panel.getByRole('button', { name: /Sofía Reyes/ }).first().click();
  await a.panel.getByRole('button', { name: 'Delete contact' }).click();
  await expect(a.panel.getByText('Deleted Sofía Reyes.')).toBeVisible();
  await editField(b.panel, 'Sofía Reyes', 'Notes', 'Edited while deleted elsewhere');
  await openSettings(b.panel);
  await expect(b.panel.getByTestId('sync-pending')).toHaveText('0 changes', { timeout: 60_000 });
  await openContacts(b.panel);
  await online();
  await converged();
  for (const profile of [a, b]) {
    const { contacts, trash } = await snapshot(profile.panel);
    expect(contacts.map((c) => c.fullName)).not.toContain('Sofía Reyes');
    expect(trash.find((c) => c.fullName === 'Sofía Reyes')?.notes).toBe('Edited while deleted elsewhere');
  }
});

test('SY6: the server holds no name, note or e-mail, only ids, revisions and ciphertext', async () => {
  const all = (await server.admin(`/${DATABASE}/_all_docs?include_docs=true`)) as { rows: { id: string; doc: Record<string, unknown> }[] };
  expect(all.rows.length).toBeGreaterThan(6);
  const raw = JSON.stringify(all.rows);
  const { contacts, trash } = await snapshot(profiles.a!.panel);
  for (const person of [...contacts, ...trash]) {
    // Whole names, and each word long enough that random base64 cannot hold it by chance.
    expect(raw).not.toContain(person.fullName!);
    for (const word of person.fullName!.split(/\s+/).filter((w) => w.length >= 5)) expect(raw).not.toContain(word);
    if (person.notes) expect(raw).not.toContain(person.notes);
    if (person.title) expect(raw).not.toContain(person.title);
  }
  expect(raw).not.toMatch(/@|contacts|fullName|notes/);
  for (const row of all.rows) {
    expect(Object.keys(row.doc).sort()).toEqual(expect.arrayContaining(['_id', '_rev']));
    for (const key of Object.keys(row.doc)) expect(['_id', '_rev', 'iv', 'ct', 'salt', 'v', 'kdf', 'iterations', 'check']).toContain(key);
  }
});
