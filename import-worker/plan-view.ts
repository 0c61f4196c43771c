/**
 * What the import wizard shows of a contact import plan: exact counts and the
 * first lines of each list. The plan of a 100,000-row file holds 100,000
 * contacts; the view holds a few hundred short strings, so that it crosses
 * from the import worker to the page in no time (RELIABILITY L3).
 */
import type { ContactPlanView, ProgramPlanView, RestorePlanView } from '../messages/import-worker';
import type { ImportIssue, SkippedRow } from '../portability/issues';
import { REPORT_LINES, REPORT_TEXT } from '../portability/limits';
import type { ContactImportPlan } from '../portability/plan';
import type { RestorePlan } from '../portability/restore';
import type { ParsedPrograms, ProgramImportPlan } from '../portability/program-csv';
import type { UserText } from '../model/user-text';

export type { ContactPlanView, ProgramPlanView, RestorePlanView };

/** Text cut to what a report line shows. */
export function clip(text: string, max = REPORT_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A UserText whose values (a cell, a parser's detail) are cut to what a report line shows. */
export function clipText(text: UserText): UserText {
  if (!text.values) return text;
  const values = Object.fromEntries(Object.entries(text.values).map(([k, v]) => [k, typeof v === 'string' ? clip(v) : v]));
  return { ...text, values };
}

export function clipIssue(issue: ImportIssue): ImportIssue {
  return { ...issue, field: clip(issue.field), text: clipText(issue.text) };
}

function clipSkip(skip: SkippedRow): SkippedRow {
  return { row: skip.row, name: clip(skip.name), reason: clipText(skip.reason) };
}

function firstOf<T, U>(items: readonly T[], map: (item: T, index: number) => U, lines: number): { total: number; items: U[] } {
  return { total: items.length, items: items.slice(0, lines).map(map) };
}

export function viewOfPlan(plan: ContactImportPlan, lines = REPORT_LINES): ContactPlanView {
  return {
    rows: plan.rows,
    add: firstOf(
      plan.add,
      (contact, i) => ({
        row: plan.addRows[i] ?? 0,
        name: clip(contact.fullName),
        ...(contact.organization ? { organization: clip(contact.organization) } : {}),
      }),
      lines,
    ),
    update: firstOf(plan.update, (u) => ({ row: u.row, name: clip(u.before.fullName), fields: u.fields }), lines),
    skip: firstOf(plan.skip, clipSkip, lines),
    errors: firstOf(plan.errors, clipIssue, lines),
  };
}

/** One line for the report: "Would add 5 contacts, update 1 and skip 2." */
export function summarizePlan(view: Pick<ContactPlanView, 'add' | 'update' | 'skip'>, done = false): string {
  const [add, update, skip] = [view.add.total, view.update.total, view.skip.total];
  const verb = done ? ['Added', 'updated', 'skipped'] : ['Would add', 'update', 'skip'];
  return `${verb[0]} ${add} contact${add === 1 ? '' : 's'}, ${verb[1]} ${update} and ${verb[2]} ${skip}.`;
}

/** What the wizard shows of a restore plan: counts, and the first lines of each list. */
export function viewOfRestore(plan: RestorePlan, exportedAt: string, lines = REPORT_LINES): RestorePlanView {
  return {
    mode: plan.mode,
    exportedAt: clip(exportedAt, 40),
    contacts: {
      add: firstOf(plan.contacts.add, (c) => clip(c.fullName), lines),
      update: firstOf(plan.contacts.update, (u) => clip(u.after.fullName), lines),
      skip: firstOf(plan.contacts.skip, clipSkip, lines),
    },
    interactions: { add: plan.interactions.add.length },
    templates: { add: plan.templates.add.length, update: plan.templates.update.length },
    trash: { add: plan.trash.add.length },
    letters: { add: plan.letters.add.length },
    programs: { add: plan.programs.add.length, update: plan.programs.update.length, links: plan.programs.links.length },
    removed: { ...plan.removed },
    settingsChanged: [...plan.settingsChanged],
    errors: firstOf(plan.errors, clipIssue, lines),
  };
}

/** One line for a restore's report: "Would add 5 contacts, update 1, skip 2; 3 interactions and 1 template to add." */
export function summarizeRestoreView(view: RestorePlanView, done = false): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const c = view.contacts;
  if (view.mode === 'replace') {
    return `${done ? 'Restored' : 'Would restore'} ${n(c.add.total, 'contact')}, ${n(view.interactions.add, 'interaction')}, ${n(view.templates.add, 'template')}, ${n(view.trash.add, 'deleted contact')}${view.letters.add > 0 ? `, ${n(view.letters.add, 'letter')}` : ''} and the settings${
      done ? '' : `, replacing ${n(view.removed.contacts, 'current contact')}`
    }.`;
  }
  return `${done ? 'Added' : 'Would add'} ${n(c.add.total, 'contact')}, ${done ? 'updated' : 'update'} ${c.update.total}, ${done ? 'skipped' : 'skip'} ${c.skip.total}; ${n(view.interactions.add, 'interaction')}${view.letters.add > 0 ? `, ${n(view.letters.add, 'letter')}` : ''} and ${n(view.templates.add + view.templates.update, 'template')} ${done ? 'added' : 'to add'}.`;
}

/** The report's one line; the same text whether the plan is at hand or only its view. */
export function summarizeRestore(plan: RestorePlan, done = false): string {
  return summarizeRestoreView(viewOfRestore(plan, '', 0), done);
}

/** What the Programs view shows of a program spreadsheet's dry run: the plan's counts and first lines, the unknown status words and the bad rows. */
export function viewOfProgramPlan(parsed: ParsedPrograms, plan: ProgramImportPlan, lines = REPORT_LINES): ProgramPlanView {
  return {
    add: firstOf(plan.add, (program) => clip(program.name), lines),
    update: firstOf(plan.update, (u) => ({ row: u.row, name: clip(u.after.name) }), lines),
    same: plan.same,
    unknownStatuses: firstOf(parsed.unknownStatuses, (u) => ({ word: clip(u.word), rows: u.rows.length, firstRow: u.rows[0] ?? 0 }), lines),
    errors: firstOf(parsed.issues, clipIssue, lines),
  };
}
