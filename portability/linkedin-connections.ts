/**
 * LinkedIn's own export of a member's connections (Settings > Data privacy >
 * Get a copy of your data > Connections): a byte-order mark, a few lines of
 * notes, then the header `First Name,Last Name,URL,Email Address,Company,
 * Position,Connected On`, with dates such as `14 Aug 2024`. The same file opened and saved again in Excel is read
 * too: US Excel writes `8/14/2024`, European Excel `;` between cells and `14/08/2024`.
 */
import { parseName } from '../capture/names';
import { profileRef } from '../model/profile-links';
import { isNumericDay, numericDayOrder, parseDay } from './dates';
import { cellValue, headerDelimiter, isBlankRow, readCsv, readCsvAsync, stripBom, type CsvTable } from './csv-read';
import { buildIncoming, type ParsedContacts } from './incoming';
import { ImportFailure, type ImportIssue, type SkippedRow } from './issues';
import { createSlicer } from './slices';
import { userText } from '../model/user-text';

export const CONNECTIONS_COLUMNS = {
  firstName: 'First Name',
  lastName: 'Last Name',
  url: 'URL',
  email: 'Email Address',
  company: 'Company',
  position: 'Position',
  connectedOn: 'Connected On',
} as const;

const REQUIRED = [CONNECTIONS_COLUMNS.firstName, CONNECTIONS_COLUMNS.lastName, CONNECTIONS_COLUMNS.url];

/** The notes preamble is a few lines; the header is never far down. */
const HEADER_SEARCH_LINES = 40;

function headerCells(line: string): string[] {
  return line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

/** Where the header line starts in `text` (BOM removed), or -1. */
export function findConnectionsHeader(text: string): number {
  const body = stripBom(text);
  let offset = 0;
  for (let i = 0; i < HEADER_SEARCH_LINES && offset < body.length; i++) {
    const end = body.indexOf('\n', offset);
    const line = body.slice(offset, end === -1 ? body.length : end).replace(/\r$/, '');
    const cells = headerCells(line);
    if (REQUIRED.every((name) => cells.includes(name.toLowerCase()))) return offset;
    if (end === -1) break;
    offset = end + 1;
  }
  return -1;
}

export function looksLikeConnections(head: string): boolean {
  return findConnectionsHeader(head) !== -1;
}

/** Report labels for the Contact fields a Connections row fills. */
const LABELS: Record<string, string> = {
  fullName: 'First Name / Last Name',
  firstName: CONNECTIONS_COLUMNS.firstName,
  lastName: CONNECTIONS_COLUMNS.lastName,
  credentials: CONNECTIONS_COLUMNS.lastName,
  honorific: CONNECTIONS_COLUMNS.firstName,
  pronouns: CONNECTIONS_COLUMNS.lastName,
  email: CONNECTIONS_COLUMNS.email,
  organization: CONNECTIONS_COLUMNS.company,
  title: CONNECTIONS_COLUMNS.position,
  connectedOn: CONNECTIONS_COLUMNS.connectedOn,
};
const label = (path: string) => LABELS[path.split('.')[0] ?? ''] ?? (path.startsWith('profiles') ? CONNECTIONS_COLUMNS.url : path);

/** Where the Connections header starts, or the failure that says why the file is not one. */
function connectionsBody(text: string): string {
  const start = findConnectionsHeader(text);
  if (start === -1) {
    if (stripBom(text).trim() === '') throw new ImportFailure(userText('portability.fileEmpty'));
    throw new ImportFailure(userText('portability.connections.notConnections'));
  }
  return stripBom(text).slice(start);
}

/** Reads one data row of the table into `parsed`. */
function connectionsRowReader(table: CsvTable, parsed: ParsedContacts, delimiter: string) {
  const column = new Map(table.header.map((h, i) => [h.toLowerCase(), i]));
  const cell = (row: string[], name: string) => {
    const index = column.get(name.toLowerCase());
    return index === undefined ? '' : cellValue(row[index]);
  };
  // One order for the whole file: Excel wrote every date the same way.
  const order = numericDayOrder(
    table.rows.map((row) => cell(row, CONNECTIONS_COLUMNS.connectedOn)),
    delimiter,
  );

  return (cells: string[], index: number): void => {
    if (isBlankRow(cells)) return;
    const row = index + 1;
    const first = cell(cells, CONNECTIONS_COLUMNS.firstName);
    const last = cell(cells, CONNECTIONS_COLUMNS.lastName);
    const url = cell(cells, CONNECTIONS_COLUMNS.url);
    const whole = parseName(`${first} ${last}`);
    if (!whole.fullName) {
      const skip: SkippedRow = {
        row,
        name: url,
        reason: userText('portability.connections.hiddenName'),
      };
      parsed.skipped.push(skip);
      return;
    }
    const issues: ImportIssue[] = [];
    if (!url) issues.push({ row, field: CONNECTIONS_COLUMNS.url, text: userText('portability.connections.noLink') });
    else if (profileRef(url)?.site !== 'linkedin') {
      issues.push({ row, field: CONNECTIONS_COLUMNS.url, text: userText('portability.connections.notLinkedIn') });
    }
    const dateText = cell(cells, CONNECTIONS_COLUMNS.connectedOn);
    const connectedOn = dateText ? parseDay(dateText, order) : undefined;
    if (dateText && !connectedOn) {
      issues.push({
        row,
        field: CONNECTIONS_COLUMNS.connectedOn,
        text: !isNumericDay(dateText)
          ? userText('portability.connections.notDate', { value: dateText, example: '14 Aug 2024' })
          : order
            ? userText('portability.connections.notDate', { value: dateText, example: order === 'mdy' ? '8/14/2024' : '14/08/2024' })
            : userText('portability.connections.mixedDates', { value: dateText }),
      });
    }
    if (issues.length > 0) {
      parsed.issues.push(...issues);
      return;
    }
    // The columns are split by LinkedIn, but credentials ride along in either ("Raman, MD").
    const firstName = parseName(first).fullName || whole.firstName;
    const lastName = parseName(last).fullName || whole.lastName;
    const result = buildIncoming(
      row,
      {
        fullName: whole.fullName,
        firstName,
        lastName,
        honorific: whole.honorific,
        pronouns: whole.pronouns,
        credentials: whole.credentials,
        email: cell(cells, CONNECTIONS_COLUMNS.email),
        organization: cell(cells, CONNECTIONS_COLUMNS.company),
        title: cell(cells, CONNECTIONS_COLUMNS.position),
        connectedOn,
      },
      [{ url, field: CONNECTIONS_COLUMNS.url }],
      label,
    );
    parsed.issues.push(...result.issues);
    if (result.incoming) parsed.incoming.push(result.incoming);
  };
}

/** Parses a Connections.csv; rows that are wrong are reported, never guessed. */
export function parseConnections(text: string): ParsedContacts {
  const body = connectionsBody(text);
  const delimiter = headerDelimiter(body);
  const table = readCsv(body, { delimiter });
  const parsed: ParsedContacts = { incoming: [], skipped: [], issues: [], rows: table.filled };
  table.rows.forEach(connectionsRowReader(table, parsed, delimiter));
  return parsed;
}

/**
 * parseConnections for the side panel: the same result, computed in slices
 * so that a file of 100,000 connections never freezes the page. Progress is
 * reported per stage: characters read, then rows checked.
 */
export async function parseConnectionsAsync(
  text: string,
  onProgress?: (stage: 'reading' | 'checking', done: number, total: number) => void,
): Promise<ParsedContacts> {
  const body = connectionsBody(text);
  const delimiter = headerDelimiter(body);
  const table = await readCsvAsync(body, {
    delimiter,
    onProgress: (done, total) => onProgress?.('reading', done, total),
  });
  const parsed: ParsedContacts = { incoming: [], skipped: [], issues: [], rows: table.filled };
  const read = connectionsRowReader(table, parsed, delimiter);
  const slice = createSlicer((done, total) => onProgress?.('checking', done, total));
  for (let i = 0; i < table.rows.length; i++) {
    read(table.rows[i]!, i);
    await slice(i + 1, table.rows.length);
  }
  onProgress?.('checking', table.rows.length, table.rows.length);
  return parsed;
}
