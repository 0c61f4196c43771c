/**
 * The side panel with 10,000 contacts, in the built extension in Chromium:
 * time to first render of the list, time per search keystroke, time to open a
 * contact. Needs `npm run build` first (npm run bench does it).
 */
import { launchWithExtension } from '../scripts/chromium';
import { seedGeneratedContacts } from './seed-page';
import { median, report } from './report';

const COUNT = Number(process.env.BENCH_CONTACTS ?? 10_000);
const { context, extensionId } = await launchWithExtension({ headless: true });
const page = await context.newPage();
const url = `chrome-extension://${extensionId}/sidepanel.html`;
await page.goto(url);

await seedGeneratedContacts(page, COUNT);

const firstRender: number[] = [];
for (let run = 0; run < 7; run++) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('rapport:list-ready').length > 0);
  await page.locator('.contact-row').first().waitFor();
  firstRender.push(await page.evaluate(() => performance.getEntriesByName('rapport:list-ready')[0]!.startTime));
}

await page.getByTestId('result-count').waitFor();

// Each keystroke: from the input event until the list shows the new result
// (the result count changes at every step of this sequence).
// (A string, because tsx's name-keeping helpers do not exist inside the page.)
const keystrokes = (await page.evaluate(`(async () => {
  const input = document.querySelector('input[type="search"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const count = () => document.querySelector('[data-testid="result-count"], .empty')?.textContent;
  const times = [];
  for (const value of ['1', '12', '123', '1234', '123', '12', '1', '', '9', '98', '9', '']) {
    const before = count();
    const start = performance.now();
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((done) => {
      const check = () => (count() !== before || performance.now() - start > 2000 ? done() : setTimeout(check, 0));
      check();
    });
    times.push(performance.now() - start);
  }
  return times;
})()`)) as number[];

const detail: number[] = [];
for (let run = 0; run < 7; run++) {
  const row = page.locator('.contact-row').nth(run);
  const name = (await row.locator('.contact-row-name').textContent()) ?? '';
  // Measured in the page: from the click to the contact's detail in the DOM.
  await row.evaluate((el) => {
    (window as unknown as { openedAt: number }).openedAt = performance.now();
    (el as HTMLElement).click();
  });
  await page.getByRole('article', { name }).waitFor();
  detail.push(await page.evaluate(() => performance.now() - (window as unknown as { openedAt: number }).openedAt));
  await page.getByRole('button', { name: '← All contacts' }).click();
  await page.locator('.contact-row').first().waitFor();
}

await context.close();
report({ name: 'sidepanel.first_render_10k.median_ms', value: median(firstRender), unit: 'ms', target: 200 });
report({ name: 'sidepanel.search_keystroke_10k.median_ms', value: median(keystrokes), unit: 'ms', target: 16 });
report({ name: 'sidepanel.open_detail_10k.median_ms', value: median(detail), unit: 'ms', target: 50 });
