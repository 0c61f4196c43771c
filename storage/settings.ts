import { db } from './db';
import { DEFAULT_SETTINGS, Settings } from '../model/schemas';

const KEY = 'settings';

/** The user's settings, with defaults filled in for anything never set. */
export async function getSettings(): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const parsed = Settings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/**
 * Writes the given settings only, read and written in one transaction so that a setting changed elsewhere is kept; a
 * function patch is computed from the stored settings (one character limit of several).
 */
export async function updateSettings(change: Partial<Settings> | ((stored: Settings) => Partial<Settings>)): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const stored = await getSettings();
    const next = Settings.parse({ ...stored, ...(typeof change === 'function' ? change(stored) : change) });
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}
