/** Dates as import files write them, read into ISO days (YYYY-MM-DD) without time-zone drift. */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A real calendar day as YYYY-MM-DD, or undefined (31 Feb is not a day). */
export function isoDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Which comes first in a numeric date: the month (US, "8/14/2024") or the day (most of Europe, "14/08/2024"). */
export type DayOrder = 'mdy' | 'dmy';

const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

/** A date written as numbers only ("8/14/2024", "14.08.24"). */
export function isNumericDay(text: string): boolean {
  return NUMERIC.test(text.trim());
}

/**
 * The order of a file's numeric dates, as a spreadsheet re-saving LinkedIn's export writes them: a first number over
 * 12 can only be a day, a second over 12 only a day too. When every date fits both, the file's separator says where
 * it was saved: Excel writes `;` where the day comes first. Undefined when the dates contradict each other.
 */
export function numericDayOrder(values: Iterable<string>, delimiter: string): DayOrder | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const m = NUMERIC.exec(value.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return undefined;
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  return delimiter === ';' ? 'dmy' : 'mdy';
}

/**
 * Reads "14 Aug 2024" (LinkedIn's Connections export), "Aug 14, 2024",
 * "2024-08-14" and "14 August 2024"; and, given the file's `order`
 * (numericDayOrder), the numeric "8/14/2024" or "14/08/2024" a spreadsheet
 * writes back. Without an order a numeric date is refused rather than guessed.
 */
export function parseDay(raw: string, order?: DayOrder): string | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  const numeric = order ? NUMERIC.exec(text) : null;
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const year = numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    return order === 'mdy' ? isoDay(year, a, b) : isoDay(year, b, a);
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? isoDay(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? isoDay(Number(m[3]), month, Number(m[2])) : undefined;
  }
  return undefined;
}

/** An epoch time as the local calendar day, for CSV cells people read. */
export function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
