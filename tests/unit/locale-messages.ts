// Unit tests read interface strings from the real locale files, as the browser would from _locales/:
// fakeBrowser has no i18n, so getMessage is served from locales/<locale>.yml through @wxt-dev/i18n's own parser
// (run once for the whole run by the global setup, locales-once.ts).
import { inject } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ChromeMessages } from './locales-once';

const provided = inject('localeMessages');

export async function loadLocale(locale: string): Promise<ChromeMessages> {
  const messages = provided[locale];
  if (!messages) throw new Error(`No locales/${locale}.yml`);
  return messages;
}

/** Makes fakeBrowser.i18n answer in `locale`, with Chrome's $1…$9 substitutions. */
export async function useLocale(locale = 'en'): Promise<void> {
  const messages = await loadLocale(locale);
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
    const message = messages[name]?.message ?? '';
    const subs = substitutions == null ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\d)/g, (match, n: string) => subs[Number(n) - 1] ?? match);
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => locale.replace('_', '-');
}
