/**
 * The side panel with 10,000 contacts, in the built extension in Chromium:
 * time to the first names on screen (painted from the first-screen snapshot before React, Dexie and zod load:
 * components/first-paint/), time until the live view has taken over (React's list from the database, interactive), time from a search keystroke to its results, time to open a
 * contact; and the popup's first screen (its due list, painted from its own snapshot) and its takeover. Each timed beside its floor in the same browser, interleaved (bench/floor/): the
 * first render against a bare extension page, React with one element and React + Dexie reading
 * 60 rows; a keystroke against a raw `index.getAll(range, 201)` of the same word.
 * Needs `npm run build` first (npm run bench does it).
 */
import { interleaved } from './floor/measure';
import { launchWithFloors, seedFloor } from './floor/subjects';
import { seedGeneratedContacts } from './seed-page';
import { median, report } from './report';

const COUNT = Number(process.env.BENCH_CONTACTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const k = `${Math.round(COUNT / 1000)}k`;
const { context, extensionId, floors } = await launchWithFloors();
let page = await context.newPage();
const url = `chrome-extension://${extensionId}/sidepanel.html`;
await page.goto(url);
// Seeding is timed too: at 100,000 it is most of the run, and on a busy machine it is what has failed before.
const seedStart = performance.now();
page = await seedGeneratedContacts(page, COUNT);
page = await seedFloor(page, floors, COUNT);
const seedSeconds = (performance.now() - seedStart) / 1000;

// Each panel finishes reading before the next page opens, as one person opening it ten times would. The first open
// (unmeasured) writes the snapshot each later open paints first, as the user's previous open would have.
const rapport = { name: 'Rapport', url, mark: 'rapport:first-paint', later: ['rapport:list-ready', 'rapport:list-complete'] };
// The popup opened as a page: it saves nothing (its tab is itself, no one's profile) and shows the due list.
const popup = { name: 'Rapport popup', url: `chrome-extension://${extensionId}/popup.html`, mark: 'rapport:first-paint', later: ['rapport:popup-live'] };
const opens = await interleaved(page, [floors.bare, floors.react, floors.reactDexie, rapport, popup], ROUNDS);
const firstPaint = opens.get('Rapport')!;
const interactive = opens.get('Rapport:rapport:list-ready')!;
const popupPaint = opens.get('Rapport popup')!;
const popupLive = opens.get('Rapport popup:rapport:popup-live')!;

// The popup's first paint is its snapshot's: the copy of its due list was on screen before the live view took over.
const popupCheck = await context.newPage();
await popupCheck.addInitScript(() => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-first-paint="snapshot"] [aria-labelledby]')) return;
    (window as unknown as { painted: boolean }).painted = true;
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
});
await popupCheck.goto(popup.url);
await popupCheck.waitForFunction(() => performance.getEntriesByName('rapport:popup-live').length > 0, undefined, { timeout: 120_000 });
if (!(await popupCheck.evaluate(() => (window as unknown as { painted?: boolean }).painted))) {
  throw new Error('The popup did not paint its due list from its snapshot before its live view took over.');
}
await popupCheck.close();

// Honest about what the first figure times: the open paints from the snapshot, and its names are what the first
// paint put on screen (read in the microtask after the paint, before React could replace it).
await page.addInitScript(() => {
  const seen: string[] = [];
  (window as unknown as { painted: string[] }).painted = seen;
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-first-paint="snapshot"]')) return;
    for (const name of document.querySelectorAll('.contact-row-name')) seen.push(name.textContent ?? '');
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
});
await page.goto(url);
await page.waitForFunction(() => performance.getEntriesByName('rapport:list-ready').length > 0, undefined, { timeout: 120_000 });
const painted = await page.evaluate(() => (window as unknown as { painted: string[] }).painted);
const live = await page.locator('.contact-row-name').allTextContents();
// The painted rows (a first screen) against the live list's rows on screen (the virtualizer's window may be shorter).
const shared = Math.min(painted.length, live.length);
if (shared < 5 || painted.slice(0, shared).some((name, i) => name !== live[i])) {
  throw new Error(`The first paint did not show the live list's first names: ${JSON.stringify({ painted: painted.slice(0, 5), live: live.slice(0, 5) })}`);
}

await page.goto(url);
await page.getByTestId('result-count').waitFor({ timeout: 120_000 });

// Each keystroke: from the input event until the list shows that search's result (the list marks
// which search its results answer, data-query); then, for its floor, the raw read of its last word's
// first 201 keys in the word index, in the same page.
// (A string, because tsx's name-keeping helpers do not exist inside the page.)
const keystrokes = (await page.evaluate(`(async () => {
  const input = document.querySelector('input[type="search"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const answered = (value) => [...document.querySelectorAll('[data-query]')].some((el) => el.getAttribute('data-query') === value);
  const request = indexedDB.open('rapport');
  const db = await new Promise((done) => (request.onsuccess = () => done(request.result)));
  const ask = (req) => new Promise((done) => (req.onsuccess = () => done(req.result)));
  const times = [];
  const raw = [];
  for (const value of ['1', '12', '123', '1234', '123', '12', '1', '', '9', '98', '9', '']) {
    const start = performance.now();
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    while (!answered(value)) await new Promise((done) => requestAnimationFrame(done));
    times.push(performance.now() - start);
    if (!value) continue;
    const rawStart = performance.now();
    const index = db.transaction('contacts').objectStore('contacts').index('searchWords');
    await ask(index.getAll(IDBKeyRange.bound(value, value + '\\uffff'), 201));
    raw.push(performance.now() - rawStart);
  }
  db.close();
  return { times, raw };
})()`)) as { times: number[]; raw: number[] };

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
const bare = median(opens.get(floors.bare.name)!);
// The quality bar (issue #18): the first names within 1.5× a bare page at 10,000 contacts, 2× at 100,000.
const ratioTarget = COUNT >= 100_000 ? 2 : 1.5;
report({ name: `sidepanel.first_paint_${k}.median_ms`, value: median(firstPaint), unit: 'ms', target: 200, floor: bare, floorName: floors.bare.name, ratioTarget });
report({ name: `sidepanel.first_paint_${k}.p95_ms`, value: Math.max(...firstPaint), unit: 'ms', target: 300 });
report({ name: `sidepanel.interactive_${k}.median_ms`, value: median(interactive), unit: 'ms', target: 200, floor: bare, floorName: floors.bare.name });
report({ name: `popup.first_paint_${k}.median_ms`, value: median(popupPaint), unit: 'ms', target: 200, floor: bare, floorName: floors.bare.name, ratioTarget });
report({ name: `popup.first_paint_${k}.p95_ms`, value: Math.max(...popupPaint), unit: 'ms', target: 300 });
report({ name: `popup.interactive_${k}.median_ms`, value: median(popupLive), unit: 'ms', target: 200, floor: bare, floorName: floors.bare.name });
for (const floor of [floors.bare, floors.react, floors.reactDexie]) {
  report({ name: `floor.${floor.url.split('/').pop()!.replace('.html', '')}_${k}.median_ms`, value: median(opens.get(floor.name)!), unit: 'ms', floorName: floor.name });
}
report({
  name: `sidepanel.interactive_${k}.vs_react_dexie`,
  value: median(interactive),
  unit: 'ms',
  floor: median(opens.get(floors.reactDexie.name)!),
  floorName: floors.reactDexie.name,
});
// A search is an IndexedDB read (storage/contact-list.ts): typing never waits for it, the results follow within a few frames.
report({
  name: `sidepanel.search_keystroke_${k}.median_ms`,
  value: median(keystrokes.times),
  unit: 'ms',
  target: 50,
  floor: median(keystrokes.raw),
  floorName: 'raw searchWords index.getAll(range, 201)',
  ratioTarget: 1.5,
});
report({ name: `sidepanel.open_detail_${k}.median_ms`, value: median(detail), unit: 'ms', target: 50 });
report({ name: `bench.seed_${k}_both_databases_s`, value: seedSeconds, unit: 's' });
