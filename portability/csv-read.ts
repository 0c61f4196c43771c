/** Reads CSV text into a header and rows with papaparse, refusing files that are broken or empty. */
import Papa from 'papaparse';
import { ImportFailure, type ImportIssue } from './issues';
import { MAX_CSV_ROWS } from './limits';
import { createSlicer, type Progress } from './slices';
import { userText } from '../model/user-text';

export interface CsvTable {
  header: string[];
  /**
   * Data rows, the header excluded; row i of this array is the file's data
   * row i + 1, blank lines included, so that reports name the row the user
   * sees in a spreadsheet. Importers skip blank rows.
   */
  rows: string[][];
  /** Rows with at least one non-blank cell. */
  filled: number;
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Papaparse's structural errors as report lines; `rowOffset` turns its index into a data-row number. */
function structuralIssues(errors: Papa.ParseError[], rowOffset: number): ImportIssue[] {
  return errors.map((e) => ({
    row: Math.max(1, (e.row ?? 0) + rowOffset),
    field: '',
    // Papaparse's other errors are its own English, shown as the detail of a general line.
    text:
      e.code === 'MissingQuotes'
        ? userText('portability.csv.quoteNeverClosed')
        : e.code === 'InvalidQuotes'
          ? userText('portability.csv.quoteMisplaced')
          : userText('portability.csv.unreadable', { detail: e.message }),
  }));
}

/**
 * The delimiter of the header line: the most frequent of comma, semicolon
 * (Excel in many European locales) and tab, outside quotes. Guessed from the
 * header alone because data cells (notes) hold all three.
 */
export function headerDelimiter(body: string): string {
  const line = body.replace(/^[\r\n]+/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/**
 * Parses CSV text whose first non-empty line is the header. Any structural
 * error (a broken quote) fails the whole file: a guess could shift every
 * column of the rows after it.
 */
export function readCsv(text: string, options: { delimiter?: string } = {}): CsvTable {
  const body = nonEmptyBody(text);
  const result = Papa.parse<string[]>(body, {
    // Blank lines are kept (and skipped by the importers) so that row numbers match the file.
    skipEmptyLines: false,
    delimiter: options.delimiter ?? headerDelimiter(body),
  });
  return tableOf(result.data, result.errors);
}

/** Characters handed to the parser at a time by readCsvAsync; a few milliseconds of work. */
export const PARSE_CHUNK_CHARS = 64 * 1024;

/**
 * readCsv for large files: the same table and the same failures, parsed in
 * chunks with the event loop free between slices. Papaparse's own chunking
 * (Parser with `ignoreLastRow`, the unfinished last row carried into the
 * next chunk) keeps a quoted value that spans two chunks whole.
 */
export async function readCsvAsync(
  text: string,
  options: { delimiter?: string; onProgress?: Progress; chunkChars?: number } = {},
): Promise<CsvTable> {
  const body = nonEmptyBody(text);
  const delimiter = options.delimiter ?? headerDelimiter(body);
  const step = Math.max(1, options.chunkChars ?? PARSE_CHUNK_CHARS);
  // Papa.parse guesses the line break from the first megabyte; asking it the same way gives the same answer.
  const newline = Papa.parse<string[]>(body.substring(0, 1024 * 1024), { delimiter, preview: 1 }).meta.linebreak;
  const slice = createSlicer(options.onProgress);
  const data: string[][] = [];
  const errors: Papa.ParseError[] = [];
  let carried = '';
  let base = 0;
  let position = 0;
  for (;;) {
    const next = Math.min(body.length, position + step);
    const last = next >= body.length;
    const input = carried + body.substring(position, next);
    position = next;
    const result = new Papa.Parser({ delimiter, newline: newline as Papa.ParseConfig['newline'] }).parse(input, base, !last) as Papa.ParseResult<string[]>;
    for (const error of result.errors) {
      // The unfinished last row is read again with the next chunk; what the cut made of it (a "" split
      // in two looks like a misplaced quote) is not an error of the file.
      if (!last && (error.row ?? 0) >= result.data.length) continue;
      // The parser numbers rows from the start of its input; the whole file's numbering continues from the rows before.
      errors.push({ ...error, row: (error.row ?? 0) + data.length });
    }
    for (const row of result.data) data.push(row);
    if (last) break;
    carried = input.substring(result.meta.cursor - base);
    base = result.meta.cursor;
    await slice(position, body.length);
  }
  options.onProgress?.(body.length, body.length);
  return tableOf(data, errors);
}

function nonEmptyBody(text: string): string {
  const body = stripBom(text);
  if (body.trim() === '') throw new ImportFailure(userText('portability.fileEmpty'));
  return body;
}

function tableOf(data: string[][], errors: Papa.ParseError[]): CsvTable {
  const start = data.findIndex((row) => !isBlankRow(row));
  // Papaparse counts rows from the top of the text; reports count from the first row under the header.
  const issues = structuralIssues(errors, -Math.max(0, start));
  if (issues.length > 0) {
    throw new ImportFailure(userText('portability.csv.invalid', { row: issues[0]!.row }), issues);
  }
  const header = data[start];
  if (start === -1 || !header) throw new ImportFailure(userText('portability.fileEmpty'));
  const rows = data.slice(start + 1);
  const filled = rows.filter((row) => !isBlankRow(row)).length;
  if (filled === 0) throw new ImportFailure(userText('portability.csv.noRows'));
  if (filled > MAX_CSV_ROWS) {
    throw new ImportFailure(userText('portability.csv.tooManyRows', { rows: filled, max: MAX_CSV_ROWS }));
  }
  return { header: header.map((h) => h.trim()), rows, filled };
}

/**
 * A cell as the user meant it. CSV exports guard against spreadsheet formula
 * injection by prefixing `'` to cells that start with = + - @ (papaparse's
 * escapeFormulae); that guard is taken off again here.
 */
export function cellValue(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
