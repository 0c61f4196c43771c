// Unit tests read interface strings from the real locale files, as the browser would from _locales/:
// fakeBrowser has no i18n, so getMessage is served from locales/<locale>.yml through @wxt-dev/i18n's own parser.
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type ChromeMessages = Record<string, { message: string }>;
const cache = new Map<string, ChromeMessages>();

export async function loadLocale(locale: string): Promise<ChromeMessages> {
  let messages = cache.get(locale);
  if (!messages) {
    const file = resolve(import.meta.dirname, '../../locales', `${locale}.yml`);
    messages = generateChromeMessages(await parseMessagesFile(file)) as ChromeMessages;
    cache.set(locale, messages);
  }
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
