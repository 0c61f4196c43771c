/**
 * The Overview in the built extension in Chromium, with 10,000 contacts and
 * 30,000 interactions, then 100,000 and 300,000 (issue #17): from the click on
 * its tab to every figure on screen (the `rapport:overview-ready` mark), chunk load included.
 * Needs `npm run build` first (npm run bench does it). `npm run bench -- overview` runs only this.
 */
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../scripts/chromium';
import { withFunnelKeys, withOutreachKeys } from '../storage/overview-keys';
import { withSearchFields } from '../storage/search-fields';
import { generateContacts, generateSeason } from './generate';
import { median, report } from './report';
import { putRows } from './seed-page';

/** Writes rows as the database's middleware would store them (it is bypassed here), in chunks. */
async function put(page: Page, table: string, rows: object[], chunk = 5_000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await putRows(page, table, rows.slice(i, i + chunk));
}

/** Medians from the click on the tab: the funnel on screen (`rapport:overview-first`) and every figure. */
async function measure(count: number, runs: number): Promise<{ first: number; ready: number }> {
  const { context, extensionId } = await launchWithExtension({ headless: true });
  const page = await context.newPage();
  const url = `chrome-extension://${extensionId}/sidepanel.html`;
  await page.goto(url);
  await page.locator('h1').waitFor();
  const season = generateSeason(generateContacts(count));
  await put(page, 'contacts', season.contacts.map((c) => withFunnelKeys(withSearchFields(c))));
  await put(page, 'interactions', season.interactions.map(withOutreachKeys));
  // The tallies (storage/overview-tallies.ts) missed these writes: the first opening recounts them, the median does not.
  await put(page, 'tallies', [{ key: 'meta', n: 0, stale: true }]);
  const first: number[] = [];
  const ready: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(url);
    await page.getByRole('button', { name: 'Overview' }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { clickedAt: number }).clickedAt = performance.now();
      [...document.querySelectorAll<HTMLButtonElement>('nav.tabs button')].find((b) => b.textContent === 'Overview')!.click();
    });
    // The first opening rebuilds the tallies from the index keys: at 100,000 contacts on a busy machine, minutes.
    await page.waitForFunction(() => performance.getEntriesByName('rapport:overview-ready').length > 0, undefined, { timeout: run === 0 ? 30 * 60_000 : 120_000 });
    const [toFirst, toReady] = await page.evaluate(() =>
      ['rapport:overview-first', 'rapport:overview-ready'].map((mark) => performance.getEntriesByName(mark)[0]!.startTime - (window as unknown as { clickedAt: number }).clickedAt),
    );
    first.push(toFirst!);
    ready.push(toReady!);
  }
  await context.close();
  return { first: median(first), ready: median(ready) };
}

// OVERVIEW_ONLY=10k (or 100k) measures one figure, on a busy machine.
const only = process.env.OVERVIEW_ONLY;
for (const [size, count, runs, target] of [['10k', 10_000, 9, 150], ['100k_300k', 100_000, 7, 500]] as const) {
  if (only && !size.startsWith(only)) continue;
  const { first, ready } = await measure(count, runs);
  report({ name: `overview.first_${size}.median_ms`, value: first, unit: 'ms' });
  report({ name: `overview.ready_${size}.median_ms`, value: ready, unit: 'ms', target });
}
