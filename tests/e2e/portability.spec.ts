import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES, expect, test } from './fixtures';

const CONNECTIONS = resolve(FIXTURES, 'imports/Connections.csv');

test('imports LinkedIn’s Connections.csv after a dry run; importing again adds nothing; a backup downloads', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const sections = panel.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Settings' }).click();

  await panel.getByLabel('Choose a file to import').setInputFiles(CONNECTIONS);
  const report = panel.getByTestId('import-report');
  await expect(report).toContainText('Would add 5 contacts, update 0 and skip 1. Nothing has been written yet.');
  await expect(report).toContainText('Row 1: Priya Raman, UCSF Health');
  await expect(report).toContainText('LinkedIn gives no name for this member');
  await report.getByRole('button', { name: 'Confirm import' }).click();
  await expect(panel.getByTestId('import-done')).toHaveText('Added 5 contacts, updated 0 and skipped 1.');

  await panel.getByLabel('Choose a file to import').setInputFiles(CONNECTIONS);
  await expect(report).toContainText('Would add 0 contacts, update 0 and skip 6.');
  await expect(report.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
  await report.getByRole('button', { name: 'Cancel' }).click();

  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export backup (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^rapport-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { format: string; version: number; contacts: { fullName: string }[] };
  expect(backup).toMatchObject({ format: 'rapport-backup', version: 2 });
  expect(backup.contacts.map((c) => c.fullName).sort()).toEqual(['Daniel O\'Connor-Nguyen', 'Hannah Müller', 'Priya Raman', 'Sofía Reyes', 'Wen Li']);

  await sections.getByRole('button', { name: 'Contacts' }).click();
  await expect(panel.getByRole('button', { name: /Sofía Reyes/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: /Priya Raman/ })).toBeVisible();
});

test('a broken file is refused with a message and changes nothing', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  const cut = readFileSync(CONNECTIONS, 'utf8').replace('"Resident Physician, Internal Medicine"', '"Resident Physician, Internal Medicine');
  await panel.getByLabel('Choose a file to import').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(cut) });
  await expect(panel.getByTestId('import-failed')).toContainText('Nothing was imported: the file is not valid CSV (first problem in row 1).');
  await panel.getByLabel('Choose a file to import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"rapport-backup","version":7}') });
  await expect(panel.getByTestId('import-failed')).toContainText('newer version of Rapport');
  await panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
  await expect(panel.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
});
