/**
 * The Overview in the built extension (issue #17): the funnel's figures against a small seeded season, a step
 * that opens exactly its contacts in the list, and axe on the whole section in light and dark mode.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PEOPLE, seedSeason, type SeedEntry } from './seed';

/** Four of the five reached; Daniel and Hannah replied; Hannah met; Sofía was never written to. */
const SEASON: SeedEntry[] = [
  { person: 0, kind: 'message_sent', daysAgo: 20, templateId: 'builtin:informational' },
  { person: 1, kind: 'message_sent', daysAgo: 15, templateId: 'builtin:informational' },
  { person: 1, kind: 'reply_received', daysAgo: 14 },
  { person: 2, kind: 'message_sent', daysAgo: 10, channel: 'email' },
  { person: 2, kind: 'reply_received', daysAgo: 9, channel: 'email' },
  { person: 2, kind: 'meeting', daysAgo: 5, channel: 'in_person' },
  { person: 3, kind: 'message_sent', daysAgo: 3 },
  { person: 3, kind: 'follow_up_sent', daysAgo: 1 },
];

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="overview"]').analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the Overview’s funnel counts the seeded season, its step opens exactly those contacts, and it passes axe', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await seedSeason(page, PEOPLE, SEASON);
  await page.reload();
  await expect(page.getByTestId('result-count')).toHaveText('5 contacts', { timeout: 20_000 });

  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const overview = page.getByTestId('overview');
  await expect(overview.getByTestId('funnel-summary')).toHaveText('You reached 4 people; 2 replied (50%).', { timeout: 20_000 });
  await expect(overview.getByRole('button', { name: 'Reached: 4 people, 100% of those reached. Show them' })).toBeVisible();
  await expect(overview.getByRole('button', { name: 'Replied: 2 people, 50% of those reached. Show them' })).toBeVisible();
  await expect(overview.getByRole('button', { name: 'Talked or met: 1 person, 25% of those reached. Show them' })).toBeVisible();
  // Every section drawn before axe looks at it.
  await expect(overview.getByTestId('activity-table')).toBeAttached({ timeout: 20_000 });
  await expect(overview.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });

  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  await overview.getByRole('button', { name: /^Replied: 2 people/ }).click();
  await expect(page.getByTestId('funnel-filter')).toContainText('Overview: Replied', { timeout: 20_000 });
  await expect(page.getByTestId('result-count')).toHaveText('2 of 5 contacts', { timeout: 20_000 });
  await expect(page.locator('.contact-row-name')).toHaveText(['Daniel O’Connor-Nguyen', 'Hannah Müller']);

  // Show everyone: the filter goes, the whole list comes back.
  await page.getByRole('button', { name: 'Show everyone' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('5 contacts');

  // Opened again, the Overview draws its figures from the snapshot the first opening left (unless the live read
  // is quicker), then the live read draws the same ones: every funnel sentence on screen is the season's, and no
  // "Loading" comes after the figures.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('rapport:overview-screen') !== null), { timeout: 20_000 }).toBe(true);
  await page.reload();
  await expect(page.getByTestId('result-count')).toHaveText('5 contacts', { timeout: 20_000 });
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      const summary = document.querySelector('[data-testid="funnel-summary"]')?.textContent;
      if (summary) seen.push(summary);
      else if (document.querySelector('[aria-busy="true"]') && seen.length > 0) seen.push('loading after the figures');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  await page.waitForFunction(() => performance.getEntriesByName('rapport:overview-live').length > 0, undefined, { timeout: 20_000 });
  expect([...new Set(await page.evaluate(() => (window as unknown as { seen: string[] }).seen))]).toEqual(['You reached 4 people; 2 replied (50%).']);
});
