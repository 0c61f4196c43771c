/**
 * Persistent storage: without it (Firefox's default "best-effort" storage, and Chrome without the grant) the browser
 * may evict Rapport's database under disk pressure. Asked for as an extension page starts, since `persist()` exists
 * only in windows, not in the background worker; where it is refused, Settings says so.
 */
export type Persistence = 'granted' | 'refused' | 'unavailable';

type StorageLike = Pick<StorageManager, 'persist' | 'persisted'>;

function manager(): StorageLike | undefined {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage as Partial<StorageLike> | undefined;
  return storage?.persist && storage.persisted ? (storage as StorageLike) : undefined;
}

/** Asks for persistent storage unless it is already granted; never throws. */
export async function requestPersistence(storage: StorageLike | undefined = manager()): Promise<Persistence> {
  if (!storage) return 'unavailable';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}

/** Whether the database is in persistent storage now, without asking. */
export async function persistence(storage: StorageLike | undefined = manager()): Promise<Persistence> {
  if (!storage) return 'unavailable';
  try {
    return (await storage.persisted()) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}
