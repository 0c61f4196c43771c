/**
 * Contacts as a CSV for spreadsheets: one row per contact, UTF-8 with a
 * byte-order mark so that Excel shows accents, lists flattened into readable
 * cells. Cells that a spreadsheet would run as a formula are neutralised.
 */
import Papa from 'papaparse';
import { csvHeader } from '../model/contact-fields';
import { STATUS_LABELS, type Contact } from '../model/schemas';
import { TARGET_LABELS } from './csv-columns';
import { localDay } from './dates';
import { formatEducation } from './education-text';

const BOM = '\uFEFF';

const when = (epoch: number | undefined) => (epoch === undefined ? '' : localDay(epoch));

/** Header and cell for each column; the headers (model/contact-fields.ts) are among the import's synonyms (csv-columns.ts). */
export const CSV_COLUMNS: readonly { header: string; cell: (c: Contact) => string }[] = [
  { header: csvHeader('fullName'), cell: (c) => c.fullName },
  { header: csvHeader('firstName'), cell: (c) => c.firstName ?? '' },
  { header: csvHeader('lastName'), cell: (c) => c.lastName ?? '' },
  { header: csvHeader('honorific'), cell: (c) => c.honorific ?? '' },
  { header: csvHeader('credentials'), cell: (c) => c.credentials.join(', ') },
  { header: csvHeader('pronouns'), cell: (c) => c.pronouns ?? '' },
  { header: csvHeader('headline'), cell: (c) => c.headline ?? '' },
  { header: csvHeader('title'), cell: (c) => c.title ?? '' },
  { header: csvHeader('organization'), cell: (c) => c.organization ?? '' },
  { header: csvHeader('specialty'), cell: (c) => c.specialty ?? '' },
  { header: csvHeader('subspecialty'), cell: (c) => c.subspecialty ?? '' },
  { header: csvHeader('location'), cell: (c) => c.location ?? '' },
  { header: csvHeader('email'), cell: (c) => c.email ?? '' },
  { header: csvHeader('phone'), cell: (c) => c.phone ?? '' },
  { header: 'LinkedIn', cell: (c) => c.profiles.linkedin ?? '' },
  { header: 'Doximity', cell: (c) => c.profiles.doximity ?? '' },
  { header: 'Website', cell: (c) => c.profiles.web ?? '' },
  { header: csvHeader('photoUrl'), cell: (c) => c.photoUrl ?? '' },
  { header: csvHeader('tags'), cell: (c) => c.tags.join('; ') },
  { header: csvHeader('status'), cell: (c) => STATUS_LABELS[c.status] },
  { header: TARGET_LABELS.whereMetEvent, cell: (c) => c.whereMet?.event ?? '' },
  { header: TARGET_LABELS.whereMetDate, cell: (c) => c.whereMet?.date ?? '' },
  { header: csvHeader('connectedOn'), cell: (c) => c.connectedOn ?? '' },
  { header: csvHeader('education'), cell: (c) => formatEducation(c.education) },
  { header: csvHeader('notes'), cell: (c) => c.notes },
  { header: csvHeader('source'), cell: (c) => c.source },
  { header: csvHeader('createdAt'), cell: (c) => when(c.createdAt) },
  { header: csvHeader('lastContactedAt'), cell: (c) => when(c.lastContactedAt) },
  { header: csvHeader('nextFollowUpAt'), cell: (c) => when(c.nextFollowUpAt) },
  { header: csvHeader('id'), cell: (c) => c.id },
];

export function contactsToCsv(contacts: readonly Contact[]): string {
  return toCsv(CSV_COLUMNS, contacts);
}

/** Rows as a spreadsheet-safe CSV: UTF-8 with a byte-order mark, formulas neutralised. */
export function toCsv<T>(columns: readonly { header: string; cell: (row: T) => string }[], rows: readonly T[]): string {
  const data = rows.map((row) => columns.map((column) => column.cell(row)));
  const csv = Papa.unparse(
    { fields: columns.map((c) => c.header), data },
    // A scraped name such as "=HYPERLINK(…)" must not run in Excel (CSV injection). Papaparse's
    // own pattern for `true` ends in `.*$`, which misses a formula followed by a line break.
    { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/, quotes: false },
  );
  return BOM + csv + '\r\n';
}

export function csvFileName(now = Date.now()): string {
  return `rapport-contacts-${localDay(now)}.csv`;
}
