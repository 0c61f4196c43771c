/** A CSV of contacts (Rapport's own export or any spreadsheet) read through a column mapping. */
import { credentialOf, parseName } from '../capture/names';
import { STATUSES, STATUS_LABELS, type Status } from '../model/schemas';
import { type ColumnMapping, type ImportTarget, TARGET_LABELS } from './csv-columns';
import { cellValue, isBlankRow, type CsvTable } from './csv-read';
import { parseDay } from './dates';
import { parseEducation } from './education-text';
import { buildIncoming, type ImportedFields, type ParsedContacts } from './incoming';
import type { ImportIssue } from './issues';
import { createSlicer, type Progress } from './slices';
import { userText } from '../model/user-text';

const STATUS_BY_TEXT = new Map<string, Status>();
for (const status of STATUSES) {
  STATUS_BY_TEXT.set(status, status);
  STATUS_BY_TEXT.set(STATUS_LABELS[status].toLowerCase(), status);
  STATUS_BY_TEXT.set(status.replace(/_/g, ' '), status);
}

function splitList(text: string): string[] {
  const parts = text.includes(';') ? text.split(';') : text.split(',');
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The Contact field a validation error points at, named by the column the user mapped to it. */
const FIELD_TARGET: Record<string, ImportTarget> = {
  whereMet: 'whereMetEvent',
  profiles: 'profile',
  identities: 'profile',
};

/** Cells of one row by target, in column order. */
function cellsByTarget(cells: readonly string[], mapping: ColumnMapping): Map<ImportTarget, string[]> {
  const out = new Map<ImportTarget, string[]>();
  mapping.forEach((target, index) => {
    if (!target) return;
    const value = cellValue(cells[index]);
    if (!value) return;
    const list = out.get(target) ?? [];
    list.push(value);
    out.set(target, list);
  });
  return out;
}

/**
 * Reads every row through the mapping and validates it. Rows without a name
 * are skipped with a note; rows with a bad value are reported by column.
 */
export function importCsvRows(table: CsvTable, mapping: ColumnMapping): ParsedContacts {
  const parsed: ParsedContacts = { incoming: [], skipped: [], issues: [], rows: table.filled };
  table.rows.forEach(csvRowReader(table, mapping, parsed));
  return parsed;
}

/** importCsvRows in slices, for the side panel: the same result without a long freeze on a large file. */
export async function importCsvRowsAsync(table: CsvTable, mapping: ColumnMapping, onProgress?: Progress): Promise<ParsedContacts> {
  const parsed: ParsedContacts = { incoming: [], skipped: [], issues: [], rows: table.filled };
  const read = csvRowReader(table, mapping, parsed);
  const slice = createSlicer(onProgress);
  for (let i = 0; i < table.rows.length; i++) {
    read(table.rows[i]!, i);
    await slice(i + 1, table.rows.length);
  }
  onProgress?.(table.rows.length, table.rows.length);
  return parsed;
}

/** Reads one data row through the mapping into `parsed`. */
function csvRowReader(table: CsvTable, mapping: ColumnMapping, parsed: ParsedContacts) {
  const headerOf = new Map<ImportTarget, string>();
  mapping.forEach((target, index) => {
    if (target && !headerOf.has(target)) headerOf.set(target, table.header[index] || TARGET_LABELS[target]);
  });
  const columnFor = (target: ImportTarget) => headerOf.get(target) ?? TARGET_LABELS[target];
  const label = (path: string) => {
    const field = path.split('.')[0] ?? '';
    const target = FIELD_TARGET[field] ?? (field as ImportTarget);
    return headerOf.get(target) ?? (field in TARGET_LABELS ? TARGET_LABELS[field as ImportTarget] : path);
  };

  return (cells: string[], index: number): void => {
    if (isBlankRow(cells)) return;
    const row = index + 1;
    const values = cellsByTarget(cells, mapping);
    const one = (target: ImportTarget) => values.get(target)?.join(' ') ?? '';
    const issues: ImportIssue[] = [];

    const given = one('fullName') || [one('firstName'), one('lastName')].filter(Boolean).join(' ');
    const name = parseName(given);
    if (!name.fullName) {
      if (values.size > 0) parsed.skipped.push({ row, name: one('email') || one('profile'), reason: userText('portability.csv.noName') });
      return;
    }
    const credentials = [...name.credentials];
    for (const token of splitList(one('credentials'))) {
      const credential = credentialOf(token) ?? token;
      if (!credentials.includes(credential)) credentials.push(credential);
    }

    let status: Status | undefined;
    const statusText = one('status');
    if (statusText) {
      status = STATUS_BY_TEXT.get(statusText.toLowerCase().replace(/\s+/g, ' '));
      if (!status) {
        issues.push({
          row,
          field: columnFor('status'),
          text: userText('portability.csv.notStatus', { value: statusText, statuses: STATUSES.map((s) => STATUS_LABELS[s]).join(', ') }),
        });
      }
    }
    const dateText = one('connectedOn');
    const connectedOn = dateText ? parseDay(dateText) : undefined;
    if (dateText && !connectedOn) {
      issues.push({ row, field: columnFor('connectedOn'), text: userText('portability.csv.notDate', { value: dateText }) });
    }
    const metText = one('whereMetDate');
    const metOn = metText ? parseDay(metText) ?? metText : undefined;
    if (issues.length > 0) {
      parsed.issues.push(...issues);
      return;
    }

    const firstName = values.has('firstName') ? parseName(one('firstName')).fullName : name.firstName;
    const lastName = values.has('lastName') ? parseName(one('lastName')).fullName : name.lastName;
    const whereMet = one('whereMetEvent') || metOn ? { event: one('whereMetEvent') || undefined, date: metOn } : undefined;
    const fields: ImportedFields & { id?: string } = {
      id: one('id') || undefined,
      fullName: name.fullName,
      firstName: firstName || undefined,
      lastName: lastName || undefined,
      honorific: one('honorific') || name.honorific,
      pronouns: one('pronouns') || name.pronouns,
      credentials,
      headline: one('headline'),
      title: one('title'),
      organization: one('organization'),
      specialty: one('specialty'),
      subspecialty: one('subspecialty'),
      location: one('location'),
      email: one('email'),
      phone: one('phone'),
      photoUrl: one('photoUrl') || undefined,
      tags: (values.get('tags') ?? []).flatMap(splitList),
      status,
      whereMet,
      connectedOn,
      education: parseEducation(one('education')),
      notes: values.get('notes')?.join('\n') ?? '',
    };
    const links = (values.get('profile') ?? []).map((url) => ({ url, field: columnFor('profile') }));
    const result = buildIncoming(row, fields, links, label);
    parsed.issues.push(...result.issues);
    if (result.incoming) parsed.incoming.push(result.incoming);
  };
}

/** The first rows as the mapping reads them, for the preview before anything is checked. */
export function previewRows(table: CsvTable, count = 5): string[][] {
  return table.rows
    .filter((cells) => !isBlankRow(cells))
    .slice(0, count)
    .map((cells) => table.header.map((_, i) => cellValue(cells[i])));
}
