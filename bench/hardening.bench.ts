/**
 * The load scenarios not measured elsewhere (RELIABILITY L2, L4, L5, L6, X3),
 * in the built extension in Chromium, one JSON line per figure with its target:
 * - L2: the side panel with 100,000 contacts (first render, search ready, one search
 *   keystroke to its results on screen) and a name search through the word index;
 * - L4: the content script's scripting time on a LinkedIn profile, page load and a read;
 * - L5: the tab's JS heap after 200 in-page navigations between profiles;
 * - L6: a stopped worker's wake-up and answer with 100,000 contacts stored;
 * - X3: two builds from the same sources, files that differ.
 * Needs `npm run build` first (npm run bench does it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { differences, hashTree } from '../scripts/audit-build';
import { launchWithExtension, tabIdOf } from '../scripts/chromium';
import { interleaved } from './floor/measure';
import { launchWithFloors } from './floor/subjects';
import { seedGeneratedContacts } from './seed-page';
import { timeKeystrokes } from './panel-timing';
import { median, report } from './report';

const ROOT = resolve(import.meta.dirname, '..');
const BIG = Number(process.env.BENCH_BIG ?? 100_000);

async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    const version = event.versions.find((v) => v.scriptURL.startsWith('chrome-extension://'));
    if (version) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  while (statuses.length === 0) await new Promise((r) => setTimeout(r, 10));
  const seen = statuses.length;
  await cdp.send('ServiceWorker.stopAllWorkers');
  while (!statuses.slice(seen).includes('stopped')) await new Promise((r) => setTimeout(r, 10));
  await cdp.detach();
}

/** L2 and L6: one browser with BIG contacts. */
async function bigStore(): Promise<void> {
  const { context, extensionId, floors } = await launchWithFloors();
  await context.route(/^https?:\/\//, (route) => route.abort());
  let page = await context.newPage();
  const url = `chrome-extension://${extensionId}/sidepanel.html`;
  await page.goto(url);
  page = await seedGeneratedContacts(page, BIG);
  const k = `${Math.round(BIG / 1000)}k`;

  // L6: wake a stopped worker and have it recount the badge over every contact.
  const wake: number[] = [];
  for (let run = 0; run < 7; run++) {
    await stopWorker(context, page);
    wake.push(
      await page.evaluate(async () => {
        const start = performance.now();
        const reply = (await chrome.runtime.sendMessage({ type: 'data-changed' })) as { ok: boolean };
        if (!reply.ok) throw new Error('no answer');
        return performance.now() - start;
      }),
    );
  }
  report({ name: `sw.cold_wake_roundtrip_${k}.median_ms`, value: median(wake), unit: 'ms', target: 300 });

  // L2: a search by name through the word index, as storage/contact-list.ts asks it: each word's
  // matches up to the limit (201 keys), then the narrowest word's records.
  const lookups = (await page.evaluate(`(async () => {
    const request = indexedDB.open('rapport');
    const db = await new Promise((done) => (request.onsuccess = () => done(request.result)));
    const ask = (req) => new Promise((done) => (req.onsuccess = () => done(req.result)));
    const times = [];
    for (const query of ['priya', 'hannah m', 'wen li 9', 'sofia', 'omar h', 'zed']) {
      const start = performance.now();
      const store = db.transaction('contacts').objectStore('contacts');
      const perWord = await Promise.all(query.split(' ').map((word) => ask(store.index('searchWords').getAllKeys(IDBKeyRange.bound(word, word + '\uffff'), 201))));
      const chosen = perWord.filter((keys) => keys.length <= 200).sort((a, b) => a.length - b.length)[0] ?? perWord[0].slice(0, 200);
      await Promise.all([...new Set(chosen)].map((id) => ask(store.get(id))));
      times.push(performance.now() - start);
    }
    db.close();
    return times;
  })()`)) as number[];
  report({ name: `search.name_index_${k}.median_ms`, value: median(lookups), unit: 'ms', target: 50 });

  // L2: the side panel itself at this size: its first page (search works from then on), then the whole list
  // and counts; interleaved with the bare-page floor, and with a raw read of every id by name (what the
  // whole list cannot do without).
  const opens = await interleaved(
    page,
    [floors.bare, { name: 'Rapport', url, mark: 'rapport:first-paint', later: ['rapport:list-ready', 'rapport:list-complete'] }],
    5,
  );
  const allIds: number[] = [];
  for (let run = 0; run < 5; run++) {
    allIds.push(
      await page.evaluate(async () => {
        const request = indexedDB.open('rapport');
        const db = await new Promise<IDBDatabase>((done) => (request.onsuccess = () => done(request.result)));
        const start = performance.now();
        const keys = db.transaction('contacts').objectStore('contacts').index('sortName').getAllKeys();
        await new Promise((done) => (keys.onsuccess = done));
        const time = performance.now() - start;
        db.close();
        return time;
      }),
    );
  }
  // The first names (painted from the snapshot: components/first-paint/), then the live view taking over.
  const firstPaint = opens.get('Rapport')!;
  const interactive = opens.get('Rapport:rapport:list-ready')!;
  const complete = opens.get('Rapport:rapport:list-complete')!;
  const bare = median(opens.get(floors.bare.name)!);
  report({ name: `sidepanel.first_paint_${k}.median_ms`, value: median(firstPaint), unit: 'ms', target: 400, floor: bare, floorName: floors.bare.name, ratioTarget: 2 });
  report({ name: `sidepanel.first_paint_${k}.p95_ms`, value: Math.max(...firstPaint), unit: 'ms', target: 400 });
  report({ name: `sidepanel.interactive_${k}.median_ms`, value: median(interactive), unit: 'ms', target: 400, floor: bare, floorName: floors.bare.name });
  // Ours, not the catalogue's: the whole list scrollable and its counts shown.
  report({
    name: `sidepanel.list_complete_${k}.median_ms`,
    value: median(complete),
    unit: 'ms',
    target: 1_500,
    floor: median(allIds),
    floorName: 'raw sortName index.getAllKeys() of every contact',
  });
  // From a keystroke to its rows on screen, and the search's own read, each beside a raw read of the same word
  // (bench/panel-timing.ts): the same figures as bench/sidepanel.bench.ts at 10,000, at this size.
  await page.goto(url);
  await page.getByTestId('result-count').waitFor({ timeout: 120_000 });
  const keystrokes = await timeKeystrokes(page, ['m', 'mi', 'mil', 'mill', 'mille', 'miller', '', '1', '12', '123', '12', '']);
  const raw = median(keystrokes.raw);
  const floorName = 'raw searchWords index.getAll(range, 201), panel quiet';
  // The search as the panel asks it, while the keystroke's frame is drawn (bench/sidepanel.bench.ts also times it
  // interleaved with the raw read in a page of their own, search.query_*).
  report({ name: `sidepanel.search_read_${k}.median_ms`, value: median(keystrokes.queries), unit: 'ms', floor: raw, floorName });
  report({ name: `sidepanel.search_keystroke_${k}.median_ms`, value: median(keystrokes.times), unit: 'ms', target: 30, floor: raw, floorName, ratioTarget: 1.5 });
  await context.close();
}

/** L4 and L5: the content script on a LinkedIn profile. */
async function contentScript(): Promise<void> {
  const fixture = (name: string) => {
    const json = JSON.parse(readFileSync(join(ROOT, `tests/fixtures/linkedin/${name}.json`), 'utf8')) as { url: string };
    return { url: json.url, html: readFileSync(join(ROOT, `tests/fixtures/linkedin/${name}.html`), 'utf8') };
  };
  const profiles = [fixture('profile-resident'), fixture('profile-public')];
  const { context, worker, extensionId } = await launchWithExtension({ headless: true });
  await context.route(/^https?:\/\//, (route) => {
    const url = new URL(route.request().url());
    const page = profiles.find((p) => new URL(p.url).pathname === url.pathname) ?? profiles[0]!;
    return url.hostname.endsWith('linkedin.com') ? route.fulfill({ contentType: 'text/html', body: page.html }) : route.abort();
  });

  // L4: CPU time in the extension's own scripts while a profile loads and is read once.
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const scripting: number[] = [];
  for (let run = 0; run < 5; run++) {
    await cdp.send('Profiler.start');
    await page.goto(profiles[0]!.url);
    await page.waitForLoadState('load');
    const tabId = await tabIdOf(worker, 'https://www.linkedin.com/*');
    await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'rapport:extract' }), tabId);
    const { profile } = await cdp.send('Profiler.stop');
    const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith(`chrome-extension://${extensionId}/`)).map((n) => n.id));
    const deltas = profile.timeDeltas ?? [];
    let micros = 0;
    (profile.samples ?? []).forEach((node, i) => {
      if (ours.has(node)) micros += deltas[i + 1] ?? deltas[i] ?? 0;
    });
    scripting.push(micros / 1000);
  }
  report({ name: 'content_script.scripting_per_profile.median_ms', value: median(scripting), unit: 'ms', target: 50 });

  // L5: 200 in-page navigations between profiles; heap after GC against the baseline.
  await page.goto(profiles[0]!.url);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  const listeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: -1 });
    return found.length;
  };
  const baseline = await heap();
  const listenersBefore = await listeners();
  for (let i = 0; i < 200; i++) {
    const target = new URL(profiles[i % 2]!.url).pathname;
    await page.evaluate((path) => history.pushState({}, '', path), target);
  }
  const growth = ((await heap()) - baseline) / 1_048_576;
  report({ name: 'content_script.spa_churn_200.heap_growth_mb', value: growth, unit: 'MB', target: 5 });
  report({ name: 'content_script.spa_churn_200.listener_growth', value: (await listeners()) - listenersBefore, unit: 'listeners', target: 0 });
  await context.close();
}

/** X3: two builds of the same sources into fresh folders. */
function reproducibility(): void {
  const dirs = [mkdtempSync(join(tmpdir(), 'rapport-x3-a-')), mkdtempSync(join(tmpdir(), 'rapport-x3-b-'))];
  try {
    for (const dir of dirs) {
      const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, WXT_OUT_DIR: dir }, stdio: 'ignore' });
      if (result.status !== 0) throw new Error('build failed');
    }
    const [a, b] = dirs.map((dir) => hashTree(join(dir, 'chrome-mv3')));
    report({ name: 'build.reproducible.differing_files', value: differences(a!, b!).length, unit: 'files', target: 0 });
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

// BENCH_PARTS picks parts (content,big,build), to time only what changed; all by default.
const parts = (process.env.BENCH_PARTS ?? 'content,big,build').split(',');
if (parts.includes('content')) await contentScript();
if (parts.includes('big')) await bigStore();
if (parts.includes('build')) reproducibility();
