/**
 * Timings taken inside the side panel's page, shared by bench/sidepanel.bench.ts (10,000 contacts) and
 * bench/hardening.bench.ts (100,000): a search keystroke until its results are on screen, the search's own read
 * (the app's `rapport:search` measure, components/contacts/ContactsView.tsx) and, for their floor, a raw
 * `index.getAll(range, 201)` of the same word; and a contact opened until its whole detail is read.
 *
 * Each time is taken in the page, from the event to the frame that paints the result: a round trip to Playwright
 * (tens of milliseconds on a busy machine) is no part of what the user waits for. A result is "on screen" only when
 * its rows show names, not "Loading…" placeholders, and the floor is read once the page is quiet again, so that the
 * list's own reads do not slow it. The scripts are strings: tsx's name-keeping helpers do not exist inside the page.
 */
import type { Page } from '@playwright/test';

export interface KeystrokeTimes {
  /** From the input event to the frame that paints the search's rows. */
  times: number[];
  /** The search's own read, as the app timed it (the `rapport:search` measure), for the values that searched. */
  queries: number[];
  /** The raw `index.getAll(range, 201)` of each value that searched. */
  raw: number[];
}

/** Types each value into the search field in turn (a value replaces the last), timing each as described above. */
export async function timeKeystrokes(page: Page, values: readonly string[]): Promise<KeystrokeTimes> {
  return (await page.evaluate(`(async () => {
    const values = ${JSON.stringify(values)};
    const input = document.querySelector('input[type="search"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
    const onScreen = (value) => {
      const answer = [...document.querySelectorAll('[data-query]')].some((el) => el.getAttribute('data-query') === value);
      return answer && !document.querySelector('[data-testid="contact-list"] [aria-busy="true"]');
    };
    const request = indexedDB.open('rapport');
    const db = await new Promise((done) => (request.onsuccess = () => done(request.result)));
    const ask = (req) => new Promise((done) => (req.onsuccess = () => done(req.result)));
    const times = [];
    const queries = [];
    const raw = [];
    for (const value of values) {
      performance.clearMeasures('rapport:search');
      const start = performance.now();
      await new Promise((done) => {
        const observer = new MutationObserver(() => onScreen(value) && (observer.disconnect(), done()));
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await frame();
      times.push(performance.now() - start);
      if (!value.trim()) continue;
      const measured = performance.getEntriesByName('rapport:search').filter((m) => m.detail === value).at(-1);
      if (measured) queries.push(measured.duration);
      // Quiet again (the rows' reads and the commit that follows are done), then the floor.
      await frame();
      await frame();
      const rawStart = performance.now();
      const index = db.transaction('contacts').objectStore('contacts').index('searchWords');
      await ask(index.getAll(IDBKeyRange.bound(value, value + '\\uffff'), 201));
      raw.push(performance.now() - rawStart);
    }
    db.close();
    return { times, queries, raw };
  })()`)) as KeystrokeTimes;
}

/**
 * Opens the `nth` row of the list and times it until the contact's detail is in the page with every part read
 * (the article is no longer `aria-busy`, and its timeline is drawn), to the frame that paints it; then goes back
 * to the list.
 */
export async function timeOpenDetail(page: Page, nth: number): Promise<number> {
  const time = (await page.evaluate(`(async () => {
    const row = document.querySelectorAll('.contact-row')[${nth}];
    const name = row.querySelector('.contact-row-name').textContent;
    const shown = () => {
      const article = [...document.querySelectorAll('article')].find((el) => el.getAttribute('aria-label') === name);
      return article && article.getAttribute('aria-busy') !== 'true' && article.querySelector('[data-testid="timeline"], [data-testid="no-timeline"]');
    };
    const start = performance.now();
    await new Promise((done) => {
      const observer = new MutationObserver(() => shown() && (observer.disconnect(), done()));
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
      row.click();
    });
    await new Promise((done) => requestAnimationFrame(() => done()));
    return performance.now() - start;
  })()`)) as number;
  await page.getByRole('button', { name: '← All contacts' }).click();
  await page.locator('.contact-row').first().waitFor();
  return time;
}
