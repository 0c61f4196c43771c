/**
 * Contacts as a CSV for spreadsheets: one row per contact, UTF-8 with a
 * byte-order mark so that Excel shows accents, lists flattened into readable
 * cells. Cells that a spreadsheet would run as a formula are neutralised.
 */
import Papa from 'papaparse';
import { STATUS_LABELS, type Contact } from '../model/schemas';
import { localDay } from './dates';
import { formatEducation } from './education-text';

const BOM = '\uFEFF';

const when = (epoch: number | undefined) => (epoch === undefined ? '' : localDay(epoch));

/** Header and cell for each column; the headers are among the import's synonyms (csv-columns.ts). */
export const CSV_COLUMNS: readonly { header: string; cell: (c: Contact) => string }[] = [
  { header: 'Full name', cell: (c) => c.fullName },
  { header: 'First name', cell: (c) => c.firstName ?? '' },
  { header: 'Last name', cell: (c) => c.lastName ?? '' },
  { header: 'Honorific', cell: (c) => c.honorific ?? '' },
  { header: 'Credentials', cell: (c) => c.credentials.join(', ') },
  { header: 'Pronouns', cell: (c) => c.pronouns ?? '' },
  { header: 'Headline', cell: (c) => c.headline ?? '' },
  { header: 'Title', cell: (c) => c.title ?? '' },
  { header: 'Organization', cell: (c) => c.organization ?? '' },
  { header: 'Specialty', cell: (c) => c.specialty ?? '' },
  { header: 'Subspecialty', cell: (c) => c.subspecialty ?? '' },
  { header: 'Location', cell: (c) => c.location ?? '' },
  { header: 'Email', cell: (c) => c.email ?? '' },
  { header: 'Phone', cell: (c) => c.phone ?? '' },
  { header: 'LinkedIn', cell: (c) => c.profiles.linkedin ?? '' },
  { header: 'Doximity', cell: (c) => c.profiles.doximity ?? '' },
  { header: 'Website', cell: (c) => c.profiles.web ?? '' },
  { header: 'Photo', cell: (c) => c.photoUrl ?? '' },
  { header: 'Tags', cell: (c) => c.tags.join('; ') },
  { header: 'Status', cell: (c) => STATUS_LABELS[c.status] },
  { header: 'Where met', cell: (c) => c.whereMet?.event ?? '' },
  { header: 'Met on', cell: (c) => c.whereMet?.date ?? '' },
  { header: 'Connected on', cell: (c) => c.connectedOn ?? '' },
  { header: 'Education', cell: (c) => formatEducation(c.education) },
  { header: 'Notes', cell: (c) => c.notes },
  { header: 'Source', cell: (c) => c.source },
  { header: 'Created', cell: (c) => when(c.createdAt) },
  { header: 'Last contacted', cell: (c) => when(c.lastContactedAt) },
  { header: 'Next follow-up', cell: (c) => when(c.nextFollowUpAt) },
  { header: 'Rapport ID', cell: (c) => c.id },
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
