// Import reports as the page shows them in English: the portability modules give locale keys and values
// (model/user-text.ts), the tests read the sentences a person would.
import { say } from '../../../model/user-text';
import type { ImportFailure, ImportIssue, SkippedRow } from '../../../portability/issues';
import { describeIssue } from '../../../portability/issues';

export const saidIssues = (issues: readonly ImportIssue[]) => issues.map(({ text, ...rest }) => ({ ...rest, message: say(text) }));
export const saidSkips = (skips: readonly SkippedRow[]) => skips.map(({ reason, ...rest }) => ({ ...rest, reason: say(reason) }));
/** The failure and its report lines, one a line, as the import wizard shows them. */
export const saidFailure = (failure: ImportFailure) => [failure.message, ...failure.issues.map(describeIssue)].join('\n');
