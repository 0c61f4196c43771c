// Dates and numbers as the interface shows them, in the browser's language (Intl). date-fns stays for arithmetic:
// its `format` only speaks English.
import { browser } from 'wxt/browser';

/** The browser's interface language, e.g. "en-US" or "es". */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: (lang: string) => T): T {
  const lang = uiLanguage();
  let value = cache.get(`${lang}|${key}`);
  if (!value) cache.set(`${lang}|${key}`, (value = make(lang)));
  return value as T;
}

/** "Mar 4, 2026" / "4 mar 2026". */
export const formatDate = (at: number | Date) =>
  cached('date', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium' })).format(at);

/** "Mar 4" / "4 mar": a day this year or close to it. */
export const formatDay = (at: number | Date) =>
  cached('day', (l) => new Intl.DateTimeFormat(l, { month: 'short', day: 'numeric' })).format(at);

/** "Mar 4, 2026, 3:05 PM" / "4 mar 2026, 15:05". */
export const formatDateTime = (at: number | Date) =>
  cached('datetime', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(at);

/** "42%" / "42 %". */
export const formatPercent = (share: number) =>
  cached('percent', (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 })).format(share);

/** "5 hours" / "5 horas", "3 days" / "3 días". */
export const formatUnit = (value: number, unit: 'hour' | 'day') =>
  cached(`unit-${unit}`, (l) => new Intl.NumberFormat(l, { style: 'unit', unit, unitDisplay: 'long' })).format(value);

/** "1,234" / "1234" as the language writes it. */
export const formatNumber = (n: number) => cached('number', (l) => new Intl.NumberFormat(l)).format(n);

/** "in 3 days" / "dentro de 3 días", "yesterday" / "ayer". */
export const formatRelativeDays = (days: number) =>
  cached('relative', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' })).format(days, 'day');
