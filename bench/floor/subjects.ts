/**
 * The floor extension loaded beside Rapport in one Chromium, its Dexie page
 * seeded with the same generated contacts, and the floor pages as subjects for
 * bench/floor/measure.ts.
 */
import type { Page } from '@playwright/test';
import { launchWithExtension, type LoadedExtension } from '../../scripts/chromium';
import { seedGeneratedContacts } from '../seed-page';
import { buildFloorExtension, FLOOR_PAGES } from './build';
import type { Subject } from './measure';

export interface WithFloors extends LoadedExtension {
  floorId: string;
  floors: { bare: Subject; react: Subject; reactDexie: Subject };
  /** The page that times Rapport's search against a raw index read (./search.ts). */
  searchUrl: string;
}

export async function launchWithFloors(): Promise<WithFloors> {
  const floor = await buildFloorExtension();
  const loaded = await launchWithExtension({ headless: true, alsoLoad: [floor.dir] });
  const url = (page: string) => `chrome-extension://${floor.id}/${page}`;
  const subject = (name: string, page: string): Subject => ({ name, url: url(page), mark: 'floor:ready' });
  return {
    ...loaded,
    floorId: floor.id,
    floors: {
      bare: subject('a bare extension page with one div', FLOOR_PAGES.bare),
      react: subject('React with one element', FLOOR_PAGES.react),
      reactDexie: subject('React + Dexie reading 60 rows', FLOOR_PAGES.reactDexie),
    },
    searchUrl: url(FLOOR_PAGES.search),
  };
}

/** Gives the floor's Dexie page the same `count` contacts as Rapport (its first open creates the database). */
export async function seedFloor(page: Page, floors: WithFloors['floors'], count: number): Promise<Page> {
  await page.goto(floors.reactDexie.url);
  await page.waitForFunction(() => performance.getEntriesByName('floor:ready').length > 0, undefined, { timeout: 60_000 });
  return seedGeneratedContacts(page, count, { database: 'floor' });
}

/** Gives the floor's copy of Rapport's database (the search page's, ./search.ts) the same `count` contacts. */
export async function seedSearchFloor(page: Page, searchUrl: string, count: number): Promise<Page> {
  await page.goto(searchUrl);
  await page.waitForFunction(() => performance.getEntriesByName('floor:ready').length > 0, undefined, { timeout: 60_000 });
  return seedGeneratedContacts(page, count, { database: 'rapport' });
}

/**
 * Rapport's search against a raw read of the same word, interleaved in the floor's search page (seeded some time
 * before, by seedSearchFloor, so that the store has settled after its writes), after one unmeasured round.
 */
export async function timeSearchFloor(page: Page, searchUrl: string, values: readonly string[], rounds = 3): Promise<{ search: number[]; raw: number[] }> {
  await page.goto(searchUrl);
  await page.waitForFunction(() => performance.getEntriesByName('floor:ready').length > 0, undefined, { timeout: 60_000 });
  await page.evaluate((values) => window.timeSearches(values, 1), values);
  return page.evaluate(({ values, rounds }) => window.timeSearches(values, rounds), { values, rounds });
}
