/**
 * Nothing typed is lost, and pages cannot watch Rapport, end to end in Chromium: type then close the page at once;
 * two pages on one contact; every network request of the extension's pages recorded.
 */
import { resolve } from 'node:path';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { FIXTURES, expect, test } from './fixtures';
import { PEOPLE, seedContacts } from './seed';

const CONNECTIONS = resolve(FIXTURES, 'imports/Connections.csv');

async function openPanel(context: BrowserContext, extensionId: string, seed = true): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  if (seed) {
    await seedContacts(page, PEOPLE);
    await page.reload();
    await expect(page.getByTestId('result-count')).toHaveText('5 contacts');
  }
  return page;
}

test('N1: a note and a setting typed, then the page closed at once, are kept', async ({ context, extensionId }) => {
  const page = await openPanel(context, extensionId);
  await page.getByRole('button', { name: /Wen Li/ }).click();
  const notes = page.getByRole('textbox', { name: 'Notes', exact: true });
  await notes.fill('Asked about the stroke elective. Call back in March.');
  // No blur, no wait: the panel closes as the user closes it.
  await page.close({ runBeforeUnload: true });

  const settings = await openPanel(context, extensionId, false);
  await settings.getByRole('button', { name: 'Settings', exact: true }).click();
  await settings.getByLabel('Your AAMC ID').fill('12345678');
  await settings.close({ runBeforeUnload: true });

  const again = await openPanel(context, extensionId, false);
  await again.getByRole('button', { name: /Wen Li/ }).click();
  await expect(again.getByRole('textbox', { name: 'Notes', exact: true })).toHaveValue('Asked about the stroke elective. Call back in March.');
  await again.getByRole('button', { name: '← All contacts' }).click();
  await again.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(again.getByLabel('Your AAMC ID')).toHaveValue('12345678');
});

test('N2: two pages on one contact: a save in one does not replace what is typed in the other', async ({ context, extensionId }) => {
  const first = await openPanel(context, extensionId);
  const second = await context.newPage();
  await second.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  for (const page of [first, second]) await page.getByRole('button', { name: /Wen Li/ }).click();

  // The first page is typing (no pause long enough for its autosave)…
  const mine = first.getByRole('textbox', { name: 'Notes', exact: true });
  await mine.fill('Typed in the first window');
  // …while the second saves the same field.
  const theirs = second.getByRole('textbox', { name: 'Notes', exact: true });
  await theirs.fill('Saved from the second window');
  await theirs.blur();

  await expect(first.getByTestId('changed-elsewhere')).toContainText('Saved from the second window');
  await expect(mine).toHaveValue('Typed in the first window');
  await first.getByRole('button', { name: 'Keep mine' }).click();
  await expect(first.getByTestId('changed-elsewhere')).toHaveCount(0);
  // The second window follows, since nothing is being typed there.
  await expect(theirs).toHaveValue('Typed in the first window');

  // A different field edited in each window: both are kept.
  await first.getByText('Edit details').click();
  await second.getByText('Edit details').click();
  await first.getByLabel('Title', { exact: true }).fill('Associate Professor');
  await second.getByLabel('Location', { exact: true }).fill('Boston, MA');
  await first.getByLabel('Title', { exact: true }).blur();
  await second.getByLabel('Location', { exact: true }).blur();
  const third = await context.newPage();
  await third.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await third.getByRole('button', { name: /Wen Li/ }).click();
  await third.getByText('Edit details').click();
  await expect(third.getByLabel('Title', { exact: true })).toHaveValue('Associate Professor');
  await expect(third.getByLabel('Location', { exact: true })).toHaveValue('Boston, MA');
});

test('S10: the popup and side panel load no image from a host the README does not list', async ({ context, extensionId }) => {
  const requests: string[] = [];
  const record = (request: Request) => {
    if (/^https?:/.test(request.url())) requests.push(request.url());
  };
  context.on('request', record);
  const page = await openPanel(context, extensionId, false);
  const photos: Record<string, string> = {
    'Priya Raman': 'https://tracker.example/pixel.gif?who=priya',
    'Wen Li': 'https://media.licdn.com/dms/image/wen.jpg',
    'Sofía Reyes': 'http://plain-http.example/sofia.png',
  };
  await seedContacts(page, PEOPLE.map((person) => ({ ...person, photoUrl: photos[person.fullName] })));
  await page.reload();
  await expect(page.getByTestId('result-count')).toHaveText('5 contacts');
  await page.getByRole('button', { name: /Priya Raman/ }).click();
  await expect(page.getByRole('article', { name: 'Priya Raman' })).toBeVisible();
  await page.getByRole('button', { name: '← All contacts' }).click();
  await page.getByRole('button', { name: /Wen Li/ }).click();
  await expect(page.getByRole('article', { name: 'Wen Li' })).toBeVisible();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('body')).not.toBeEmpty();
  // The allowed host is asked (the request is recorded, then refused by the test's offline routing).
  await expect.poll(() => requests.some((url) => url.startsWith('https://media.licdn.com/'))).toBe(true);
  const hosts = new Set(requests.map((url) => new URL(url).hostname));
  expect([...hosts].filter((host) => !['media.licdn.com', 'doximity-res.cloudinary.com'].includes(host))).toEqual([]);
  context.off('request', record);
});

test('E4: a contact opened from the keyboard takes the focus; Escape returns it to that contact’s row', async ({ context, extensionId }) => {
  const page = await openPanel(context, extensionId);
  const row = page.getByTestId('contact-list').getByRole('button', { name: /Wen Li/ });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Wen Li' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('article', { name: 'Wen Li' })).toHaveCount(0);
  // Fails on main as of this commit: the list is display:none while a contact is open, so its virtualized rows are
  // not rendered; onBack's requestAnimationFrame runs before they are, finds no row and focuses search instead.
  await expect(row).toBeFocused();
});

test('E6: the file input keeps showing the chosen file while its dry run is on screen', async ({ context, extensionId }) => {
  const page = await openPanel(context, extensionId, false);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  const input = page.getByLabel('Choose a file to import');
  await input.setInputFiles(CONNECTIONS);
  await expect(page.getByTestId('import-report')).toContainText('Would add 5 contacts, update 0 and skip 1. Nothing has been written yet.');
  expect(await input.evaluate((el: HTMLInputElement) => [...(el.files ?? [])].map((file) => file.name))).toEqual(['Connections.csv']);
});
