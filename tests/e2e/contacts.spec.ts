import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PEOPLE, seedContacts } from './seed';

async function openPanel(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await seedContacts(page, PEOPLE);
  await page.reload();
  await expect(page.getByTestId('result-count')).toHaveText('5 contacts');
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test('search is insensitive to case and accents; filters and the pipeline narrow the list', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openPanel(page, extensionId);
  const search = page.getByLabel('Search contacts');

  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('MULLER');
  await expect(page.getByTestId('result-count')).toHaveText('1 of 5 contacts');
  await expect(page.getByRole('button', { name: /Hannah Müller/ })).toBeVisible();

  await search.fill('stroke elective'); // notes are searched too
  await expect(page.getByRole('button', { name: /Wen Li/ })).toBeVisible();
  await search.press('Escape');
  await expect(page.getByTestId('result-count')).toHaveText('5 contacts');

  await page.getByRole('button', { name: 'Replied: 1' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('1 of 5 contacts');
  await expect(page.getByRole('button', { name: /Daniel O’Connor-Nguyen/ })).toBeVisible();
  await page.getByRole('button', { name: 'Replied: 1' }).click();

  await page.getByRole('button', { name: 'Filters and sort' }).click();
  await page.getByLabel('Organization').selectOption('Northfield General Hospital');
  await expect(page.getByTestId('result-count')).toHaveText('3 of 5 contacts');

  // The Programs view: an organization no program holds yet becomes one, with everyone there linked.
  await page.getByRole('button', { name: 'Programs', exact: true }).click();
  const organization = page.getByRole('listitem').filter({ hasText: 'Northfield General Hospital' }).filter({ hasText: '3 contacts' });
  await organization.getByRole('button', { name: 'Add as program' }).click();
  await expect(page.getByTestId('program-card').filter({ hasText: 'Northfield General Hospital' })).toContainText('3 contacts, 1 replied');
});

test('edits autosave and survive a reload; interactions are added by hand', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openPanel(page, extensionId);
  await page.getByRole('button', { name: /Wen Li/ }).click();
  await page.getByText('Edit details').click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Associate Professor of Neurology');
  await title.press('Tab');
  const email = page.getByRole('textbox', { name: 'Email' });
  await email.fill('not an email');
  await email.press('Tab');
  await expect(page.getByText('This is not an email address.')).toBeVisible();

  await page.getByText('Log a meeting, call, letter or note').click();
  await page.getByLabel('What happened').selectOption('letter_requested');
  await page.getByLabel('Details (optional)').fill('Asked for a letter for neurology programs');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.getByTestId('timeline')).toContainText('Letter of recommendation asked');

  await page.reload();
  await page.getByRole('button', { name: /Wen Li/ }).click();
  await expect(page.getByRole('article', { name: 'Wen Li' })).toContainText('Associate Professor of Neurology');
  await expect(page.getByTestId('timeline')).toContainText('Asked for a letter for neurology programs');
  await expect(page.getByLabel('Status')).toHaveValue('awaiting_reply');
});

test('add by hand, delete with undo, and bulk tag', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openPanel(page, extensionId);

  await page.getByRole('button', { name: 'Add a contact by hand' }).click();
  await page.getByLabel('Name (required)').fill('Grace Adeyemi');
  await page.getByLabel('Organization or program').fill('Northfield General Hospital');
  await page.getByLabel('Where we met').fill('ACP Internal Medicine Meeting');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('article', { name: 'Grace Adeyemi' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete contact' }).click();
  await expect(page.getByText('Deleted Grace Adeyemi.')).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText('5 contacts');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('6 contacts');

  await page.getByRole('checkbox', { name: 'Select Wen Li' }).check();
  await page.getByRole('checkbox', { name: 'Select Sofía Reyes' }).check();
  await page.getByLabel('Tag to add').fill('Neuro interview day');
  await page.getByRole('button', { name: 'Tag', exact: true }).click();
  await page.getByLabel('Search contacts').fill('neuro interview');
  await expect(page.getByTestId('result-count')).toHaveText('2 of 6 contacts');
});

test('the list and the detail pass an accessibility scan', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openPanel(page, extensionId);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /Priya Raman/ }).click();
  await page.getByText('Edit details').click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});
