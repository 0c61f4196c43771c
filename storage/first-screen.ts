/**
 * Keeps the first-screen snapshot (contacts/first-screen.ts) true to the database. The snapshot lives in the
 * extension's localStorage, which its pages read synchronously; the background (a service worker) and the import
 * worker have none. So two data versions guard it, and every write to the contacts bumps one of them BEFORE it
 * writes (./db.ts installs the middleware): a snapshot painted is one read since the last write, never one that
 * still holds a contact deleted since.
 *  - `gen`, in localStorage: bumped synchronously by a page that writes (and the snapshot removed at once).
 *  - `stamp`, in browser.storage.local: bumped by a context without localStorage (the background: a save from the
 *    context menu, sync). Its bump is sent before the write's transaction reaches IndexedDB, so a page that reads
 *    the old stamp read the contacts before that write too.
 * The import worker has neither: the page that sends it a write bumps `gen` before and after (import-worker/).
 */
import type { Middleware, DBCore } from 'dexie';
import { firstScreenOf, isCurrentScreen, parseFirstScreen, FIRST_SCREEN_ROWS, type FirstScreen } from '../contacts/first-screen';
import type { Contact } from '../model/schemas';
import { localStore } from './local-store';

export const SCREEN_KEY = 'rapport:first-screen';
export const GEN_KEY = 'rapport:first-screen-gen';
export const STAMP_KEY = 'rapport:first-screen-stamp';

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

export function readGen(): number {
  const value = Number(localStore()?.getItem(GEN_KEY) ?? 0);
  return Number.isFinite(value) ? value : 0;
}

export async function readStamp(): Promise<string> {
  try {
    const stored = await extensionStorage()?.get(STAMP_KEY);
    const value = stored?.[STAMP_KEY];
    return typeof value === 'string' ? value : '';
  } catch {
    // No extension storage (a worker): nothing can have been stamped from here.
    return '';
  }
}

/**
 * Makes every snapshot stale, before a write to the contacts: synchronously where there is localStorage (a page),
 * else by a new stamp in the extension's storage (the background).
 */
export function invalidateFirstScreen(): void {
  const store = localStore();
  if (store) {
    try {
      store.setItem(GEN_KEY, String(readGen() + 1));
      store.removeItem(SCREEN_KEY);
      return;
    } catch {
      // A full or blocked localStorage: fall through to the stamp, and remove what can be removed.
      try {
        store.removeItem(SCREEN_KEY);
      } catch {
        // Nothing more to do: the gen check still fails for a snapshot that outlived this.
      }
    }
  }
  try {
    void extensionStorage()
      ?.set({ [STAMP_KEY]: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` })
      .catch(() => undefined);
  } catch {
    // No extension storage either (the import worker): its page bumps `gen` around the request.
  }
}

/** The stored snapshot, if it is still current: the synchronous half of the check (`gen`) here, the stamp by the caller. */
export function readFirstScreen(): FirstScreen | undefined {
  const screen = parseFirstScreen(localStore()?.getItem(SCREEN_KEY));
  return screen && screen.gen === readGen() ? screen : undefined;
}

/** The stored snapshot if it is current on both versions: what a page may paint. */
export async function currentFirstScreen(): Promise<FirstScreen | undefined> {
  const screen = readFirstScreen();
  if (!screen) return undefined;
  const stamp = await readStamp();
  return isCurrentScreen(screen, { gen: readGen(), stamp }) ? screen : undefined;
}

/**
 * Writes the snapshot afresh from `read` (the first contacts by name). The versions are read before the contacts,
 * and a write in between (the gen moved on) drops this snapshot: the write's own change asks for another.
 * Returns whether a snapshot was written.
 */
export async function writeFirstScreen(read: (limit: number) => Promise<Contact[]>): Promise<boolean> {
  const store = localStore();
  if (!store) return false;
  const gen = readGen();
  const stamp = await readStamp();
  const contacts = await read(FIRST_SCREEN_ROWS);
  if (readGen() !== gen) return false;
  try {
    if (contacts.length === 0) store.removeItem(SCREEN_KEY);
    else store.setItem(SCREEN_KEY, JSON.stringify(firstScreenOf(contacts, { gen, stamp })));
    return contacts.length > 0;
  } catch {
    // A full localStorage: no snapshot, the page paints from the database as before.
    return false;
  }
}

/** Bumps a data version before every write to the contacts table, whoever writes (see above). */
export const firstScreenMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'first-screen-versions',
  create: (down) => ({
    ...down,
    table: (tableName) => {
      const table = down.table(tableName);
      if (tableName !== 'contacts') return table;
      return {
        ...table,
        mutate: (request) => {
          invalidateFirstScreen();
          return table.mutate(request);
        },
      };
    },
  }),
};
