import { db } from './db';
import { DEFAULT_SETTINGS, Settings } from './schemas';

const KEY = 'settings';

/** The user's settings, with defaults filled in for anything never set. */
export async function getSettings(): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const parsed = Settings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = Settings.parse({ ...(await getSettings()), ...patch });
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}
