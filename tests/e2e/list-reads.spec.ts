/**
 * RELIABILITY L2: no UI path reads the whole contacts table. A spy on
 * IndexedDB itself, installed before the side panel's scripts run, counts the
 * records (not keys) each request hands back from the contacts store while a
 * user searches, filters, sorts, groups by organization, scrolls, opens a
 * contact and visits every section, with 3,000 contacts stored.
 */
import type { Page } from '@playwright/test';
import { seedGeneratedContacts } from '../../bench/seed-page';
import { expect, openFixturePage, openPopup, test } from './fixtures';

const STORED = 3_000;
// The list shows counts with Intl in the browser's language (en-US in these tests): "3,000".
const SHOWN = STORED.toLocaleString('en-US');

/** Records handed back per request on the contacts store; a cursor counts every record it visits. */
function spyOnContactReads(): void {
  const reads: number[] = [];
  (window as unknown as { __contactReads: number[] }).__contactReads = reads;
  const storeOf = (source: IDBObjectStore | IDBIndex) => ('objectStore' in source ? source.objectStore.name : source.name);
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    const { getAll, get, openCursor } = proto;
    proto.getAll = function (this: IDBObjectStore & IDBIndex, ...args: Parameters<typeof getAll>) {
      const request = getAll.apply(this, args);
      if (storeOf(this) === 'contacts') request.addEventListener('success', () => reads.push((request.result as unknown[]).length));
      return request;
    } as typeof getAll;
    proto.get = function (this: IDBObjectStore & IDBIndex, ...args: Parameters<typeof get>) {
      const request = get.apply(this, args);
      if (storeOf(this) === 'contacts') request.addEventListener('success', () => reads.push(request.result === undefined ? 0 : 1));
      return request;
    } as typeof get;
    proto.openCursor = function (this: IDBObjectStore & IDBIndex, ...args: Parameters<typeof openCursor>) {
      const request = openCursor.apply(this, args);
      if (storeOf(this) === 'contacts') {
        const slot = reads.push(0) - 1;
        request.addEventListener('success', () => {
          if (request.result) reads[slot]! += 1;
        });
      }
      return request;
    } as typeof openCursor;
  }
}

async function largestRead(page: Page): Promise<{ largest: number; total: number; requests: number }> {
  return page.evaluate(() => {
    const reads = (window as unknown as { __contactReads: number[] }).__contactReads;
    return { largest: Math.max(0, ...reads), total: reads.reduce((a, b) => a + b, 0), requests: reads.length };
  });
}

test('L2: searching, filtering, sorting, grouping and scrolling 3,000 contacts never reads the whole table', async ({ context, extensionId }) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  const url = `chrome-extension://${extensionId}/sidepanel.html`;
  await page.goto(url);
  await seedGeneratedContacts(page, STORED);
  await page.addInitScript(spyOnContactReads);
  await page.goto(url);

  const count = page.getByTestId('result-count');
  await expect(count).toHaveText(`${SHOWN} contacts`);
  const search = page.getByLabel('Search contacts');
  await search.fill('miller');
  await expect(count).toHaveAttribute('data-query', 'miller');
  // The generated names give Miller to one person in 17 (bench/generate.ts).
  const millers = Number((await count.textContent())!.split(' of ')[0]);
  expect(millers).toBeGreaterThan(100);
  await expect(page.getByRole('button', { name: /Miller/ }).first()).toBeVisible();
  await search.fill('');
  await expect(count).toHaveText(`${SHOWN} contacts`);

  await page.getByRole('button', { name: /^Awaiting reply: \d+$/ }).click();
  await expect(count).toHaveText(new RegExp(`^[\\d,]+ of ${SHOWN} contacts$`));
  await page.getByRole('button', { name: /^Awaiting reply: \d+$/ }).click();
  await page.getByRole('button', { name: 'Filters and sort' }).click();
  await page.getByLabel('Specialty').selectOption('Neurology');
  await page.getByLabel('Sort by').selectOption('lastContact');
  await expect(count).toHaveText(`${STORED / 6} of ${SHOWN} contacts`);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Scrolling far down reads the rows that come into view, a page at a time.
  await page.getByTestId('contact-list').evaluate((list) => list.scrollTo(0, list.scrollHeight / 2));
  await expect(page.locator('[data-testid="contact-list"] [aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.contact-row').first()).toBeVisible();

  await page.getByRole('button', { name: 'Programs', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Organizations not in your programs' })).toBeVisible();
  await expect(page.getByTestId('programs-view').getByText('UCSF Health', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'People', exact: true }).click();

  await page.locator('.contact-row').first().click();
  await page.getByRole('button', { name: '← All contacts' }).click();
  const sections = page.getByRole('navigation', { name: 'Sections' });
  for (const section of ['Follow-ups', 'Templates', 'Settings', 'Contacts']) {
    await sections.getByRole('button', { name: section }).click();
  }
  await expect(count).toHaveText(`${SHOWN} contacts`);

  const { largest, total, requests } = await largestRead(page);
  expect(requests).toBeGreaterThan(10);
  // The largest single read is a search's: at most 200 matches (storage/contact-list.ts SEARCH_LIMIT), and one more
  // that says whether there are more.
  expect(largest).toBeLessThanOrEqual(201);
  expect(total).toBeLessThan(STORED / 3);

  // The spy does see a whole-table read when one happens.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const open = indexedDB.open('rapport');
        open.onsuccess = () => {
          const all = open.result.transaction('contacts').objectStore('contacts').getAll();
          all.onsuccess = () => done();
        };
      }),
  );
  expect((await largestRead(page)).largest).toBe(STORED);
});

test('the open list follows a save made in the popup, another context, without a reload', async ({ context, worker, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await seedGeneratedContacts(panel, 3);
  await panel.reload();
  const count = panel.getByTestId('result-count');
  await expect(count).toHaveText('3 contacts');
  await panel.getByLabel('Search contacts').fill('priya');
  await expect(count).toHaveText('1 of 3 contacts');

  const { tabId } = await openFixturePage(context, worker, 'linkedin/profile-resident');
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('saved-card')).toContainText('Saved to Rapport');

  // The search and the counts are asked again when the popup's write reaches the panel.
  await expect(count).toHaveText('2 of 4 contacts');
  await expect(panel.getByRole('button', { name: /Priya Raman/ }).last()).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Not contacted: 2' })).toBeVisible();
});
