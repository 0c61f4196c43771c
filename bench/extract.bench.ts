/**
 * Extraction speed: median time per fixture page (target 5 ms) and on
 * generated pages of more than 2 MB (target 50 ms).
 *
 *   npx tsx bench/extract.bench.ts
 *
 * Documents are built with happy-dom's Window at the page's address; only
 * the extraction is timed — what the content script runs (`extractRaw`, then
 * `findPeopleRaw` when the page is about no single person). Prints one JSON
 * line per figure. Listings are capped at MAX_PEOPLE (250) people, so the
 * generated directory's figure is for its first 250 cards.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import { extractRaw, findPeopleRaw } from '../capture/extract';
import { bigDirectoryPage, bigLinkedInPage, type Page } from './pages';
import { median, report } from './report';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');
const WARMUP = 10;
const RUNS = 50;

function fixturePages(): Page[] {
  const pages: Page[] = [];
  for (const family of ['linkedin', 'doximity', 'web', 'extra']) {
    const dir = join(FIXTURES, family);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
      const name = file.replace(/\.html$/, '');
      const spec = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { url: string; expect?: unknown };
      const expectsPeople = spec.expect !== null;
      pages.push({ name: `extract.${family}.${name}`, url: spec.url, html: readFileSync(join(dir, file), 'utf8'), target: 5, expectsPeople });
    }
  }
  return pages;
}

/** What a content script does when asked: the one person, else everyone listed. */
function extractOnce(doc: Document, url: string): number {
  const person = extractRaw(doc, url);
  return person ? 1 : findPeopleRaw(doc, url).length;
}

async function measure(page: Page): Promise<void> {
  const window = new Window({ url: page.url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
  const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
  let found = 0;
  for (let i = 0; i < WARMUP; i++) found = extractOnce(doc, page.url);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    extractOnce(doc, page.url);
    times.push(performance.now() - start);
  }
  if (found === 0 && page.expectsPeople) throw new Error(`${page.name}: nothing extracted`);
  report({ name: `${page.name}.median_ms`, value: median(times), unit: 'ms', target: page.target });
  await window.happyDOM.close();
}

for (const page of [...fixturePages(), bigLinkedInPage(), bigDirectoryPage()]) {
  await measure(page);
}
