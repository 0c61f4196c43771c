/**
 * Extraction speed in Chromium (issue 13): a LinkedIn profile page (target
 * 5 ms) and a directory page of more than 2 MB (target 50 ms), parsed by the
 * browser itself with page scripts disabled, timed inside the page around
 * what a content script runs (`extractRaw`, then `findPeopleRaw` when the
 * page is about no single person). Prints one JSON line per figure.
 *
 *   npx tsx bench/extract-chromium.bench.ts
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_PATH } from '../scripts/chromium';
import { bigDirectoryPage, type Page } from './pages';
import { report } from './report';

const WARMUP = 5;
const RUNS = 30;

function profilePage(): Page {
  const spec = JSON.parse(readFileSync(resolve(import.meta.dirname, '../tests/fixtures/linkedin/profile-resident.json'), 'utf8')) as { url: string };
  const html = readFileSync(resolve(import.meta.dirname, '../tests/fixtures/linkedin/profile-resident.html'), 'utf8');
  return { name: 'extract.chromium.linkedin-profile', url: spec.url, html, target: 5, expectsPeople: true };
}

const out = await build({
  entryPoints: [resolve(import.meta.dirname, '../capture/extract.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: '__rapportCapture',
  platform: 'browser',
  target: 'chrome120',
  minify: true,
  logLevel: 'silent',
});
const bundle = out.outputFiles[0]?.text ?? '';

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
try {
  const context = await browser.newContext({ javaScriptEnabled: false });
  let html = '';
  await context.route(/.*/, (route) =>
    route.request().isNavigationRequest() ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
  );
  const tab = await context.newPage();
  const directory = bigDirectoryPage();
  for (const page of [profilePage(), { ...directory, name: directory.name.replace('extract.generated', 'extract.chromium') }]) {
    html = page.html;
    await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
    const result = (await tab.evaluate(`(() => {
      ${bundle}
      const api = __rapportCapture;
      const url = ${JSON.stringify(page.url)};
      const once = () => { const one = api.extractRaw(document, url); return one ? 1 : api.findPeopleRaw(document, url).length; };
      let found = 0;
      for (let i = 0; i < ${WARMUP}; i++) found = once();
      const times = [];
      for (let i = 0; i < ${RUNS}; i++) { const t = performance.now(); once(); times.push(performance.now() - t); }
      times.sort((a, b) => a - b);
      return { found, median: times[Math.floor(times.length / 2)], bytes: document.documentElement.outerHTML.length };
    })()`)) as { found: number; median: number; bytes: number };
    if (result.found === 0 && page.expectsPeople) throw new Error(`${page.name}: nothing extracted`);
    report({ name: `${page.name}.median_ms`, value: result.median, unit: 'ms', target: page.target });
  }
} finally {
  await browser.close();
}
