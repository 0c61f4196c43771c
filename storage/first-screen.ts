/**
 * Keeps the first-screen snapshots true to the database: the side panel's (contacts/first-screen.ts), the popup's
 * (components/first-paint/popup-screen.ts) and the Overview's (overview/overview-screen.ts), one mechanism for all. A snapshot lives in the extension's
 * localStorage, which its pages read synchronously; the background (a service worker) and the import worker have
 * none. So two data versions guard each snapshot, and every write to a table the snapshot shows bumps one of them
 * BEFORE it writes (./db.ts installs the middleware): a snapshot painted is one read since the last write, never one
 * that still holds a record deleted since.
 *  - `gen`, in localStorage: bumped synchronously by a page that writes (and the snapshot removed at once).
 *  - `stamp`, in browser.storage.local: bumped by a context without localStorage (the background: a save from the
 *    context menu, sync). Its bump is sent before the write's transaction reaches IndexedDB, so a page that reads
 *    the old stamp read the records before that write too.
 * Each screen has its own versions and its own tables: a letter written makes the popup's due list stale, not the
 * side panel's names. The import worker has neither: the page that sends it a write bumps `gen` before and after
 * (import-worker/).
 */
import type { Middleware, DBCore } from 'dexie';
import { firstScreenOf, parseFirstScreen, FIRST_SCREEN_ROWS, type FirstScreen, type PipelineCounts } from '../contacts/first-screen';
import type { Contact } from '../model/schemas';
import { localStore } from './local-store';

/** Where one screen's snapshot and its two data versions are kept, and the tables whose writes make it stale. */
export interface ScreenStore {
  key: string;
  genKey: string;
  stampKey: string;
  tables: readonly string[];
}

export const SCREEN_KEY = 'rapport:first-screen';
export const GEN_KEY = 'rapport:first-screen-gen';
export const STAMP_KEY = 'rapport:first-screen-stamp';

/** The side panel's first screen: the first names, and the pipeline counts above them (the contacts' summary row, written in each contact write's own transaction; a repair that rewrites it alone leaves the snapshot's counts, which the live ones then correct). */
export const SIDE_PANEL_SCREEN: ScreenStore = { key: SCREEN_KEY, genKey: GEN_KEY, stampKey: STAMP_KEY, tables: ['contacts'] };
/**
 * The popup's first screen: the due count and the due list, which read the contacts (follow-ups, keeping in
 * touch), the letters, the settings (cadence, tags) and the programs with their people (interview thank-yous).
 */
export const POPUP_SCREEN: ScreenStore = {
  key: 'rapport:popup-screen',
  genKey: 'rapport:popup-screen-gen',
  stampKey: 'rapport:popup-screen-stamp',
  tables: ['contacts', 'letters', 'settings', 'programs', 'programLinks'],
};
/**
 * The Overview's first screen (overview/overview-screen.ts): every figure of the season, from the contacts and
 * interactions, the letters, the programs, and the templates' names (the settings say which built-ins are stored).
 * The tallies are written with the contacts and interactions, or rebuilt before any read when found wrong.
 */
export const OVERVIEW_SCREEN: ScreenStore = {
  key: 'rapport:overview-screen',
  genKey: 'rapport:overview-screen-gen',
  stampKey: 'rapport:overview-screen-stamp',
  tables: ['contacts', 'interactions', 'letters', 'programs', 'templates', 'settings'],
};
export const SCREENS: readonly ScreenStore[] = [SIDE_PANEL_SCREEN, POPUP_SCREEN, OVERVIEW_SCREEN];
const WATCHED = new Set(SCREENS.flatMap((screen) => screen.tables));

type LocalArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<unknown> };

/**
 * The extension's storage.local where this context has one (a page, the background), else undefined (the import
 * worker). Read from the globals, not from `wxt/browser`: the import worker reaches this module through ./db, and
 * the polyfill behind `wxt/browser` throws when it is loaded outside an extension page, so the worker failed to load.
 */
function extensionStorage(): LocalArea | undefined {
  const scope = globalThis as { browser?: { storage?: { local?: LocalArea } }; chrome?: { storage?: { local?: LocalArea } } };
  return scope.browser?.storage?.local ?? scope.chrome?.storage?.local;
}

export interface DataVersions {
  gen: number;
  stamp: string;
}

export function readGen(screen: ScreenStore = SIDE_PANEL_SCREEN): number {
  const value = Number(localStore()?.getItem(screen.genKey) ?? 0);
  return Number.isFinite(value) ? value : 0;
}

export async function readStamp(screen: ScreenStore = SIDE_PANEL_SCREEN): Promise<string> {
  try {
    const stored = await extensionStorage()?.get(screen.stampKey);
    const value = stored?.[screen.stampKey];
    return typeof value === 'string' ? value : '';
  } catch {
    // No extension storage (a worker): nothing can have been stamped from here.
    return '';
  }
}

/**
 * Makes stale every snapshot that shows `table` (every snapshot, without one), before a write to it: synchronously
 * where there is localStorage (a page), else by a new stamp in the extension's storage (the background).
 */
export function invalidateFirstScreen(table?: string): void {
  const screens = table === undefined ? SCREENS : SCREENS.filter((screen) => screen.tables.includes(table));
  if (screens.length === 0) return;
  const store = localStore();
  const unstamped: ScreenStore[] = [];
  for (const screen of screens) {
    // No localStorage (the background): the stamp instead.
    if (!store) {
      unstamped.push(screen);
      continue;
    }
    try {
      store.setItem(screen.genKey, String(readGen(screen) + 1));
      store.removeItem(screen.key);
    } catch {
      // A full or blocked localStorage: the stamp instead, and remove what can be removed.
      unstamped.push(screen);
      try {
        store.removeItem(screen.key);
      } catch {
        // Nothing more to do: the gen check still fails for a snapshot that outlived this.
      }
    }
  }
  if (unstamped.length === 0) return;
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    void extensionStorage()
      ?.set(Object.fromEntries(unstamped.map((screen) => [screen.stampKey, stamp])))
      .catch(() => undefined);
  } catch {
    // No extension storage either (the import worker): its page bumps `gen` around the request.
  }
}

/** `screen`'s stored snapshot, read by `parse`, if it is still current: the synchronous half of the check (`gen`). */
export function readScreen<T extends DataVersions>(screen: ScreenStore, parse: (raw: string | null | undefined) => T | undefined): T | undefined {
  const stored = parse(localStore()?.getItem(screen.key));
  return stored && stored.gen === readGen(screen) ? stored : undefined;
}

/** `screen`'s stored snapshot if it is current on both versions: what a page may paint. */
export async function currentScreen<T extends DataVersions>(screen: ScreenStore, parse: (raw: string | null | undefined) => T | undefined): Promise<T | undefined> {
  const stored = readScreen(screen, parse);
  if (!stored) return undefined;
  const stamp = await readStamp(screen);
  return stored.gen === readGen(screen) && stored.stamp === stamp ? stored : undefined;
}

/**
 * Writes `screen`'s snapshot afresh from `build`, given the versions read before it reads anything; a write in
 * between (the gen moved on) drops it, since the write's own change asks for another. `build` answering undefined
 * (nothing to show) removes the snapshot. Returns whether one was written.
 */
export async function writeScreen<T extends DataVersions>(screen: ScreenStore, build: (versions: DataVersions) => Promise<T | undefined>): Promise<boolean> {
  const store = localStore();
  if (!store) return false;
  const gen = readGen(screen);
  const stamp = await readStamp(screen);
  const built = await build({ gen, stamp });
  if (readGen(screen) !== gen) return false;
  try {
    if (built === undefined) store.removeItem(screen.key);
    else store.setItem(screen.key, JSON.stringify(built));
    return built !== undefined;
  } catch {
    // A full localStorage: no snapshot, the page paints from the database as before.
    return false;
  }
}

/** The side panel's snapshot, if it is still current on `gen` (the stamp is the caller's). */
export function readFirstScreen(): FirstScreen | undefined {
  return readScreen(SIDE_PANEL_SCREEN, parseFirstScreen);
}

/** The side panel's snapshot if it is current on both versions. */
export function currentFirstScreen(): Promise<FirstScreen | undefined> {
  return currentScreen(SIDE_PANEL_SCREEN, parseFirstScreen);
}

/**
 * Writes the side panel's snapshot afresh from `read` (the first contacts by name) and `counts` (the pipeline, so
 * that the strip above the names is painted as the live view draws it, not "Counting…" that then moves the list).
 */
export function writeFirstScreen(read: (limit: number) => Promise<Contact[]>, counts?: () => Promise<PipelineCounts>): Promise<boolean> {
  return writeScreen(SIDE_PANEL_SCREEN, async (versions) => {
    const [contacts, pipeline] = await Promise.all([read(FIRST_SCREEN_ROWS), counts?.()]);
    return contacts.length === 0 ? undefined : firstScreenOf(contacts, versions, pipeline);
  });
}

/** Bumps the data versions of the snapshots that show a table, before every write to it, whoever writes (see above). */
export const firstScreenMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'first-screen-versions',
  create: (down) => ({
    ...down,
    table: (tableName) => {
      const table = down.table(tableName);
      if (!WATCHED.has(tableName)) return table;
      return {
        ...table,
        mutate: (request) => {
          invalidateFirstScreen(tableName);
          return table.mutate(request);
        },
      };
    },
  }),
};
