/**
 * Programs in the built extension: import the program spreadsheet, save a
 * resident from a program's residents page and find them linked, merge two
 * spellings of one hospital, set an interview date and download a valid .ics,
 * and the thank-you notes offered (and counted on the badge) the day after.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { badgeText } from '../../scripts/chromium';
import { FIXTURES, clickToolbar, expect, fixture, openPopup, serve, test } from './fixtures';

const grid = fixture('web/residents-grid');

/** Yesterday as the date input writes it, in the browser's local time. */
const yesterday = () => {
  const d = new Date(Date.now() - 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('the program list, a linked resident, a merge, an interview in the calendar and the thank-you the day after', async ({ context, worker, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  // No contact yet: the empty list leads to the programs.
  await panel.getByRole('button', { name: 'Your programs', exact: true }).click();
  await expect(panel.getByTestId('programs-view')).toBeVisible();

  // Import the program spreadsheet: a dry run first, unknown status words shown, then one write.
  await panel.getByText('Import program list (CSV)', { exact: true }).click();
  await panel.getByLabel('Program spreadsheet (CSV)').setInputFiles(resolve(FIXTURES, 'imports/programs.csv'));
  await panel.getByRole('button', { name: 'Check the file' }).click();
  await expect(panel.getByTestId('program-dry-run')).toContainText('Would add 10 programs and update 0');
  await expect(panel.getByTestId('unknown-statuses')).toContainText('“Dream program”');
  await panel.getByRole('button', { name: 'Import programs' }).click();
  await expect(panel.getByText('Added 10 programs and updated 0.')).toBeVisible();
  await expect(panel.getByTestId('program-card')).toHaveCount(10);

  // The hospital itself, under two spellings.
  for (const name of ['Northfield General Hospital', 'Northfield "NGH" General Hospital']) {
    await panel.getByPlaceholder('Program name').fill(name);
    await panel.getByRole('button', { name: 'Add program' }).click();
    await expect(panel.getByRole('button', { name, exact: true })).toBeVisible();
  }

  // Save a resident from the program's residents page: linked by their organization.
  await serve(context, grid.url, { [new URL(grid.url).pathname]: grid.html });
  const page = await context.newPage();
  await page.goto(grid.url);
  const tabId = await worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? 0)));
  await clickToolbar(context, extensionId, grid.url);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('picking')).toBeVisible();
  await page.getByRole('heading', { name: 'Hannah Müller, DO' }).click();
  await expect(popup.getByTestId('saved-card').getByTestId('contact-name')).toContainText('Hannah Müller');
  await popup.close();

  // The panel opens on the person just saved, who belongs to the program.
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByRole('article', { name: 'Hannah Müller' })).toBeVisible();
  await expect(panel.getByTestId('contact-programs')).toContainText('Northfield General Hospital');
  await panel.getByRole('button', { name: '← All contacts' }).click();
  await panel.getByRole('button', { name: 'Programs', exact: true }).click();
  const ngh = panel.getByTestId('program-card').filter({ has: panel.getByRole('button', { name: 'Northfield General Hospital', exact: true }) });
  await expect(ngh).toContainText('1 contact, 0 replied');
  await ngh.getByRole('button', { name: 'Northfield General Hospital', exact: true }).click();
  await expect(panel.getByTestId('program-person')).toContainText('Hannah Müller');
  await panel.getByRole('button', { name: '← All programs' }).click();

  // Merge the two spellings: one program keeps both names.
  await panel.getByLabel('Choose Northfield General Hospital for a merge').check();
  await panel.getByLabel('Choose Northfield "NGH" General Hospital for a merge').check();
  await panel.getByRole('button', { name: 'Merge 2 programs' }).click();
  await expect(panel.getByTestId('program-card')).toHaveCount(11);
  await expect(panel.getByText('Merged 2 programs into Northfield General Hospital.').first()).toBeVisible();

  // An interview date: the stage follows, and the calendar file downloads.
  await panel.getByRole('button', { name: 'Northfield General Hospital', exact: true }).click();
  await expect(panel.getByLabel('Other names (separated by ;)')).toHaveValue('Northfield "NGH" General Hospital');
  await panel.getByLabel('Interview date').fill(yesterday());
  await panel.getByLabel('Start time (optional)').fill('09:30');
  await panel.getByRole('button', { name: 'Add interview' }).click();
  await expect(panel.getByLabel('Your stage')).toHaveValue('interview_scheduled');
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: /^Add the interview on .* to your calendar/ }).click()]);
  expect(download.suggestedFilename()).toBe('Interview-Northfield-General-Hospital.ics');
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(ics).toContain(`DTSTART:${yesterday().replace(/-/g, '')}T093000\r\n`);
  expect(ics).toContain('SUMMARY:Interview: Northfield General Hospital\r\n');
  for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

  // The interview was yesterday: today the due list offers the thank-you, and the badge counts it.
  await expect.poll(() => badgeText(worker)).toBe('1');
  await panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Follow-ups' }).click();
  const thanks = panel.getByTestId('thanks-item');
  await expect(thanks).toContainText('Interview at Northfield General Hospital');
  await expect(thanks.getByRole('button', { name: 'Draft thank-you to Hannah Müller' })).toBeVisible();
  await thanks.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => badgeText(worker)).toBe('');
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => badgeText(worker)).toBe('1');
});
