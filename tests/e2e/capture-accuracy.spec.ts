/**
 * The fixture accuracy suite (issue 13): every capture fixture is loaded in
 * Debian's Chromium with page scripts disabled, so that it is parsed exactly
 * as the browser parses it (happy-dom closes <main> early on real LinkedIn
 * pages), the capture module is run there, its result is validated as the
 * background does, and compared with the expected capture. Prints accuracy
 * per family and fails below the bar: at least 98 % of fields right, no field
 * from the wrong person, no page about no person saved as one.
 *
 * One browser, one page, reused; no extension needed. CAPTURE_ENTRY can point
 * at another entry module (same exports) to measure an older extractor.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { validateCapture } from '../../capture/index';
import { CHROMIUM_PATH } from '../../scripts/chromium';
import { formatTally, scoreFixture, tally, type Outcome, type Score } from '../unit/capture/accuracy';
import { loadFixtures } from '../unit/capture/fixture-helper';

const FAMILIES = ['linkedin', 'doximity', 'web', 'extra', 'field'];
const BAR = { fieldsRight: 0.98 };

let browser: Browser;
let page: Page;
let bundle: string;
let currentHtml = '';

test.beforeAll(async () => {
  const entry = process.env.CAPTURE_ENTRY ?? resolve(import.meta.dirname, 'capture-accuracy-entry.ts');
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: '__rapportCapture', platform: 'browser', target: 'chrome120', logLevel: 'silent' });
  bundle = out.outputFiles[0]?.text ?? '';
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
  const context = await browser.newContext({ javaScriptEnabled: false });
  // The fixture is served at its own address; nothing else loads (no images, no network).
  await context.route(/.*/, (route) =>
    route.request().isNavigationRequest()
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: currentHtml })
      : route.abort(),
  );
  page = await context.newPage();
});

test.afterAll(async () => {
  await browser?.close();
});

interface RawResult {
  profile: unknown;
  people: unknown[];
  problem?: string;
  unchanged: boolean;
}

async function readInChromium(html: string, url: string): Promise<RawResult> {
  currentHtml = html;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page.evaluate(
    `(() => {
      ${bundle}
      const api = __rapportCapture;
      const before = document.documentElement.outerHTML;
      const url = ${JSON.stringify(url)};
      const read = /(^|\\.)linkedin\\.com$/.test(location.hostname) && api.readLinkedIn ? api.readLinkedIn(document, url) : api.extractRaw(document, url);
      const problem = read && typeof read === 'object' && 'problem' in read ? read.problem : undefined;
      const profile = problem ? null : read;
      const people = api.findPeopleRaw(document, url);
      return { profile, people, problem, unchanged: document.documentElement.outerHTML === before };
    })()`,
  ) as Promise<RawResult>;
}

test('capture fixtures read in Chromium match their expected captures', async () => {
  test.setTimeout(120_000);
  const scores: Score[] = [];
  for (const family of FAMILIES) {
    for (const fixture of loadFixtures(family)) {
      const raw = await readInChromium(fixture.html, fixture.url);
      expect(raw.unchanged, `${family}/${fixture.name}: extraction only reads`).toBe(true);
      const profile = validateCapture(raw.profile) as Record<string, unknown> | null;
      const people = raw.people.map((p) => validateCapture(p)).filter((p): p is NonNullable<typeof p> => p !== null) as Record<string, unknown>[];
      const outcome: Outcome = { profile, people: profile ? [] : people, ...(raw.problem ? { problem: raw.problem } : {}) };
      scores.push(scoreFixture(fixture, outcome));
    }
  }
  const totals = tally(scores);
  const lines = [...totals.map(formatTally), '', ...scores.flatMap((s) => s.misses.map((m) => `  ${s.name}: ${m}`))];
  console.log(`Capture accuracy in Chromium\n${lines.join('\n')}`);
  const all = totals[totals.length - 1];
  expect(all).toBeDefined();
  if (!all) return;
  expect(all.right / all.fields, 'share of fields right').toBeGreaterThanOrEqual(BAR.fieldsRight);
  expect(all.wrongPerson, 'fields from the wrong person').toBe(0);
  expect(all.nonPersonSaved, 'pages about no person saved as one').toBe(0);
});
