/** What an import found wrong with a file: one entry per bad row and field, for the report. */
import type { z } from 'zod';
import { MAX_LISTED_ISSUES } from './limits';

export interface ImportIssue {
  /** 1-based: the data row of a CSV (row 1 is the first row under the header), or the record's position in its backup section. */
  row: number;
  /** The column (CSV) or the field path (backup) at fault; '' when the whole row or file is. */
  field: string;
  message: string;
  /** The backup section the record belongs to (contacts, interactions…). */
  section?: string;
}

/** A row that is left out on purpose, not an error: it does not stop the import. */
export interface SkippedRow {
  row: number;
  name: string;
  reason: string;
}

/** Thrown when a file cannot be imported; nothing has been written. */
export class ImportFailure extends Error {
  constructor(
    message: string,
    readonly issues: ImportIssue[] = [],
  ) {
    super(message);
    this.name = 'ImportFailure';
  }
}

/** Turns zod's issues for one record into report lines, naming fields the way the user knows them. */
export function issuesFromZod(
  error: z.ZodError,
  row: number,
  label: (path: string) => string = (path) => path,
  section?: string,
): ImportIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      row,
      field: label(path),
      message: issue.message,
      ...(section ? { section } : {}),
    };
  });
}

/** One line of a report, for people: "Row 4, Email Address: Invalid email address". */
export function describeIssue(issue: ImportIssue): string {
  const where =
    issue.section === 'file'
      ? 'The file'
      : issue.section === 'settings'
        ? 'Settings'
        : issue.section
          ? `${issue.section} #${issue.row}`
          : `Row ${issue.row}`;
  return issue.field ? `${where}, ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** A summary message for a failed validation, listing at most a few issues inline. */
export function failureFor(issues: ImportIssue[]): ImportFailure {
  const n = issues.length;
  const shown = issues.slice(0, 3).map(describeIssue).join('; ');
  const more = n > 3 ? `; and ${n - 3} more` : '';
  return new ImportFailure(
    `Nothing was imported: ${n} problem${n === 1 ? '' : 's'} in the file (${shown}${more}).`,
    issues.slice(0, MAX_LISTED_ISSUES),
  );
}
