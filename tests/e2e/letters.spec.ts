/**
 * Letters and keeping in touch in the built extension: a letter from the
 * request draft to the thank-you, with the badge and the due list checked at
 * each step (time is moved by moving the letter's dates, as followups.spec.ts
 * moves a follow-up's); a keep-in-touch contact coming due and restarting
 * after a logged call; a version 1 backup restored into the new schema.
 */
import { addDays, format, subDays } from 'date-fns';
import type { Page, Worker } from '@playwright/test';
import { badgeText } from '../../scripts/chromium';
import { expect, openFixturePage, openPopup, test } from './fixtures';

const RESIDENT = 'linkedin/profile-resident';
const day = (d: Date) => format(d, 'yyyy-MM-dd');

function actionTitle(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getTitle({}));
}

async function openPriya(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: 'Contacts', exact: true }).click();
  await panel.getByRole('button', { name: /Priya Raman/ }).first().click();
  await expect(panel.getByRole('article', { name: 'Priya Raman' })).toBeVisible();
}

test('a letter from the request draft to the thank-you, with the badge and the due list at each step', async ({ context, worker, extensionId }) => {
  test.setTimeout(180_000);
  const { tabId } = await openFixturePage(context, worker, RESIDENT);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('saved-card')).toContainText('Saved to Rapport');
  await popup.close();

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  for (const [label, value] of [
    ['Your name', 'Alex Kim'],
    ['Specialty of interest', 'internal medicine'],
  ] as const) {
    await panel.getByLabel(label, { exact: true }).fill(value);
    await panel.getByLabel(label, { exact: true }).blur();
  }
  await panel.getByLabel(/AAMC ID/).first().fill('12345678');
  await panel.getByLabel(/AAMC ID/).first().blur();
  await expect(panel.getByTestId('settings-view')).toContainText('Saved.');

  // The request draft: its Letter ID, waiver and deadline become the letter's when it is marked sent.
  await openPriya(panel);
  await panel.getByRole('tab', { name: 'Draft' }).click();
  const composer = panel.getByTestId('draft-composer');
  await composer.getByLabel('Template', { exact: true }).selectOption('builtin:letter-request');
  await composer.getByLabel('Your personal sentence').fill('We worked together on the wards at Penn in June.');
  await composer.getByLabel('ERAS Letter ID {{erasLetterId}}').fill('AB12345678');
  await composer.getByLabel('Waiver choice {{waiverChoice}}').selectOption({ index: 1 });
  await composer.getByLabel('Letter deadline {{letterDeadline}}').fill(day(addDays(new Date(), 30)));
  await composer.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(composer).toContainText('Logged on the timeline');

  // A month to go: nothing due yet, and the generic 7-day follow-up was not started.
  await panel.getByRole('button', { name: 'Letters', exact: true }).click();
  const view = panel.getByTestId('letters-view');
  await expect(view.getByTestId('letters-summary')).toHaveText('0 of 1 letter submitted, 1 due in 30 days');
  expect(await badgeText(worker)).toBe('');

  // Three days before the deadline: the nudge is due.
  await view.getByRole('button', { name: 'Edit Priya Raman’s letter' }).click();
  const editor = view.getByTestId('letter-editor');
  await expect(editor.getByLabel('ERAS Letter ID (ERAS only)')).toHaveValue('AB12345678');
  // Asked three weeks ago, due in three days.
  await editor.getByLabel('Asked on').fill(day(subDays(new Date(), 21)));
  await editor.getByLabel('Deadline').fill(day(addDays(new Date(), 3)));
  await expect.poll(() => badgeText(worker)).toBe('1');
  await expect.poll(() => actionTitle(worker)).toContain('1 letter due');

  // The popup lists it with its actions; Draft follow-up is the letter's check-in, and Mark submitted can be undone.
  const popup2 = await openPopup(context, extensionId, tabId);
  const item = popup2.getByTestId('due-item');
  await expect(item).toContainText('Deadline in 3 days');
  await expect(item.getByRole('button', { name: 'Draft check-in to Priya Raman' })).toBeVisible();
  await item.getByRole('button', { name: 'Mark Priya Raman’s letter submitted' }).click();
  await expect(popup2.getByTestId('due-empty')).toBeVisible();
  await expect.poll(() => badgeText(worker)).toBe('');
  await popup2.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(popup2.getByTestId('due-item')).toContainText('Deadline in 3 days');
  await expect.poll(() => badgeText(worker)).toBe('1');
  await popup2.getByRole('button', { name: 'Mark Priya Raman’s letter submitted' }).click();
  await expect.poll(() => badgeText(worker)).toBe('');
  await popup2.close();

  // The day after submission: a thank-you is due.
  await panel.reload();
  await panel.getByRole('button', { name: 'Letters', exact: true }).click();
  await expect(panel.getByTestId('letters-summary')).toHaveText('1 of 1 letter submitted');
  await panel.getByRole('button', { name: 'Edit Priya Raman’s letter' }).click();
  await panel.getByTestId('letter-editor').getByLabel('Submitted on').fill(day(subDays(new Date(), 1)));
  await expect.poll(() => badgeText(worker)).toBe('1');
  await panel.getByRole('button', { name: 'Follow-ups', exact: true }).click();
  const due = panel.getByTestId('due-item');
  await expect(due).toContainText('a thank-you is owed');
  await due.getByRole('button', { name: 'Draft thank-you to Priya Raman' }).click();

  // The thank-you draft, marked sent, thanks the letter: nothing is due.
  const thanks = panel.getByTestId('draft-composer');
  await expect(thanks.getByLabel('Template', { exact: true })).toHaveValue('builtin:letter-thank-you');
  await thanks.getByLabel('Your personal sentence').fill('Your teaching on the wards shaped how I care for patients.');
  await thanks.getByRole('button', { name: 'Mark as sent' }).click();
  await expect.poll(() => badgeText(worker)).toBe('');
  await panel.getByRole('tab', { name: 'Details' }).click();
  await expect(panel.getByTestId('timeline')).toContainText('Thanked for the letter');
  await expect(panel.getByTestId('timeline')).toContainText('Letter submitted');
  await expect(panel.getByTestId('timeline')).toContainText('Letter of recommendation asked');
  await panel.getByRole('button', { name: 'Letters', exact: true }).click();
  await expect(panel.getByTestId('letter-row')).toContainText('Thanked');
});

test('a keep-in-touch contact comes due and restarts after a logged call', async ({ context, worker, extensionId }) => {
  test.setTimeout(120_000);
  const { tabId } = await openFixturePage(context, worker, RESIDENT);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('saved-card')).toContainText('Saved to Rapport');
  await popup.close();

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await openPriya(panel);
  // A call logged long ago, then keeping in touch every month: already due.
  await panel.getByText('Log a meeting, call, letter or note').click();
  await panel.getByLabel('What happened').selectOption('call');
  await panel.getByLabel('When', { exact: true }).fill(day(subDays(new Date(), 60)));
  await panel.getByRole('button', { name: 'Add to timeline' }).click();
  await panel.getByLabel('Keep in touch').selectOption('30');
  await expect.poll(() => badgeText(worker)).toBe('1');
  await expect.poll(() => actionTitle(worker)).toContain('1 keep-in-touch due');

  const popup2 = await openPopup(context, extensionId, tabId);
  const item = popup2.getByTestId('due-item');
  await expect(item).toContainText('Keep in touch');
  await expect(item.getByRole('button', { name: 'Draft a check-in to Priya Raman' })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Snooze Priya Raman' })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Not now for Priya Raman' })).toBeVisible();
  await popup2.close();

  // A call today restarts the clock: due again in a month, not now.
  await panel.reload();
  await openPriya(panel);
  await panel.getByText('Log a meeting, call, letter or note').click();
  await panel.getByLabel('What happened').selectOption('call');
  await panel.getByRole('button', { name: 'Add to timeline' }).click();
  await expect.poll(() => badgeText(worker)).toBe('');
  await expect(panel.getByTestId('keep-in-touch-next')).toContainText(format(addDays(new Date(), 30), 'PPP'));
});

test('a version 1 backup restores into the new schema', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const backup = {
    format: 'rapport-backup',
    version: 1,
    exportedAt: '2025-09-30T12:00:00.000Z',
    contacts: [
      { id: 'v1-ana', source: 'manual', fullName: 'Ana Ruiz', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 },
    ],
    interactions: [{ id: 'v1-i', contactId: 'v1-ana', kind: 'letter_requested', channel: 'email', at: 1_700_000_000_000 }],
    templates: [],
    settings: {},
    trash: [],
  };
  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  await panel.getByLabel('Choose a file to import').setInputFiles({ name: 'rapport-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(panel.getByTestId('import-report')).toContainText('Would add 1 contact');
  await panel.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(panel.getByTestId('settings-view')).toContainText(/Added 1 contact/);
  await panel.getByRole('button', { name: 'Contacts', exact: true }).click();
  await panel.getByRole('button', { name: /Ana Ruiz/ }).first().click();
  await expect(panel.getByTestId('timeline')).toContainText('Letter of recommendation asked');
  // The new schema works on the restored data: a letter can be added for her and appears in Letters.
  await panel.getByRole('button', { name: 'Add a letter' }).click();
  await panel.getByRole('button', { name: 'Letters', exact: true }).click();
  await expect(panel.getByTestId('letter-row')).toContainText('Ana Ruiz');
});
