/**
 * The side panel with 10,000 contacts, in the built extension in Chromium:
 * time to the first names on screen (painted from the first-screen snapshot before React, Dexie and zod load:
 * components/first-paint/), time until the live view has taken over (React's list from the database, interactive), time from a search keystroke to its results, time to open a
 * contact; and the popup's first screen (its due list, painted from its own snapshot) and its takeover. Each timed beside its floor in the same browser, interleaved (bench/floor/): the
 * first render against a bare extension page, React with one element and React + Dexie reading
 * 60 rows; a keystroke, and the search's own read, against a raw `index.getAll(range, 201)` of the same word
 * (bench/panel-timing.ts times them in the page).
 * Needs `npm run build` first (npm run bench does it).
 */
import { interleaved } from './floor/measure';
import { launchWithFloors, seedFloor, seedSearchFloor, timeSearchFloor } from './floor/subjects';
import { seedGeneratedContacts } from './seed-page';
import { median, report } from './report';
import { timeKeystrokes, timeOpenDetail } from './panel-timing';

const COUNT = Number(process.env.BENCH_CONTACTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const k = `${Math.round(COUNT / 1000)}k`;
const { context, extensionId, floors, searchUrl } = await launchWithFloors();
let page = await context.newPage();
const url = `chrome-extension://${extensionId}/sidepanel.html`;
await page.goto(url);
// Seeding is timed too: at 100,000 it is most of the run, and on a busy machine it is what has failed before.
const seedStart = performance.now();
page = await seedGeneratedContacts(page, COUNT);
page = await seedFloor(page, floors, COUNT);
page = await seedSearchFloor(page, searchUrl, COUNT);
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

// Each keystroke timed in the page to the frame that paints its rows, beside the app's own read and the raw read of
// the same word (bench/panel-timing.ts); then seven contacts opened, each until its whole detail is read.
const keystrokes = await timeKeystrokes(page, ['1', '12', '123', '1234', '123', '12', '1', '', '9', '98', '9', '', 'pri', 'priya', 'o', 'om', '']);
const detail: number[] = [];
for (let run = 0; run < 7; run++) detail.push(await timeOpenDetail(page, run));
// Rapport's search itself against the raw read, interleaved in a page of their own (bench/floor/search.ts).
const searchFloor = await timeSearchFloor(page, searchUrl, ['1', '12', '123', '9', '98', 'pri', 'priya', 'o', 'om', 'ha', 'wen', 'mil']);

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
// The search (storage/contact-list.ts) against the raw read of the same word's first 201 records, the two
// interleaved in one page: the quality bar of #18, 1.5×.
report({
  name: `search.query_${k}.median_ms`,
  value: median(searchFloor.search),
  unit: 'ms',
  floor: median(searchFloor.raw),
  floorName: 'raw searchWords index.getAll(range, 201), interleaved',
  ratioTarget: 1.5,
});
// The same search as the side panel asks it, while the keystroke's frame is drawn, against the raw read once the
// panel is quiet again.
report({
  name: `sidepanel.search_read_${k}.median_ms`,
  value: median(keystrokes.queries),
  unit: 'ms',
  floor: median(keystrokes.raw),
  floorName: 'raw searchWords index.getAll(range, 201), panel quiet',
});
// From a keystroke to its rows on screen (React's render and the rows' names included, which the floor has not).
report({
  name: `sidepanel.search_keystroke_${k}.median_ms`,
  value: median(keystrokes.times),
  unit: 'ms',
  target: 30,
  floor: median(keystrokes.raw),
  floorName: 'raw searchWords index.getAll(range, 201)',
  ratioTarget: 1.5,
});
report({ name: `sidepanel.open_detail_${k}.median_ms`, value: median(detail), unit: 'ms', target: 50 });
report({ name: `bench.seed_${k}_both_databases_s`, value: seedSeconds, unit: 's' });
