/**
 * Which settings a restore writes. Replacing takes the backup's. Merging keeps every setting the user has set here
 * and takes the backup's for the ones still at their default: restoring onto a fresh install brings back the user's
 * name, school, AAMC ID and limits, which drafts need. The dry run lists the settings that would change.
 */
import { DEFAULT_SETTINGS, Settings } from '../model/schemas';

/** Replace everything, or merge into what is there. */
export type RestoreMode = 'merge' | 'replace';

export type SettingKey = keyof Settings;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function restoredSettings(
  backup: Settings,
  stored: unknown,
  mode: RestoreMode,
): { settings?: Settings; changed: SettingKey[] } {
  const current = Settings.safeParse(stored ?? {});
  const here = current.success ? current.data : DEFAULT_SETTINGS;
  const keys = Object.keys(DEFAULT_SETTINGS) as SettingKey[];
  const next: Record<string, unknown> = { ...here };
  for (const key of keys) {
    const keepHere = mode === 'merge' && !same(here[key], DEFAULT_SETTINGS[key]);
    if (!keepHere) next[key] = backup[key];
  }
  const settings = Settings.parse(next);
  const changed = keys.filter((key) => !same(settings[key], here[key]));
  // Replacing always writes the backup's settings; a merge writes only when something changes.
  return { settings: mode === 'replace' || changed.length > 0 ? settings : undefined, changed };
}
