/**
 * What an import found wrong with a file: one entry per bad row and field, for the report. Every sentence is a
 * UserText (model/user-text.ts), never English: the import worker has no browser.i18n, so the page says them.
 */
import type { z } from 'zod';
import { UserError, say, userText, type UserText } from '../model/user-text';
import { validationText } from '../model/validation-text';
import { MAX_LISTED_ISSUES } from './limits';

export interface ImportIssue {
  /** 1-based: the data row of a CSV (row 1 is the first row under the header), or the record's position in its backup section. */
  row: number;
  /** The column (CSV) or the field path (backup) at fault; '' when the whole row or file is. */
  field: string;
  text: UserText;
  /** The backup section the record belongs to (contacts, interactions…). */
  section?: string;
}

/** A row that is left out on purpose, not an error: it does not stop the import. */
export interface SkippedRow {
  row: number;
  /** The row's name, or '' when it has none (the report says so). */
  name: string;
  reason: UserText;
}

/** Thrown when a file cannot be imported; nothing has been written. */
export class ImportFailure extends UserError {
  constructor(
    text: UserText,
    readonly issues: ImportIssue[] = [],
  ) {
    super(text);
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
      text: validationText(issue),
      ...(section ? { section } : {}),
    };
  });
}

/** Where an issue is, for people: "Row 4", "contacts #2", "Settings", "The file". */
export function issuePlace(issue: ImportIssue): UserText {
  if (issue.section === 'file') return userText('portability.place.file');
  if (issue.section === 'settings') return userText('portability.place.settings');
  if (issue.section) return userText('portability.place.record', { section: issue.section, row: issue.row });
  return userText('portability.place.row', { row: issue.row });
}

/** One line of a report, for people: "Row 4, Email Address: Enter an email address such as…". */
export function describeIssue(issue: ImportIssue): string {
  const where = say(issuePlace(issue));
  const problem = say(issue.text);
  return issue.field ? say(userText('portability.issueInField', { where, field: issue.field, problem })) : say(userText('portability.issue', { where, problem }));
}

/** A summary for a failed validation; the report lists the issues themselves. */
export function failureFor(issues: ImportIssue[]): ImportFailure {
  return new ImportFailure(userText('portability.problems', { n: issues.length }, issues.length), issues.slice(0, MAX_LISTED_ISSUES));
}
