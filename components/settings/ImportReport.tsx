import { describeIssue, type ImportIssue, type SkippedRow } from '../../portability/issues';
import type { ContactImportPlan } from '../../portability/plan';
import type { RestorePlan } from '../../portability/restore';

/** Long lists are cut: the counts above them stay exact. */
const SHOWN = 50;

function Listed<T>({ items, label, render }: { items: readonly T[]; label: string; render: (item: T) => string }) {
  if (items.length === 0) return null;
  return (
    <details open={items.length <= 10}>
      <summary>
        {label} ({items.length})
      </summary>
      <ul className="data-report-list">
        {items.slice(0, SHOWN).map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
        {items.length > SHOWN && <li className="muted">…and {items.length - SHOWN} more</li>}
      </ul>
    </details>
  );
}

export function IssueList({ issues }: { issues: readonly ImportIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="stack" data-testid="import-errors">
      <p className="error" role="alert">
        Nothing will be imported until {issues.length === 1 ? 'this problem is' : `these ${issues.length} problems are`} fixed in the file:
      </p>
      <ul className="data-report-list">
        {issues.slice(0, SHOWN).map((issue, i) => (
          <li key={i}>{describeIssue(issue)}</li>
        ))}
        {issues.length > SHOWN && <li className="muted">…and {issues.length - SHOWN} more</li>}
      </ul>
    </div>
  );
}

const skipLine = (s: SkippedRow) => `Row ${s.row}, ${s.name}: ${s.reason}`;

/** The dry run of a contact import: who would be added, what would be filled in, who is skipped and why. */
export function ContactPlanReport({ plan }: { plan: ContactImportPlan }) {
  return (
    <div className="stack">
      <Listed
        items={plan.add.map((c, i) => ({ contact: c, row: plan.addRows[i] }))}
        label="To add"
        render={({ contact, row }) => `Row ${row}: ${contact.fullName}${contact.organization ? `, ${contact.organization}` : ''}`}
      />
      <Listed
        items={plan.update}
        label="To update (empty fields filled in)"
        render={(u) => `Row ${u.row}: ${u.before.fullName} — ${u.fields.join(', ')}`}
      />
      <Listed items={plan.skip} label="To skip" render={skipLine} />
      <IssueList issues={plan.errors} />
    </div>
  );
}

export function RestorePlanReport({ plan }: { plan: RestorePlan }) {
  return (
    <div className="stack">
      {plan.mode === 'replace' && plan.removed.contacts + plan.removed.interactions + plan.removed.templates + plan.removed.trash > 0 && (
        <p className="error">
          Replacing erases what is here now: {plan.removed.contacts} contacts, {plan.removed.interactions} interactions,{' '}
          {plan.removed.templates} templates and {plan.removed.trash} deleted contacts, and your settings.
        </p>
      )}
      <Listed items={plan.contacts.add} label="Contacts to add" render={(c) => c.fullName} />
      <Listed items={plan.contacts.update} label="Contacts to update (the backup’s copy is newer)" render={(u) => u.after.fullName} />
      <Listed items={plan.contacts.skip} label="Contacts to skip" render={(s) => `${s.name}: ${s.reason}`} />
      <IssueList issues={plan.errors} />
    </div>
  );
}
