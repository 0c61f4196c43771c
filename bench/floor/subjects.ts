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
  };
}

/** Gives the floor's Dexie page the same `count` contacts as Rapport (its first open creates the database). */
export async function seedFloor(page: Page, floors: WithFloors['floors'], count: number): Promise<Page> {
  await page.goto(floors.reactDexie.url);
  await page.waitForFunction(() => performance.getEntriesByName('floor:ready').length > 0, undefined, { timeout: 60_000 });
  return seedGeneratedContacts(page, count, { database: 'floor' });
}
