/**
 * A sentence for a person carried as its locale key and values, not as words: code that runs where there is no
 * `browser.i18n` (the import worker) or is shared with it says what went wrong this way, and the page says it in the
 * browser's language. Checked like every message that crosses contexts (messages/import-worker.ts).
 *
 * Only keys under the top-level `portability.`, `errors.` and `validation.` of locales/*.yml are texts of this kind
 * (tests/unit/i18n/user-text.test.ts renders every one of them in each locale).
 */
import { z } from 'zod';
import type { GeneratedI18nStructure } from '#i18n';
import { i18n } from './i18n';

type Key = keyof GeneratedI18nStructure;
/** The locale keys a UserText may name. */
export type UserTextKey = Extract<Key, `portability.${string}` | `errors.${string}` | `validation.${string}`>;

export const USER_TEXT_KEY = /^(portability|errors|validation)(\.[A-Za-z0-9]+)+$/;

const value = z.union([z.string().max(2_000), z.number()]);

export const UserText = z
  .object({
    key: z.string().max(100).regex(USER_TEXT_KEY) as unknown as z.ZodType<UserTextKey>,
    values: z.record(z.string().max(40), value).optional(),
    /** Chooses the plural form of a `one | many` message. */
    count: z.number().optional(),
  })
  .strict();
export type UserText = { key: UserTextKey; values?: Record<string, string | number>; count?: number };

export function userText(key: UserTextKey, values?: Record<string, string | number>, count?: number): UserText {
  return { key, ...(values ? { values } : {}), ...(count === undefined ? {} : { count }) };
}

/**
 * The text in the browser's language. Where there is no `browser.i18n` (the import worker) it is the key, which
 * is only ever logged there: the worker sends the UserText and the page says it.
 */
export function say(text: UserText): string {
  try {
    const t = i18n.t as (key: string, ...args: unknown[]) => string;
    // Numbers in the reader's own digits and separators ("2,002", "2.002").
    const values = text.values && Object.fromEntries(Object.entries(text.values).map(([k, v]) => [k, typeof v === 'number' ? v.toLocaleString() : v]));
    const said = text.count === undefined ? t(text.key, values) : t(text.key, text.count, values);
    return said || text.key;
  } catch {
    return text.key;
  }
}

/**
 * An error meant for the user. Its `message` is said in the browser's language each time it is read, so a
 * component showing `error.message` shows it translated, and one made in the worker still carries its key.
 */
export class UserError extends Error {
  constructor(readonly text: UserText) {
    super(text.key);
    this.name = 'UserError';
    Object.defineProperty(this, 'message', { get: () => say(this.text), enumerable: false, configurable: true });
  }
}
