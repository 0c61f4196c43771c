import { badgeText } from '../../scripts/chromium';
import { expect, openFixturePage, openPopup, test } from './fixtures';

const RESIDENT = 'linkedin/profile-resident';

test('one click saves a LinkedIn profile; sent, due and replied drive the badge', async ({ context, worker, extensionId }) => {
  const { tabId } = await openFixturePage(context, worker, RESIDENT);

  // The toolbar click opens the popup, which saves at once and offers Undo.
  const popup = await openPopup(context, extensionId, tabId);
  const card = popup.getByTestId('saved-card');
  await expect(card).toContainText('Saved to Rapport');
  await expect(card.getByTestId('contact-name')).toHaveText('Priya Raman, MD');
  await expect(card).toContainText('San Francisco, California, United States');
  await expect(card.getByRole('button', { name: 'Undo' })).toBeVisible();

  // The side panel lists the person; open them and mark a message sent.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  // The panel follows the tab beside it: Priya's profile is open there, so Priya is shown.
  await expect(panel.getByRole('article', { name: 'Priya Raman' })).toBeVisible();
  await panel.getByRole('button', { name: 'Mark message sent' }).click();
  await expect(panel.getByTestId('timeline')).toContainText('Message sent');
  await expect(panel.getByLabel('Status')).toHaveValue('awaiting_reply');
  const due = await panel.getByLabel('Next follow-up').inputValue();
  expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(await badgeText(worker)).toBe('');

  // Move the follow-up into the past, as if the cadence had elapsed.
  await panel.getByLabel('Next follow-up').fill('2020-01-01');
  await expect.poll(() => badgeText(worker)).toBe('1');

  await panel.getByRole('button', { name: 'Reply received' }).click();
  await expect(panel.getByLabel('Status')).toHaveValue('replied');
  await expect.poll(() => badgeText(worker)).toBe('');
});

test('saving reads the LinkedIn page without changing a byte of it', async ({ context, worker, extensionId }) => {
  const { page: linkedin, tabId } = await openFixturePage(context, worker, RESIDENT);
  const before = await linkedin.evaluate(() => document.documentElement.outerHTML);

  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('saved-card')).toContainText('Priya Raman');

  expect(await linkedin.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  // Nothing of the extension's is reachable from the page either.
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
});

test('undo in the popup removes the person it just saved', async ({ context, worker, extensionId }) => {
  const { tabId } = await openFixturePage(context, worker, RESIDENT);
  const popup = await openPopup(context, extensionId, tabId);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect(popup.getByText('Removed from Rapport.')).toBeVisible();

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
});
