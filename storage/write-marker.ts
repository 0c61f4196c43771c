/**
 * A note that an import or restore is writing, kept in localStorage (synchronous, it outlives the page). Writes are
 * all-or-nothing, so a panel closed mid-write leaves the data as it was, but the user would not know the restore did
 * not happen: the next Settings shows the note, then forgets it.
 */
import { localStore } from './local-store';

const KEY = 'rapport:write-in-progress';

export interface WriteMarker {
  name: string;
  at: number;
}

const store = localStore;

export function markWriteStarted(name: string, now = Date.now()): void {
  try {
    store()?.setItem(KEY, JSON.stringify({ name: name.slice(0, 200), at: now }));
  } catch {
    // Without localStorage there is only no notice.
  }
}

export function markWriteEnded(): void {
  store()?.removeItem(KEY);
}

/** The write a closed page left unfinished, once: reading it clears it. */
export function takeUnfinishedWrite(): WriteMarker | undefined {
  const raw = store()?.getItem(KEY);
  if (!raw) return undefined;
  markWriteEnded();
  try {
    const value = JSON.parse(raw) as Partial<WriteMarker>;
    return typeof value.name === 'string' && typeof value.at === 'number' ? { name: value.name, at: value.at } : undefined;
  } catch {
    return undefined;
  }
}
