import { i18n } from '#i18n';
import { describeIssue, type ImportIssue, type SkippedRow } from '../../portability/issues';
import { REPORT_LINES } from '../../portability/limits';
import type { ContactPlanView, RestorePlanView } from '../../portability/plan-view';

/** Long lists are cut: the counts above them stay exact. */
const SHOWN = REPORT_LINES;

/** `total` is the length of the whole list when `items` holds only its first lines. */
function Listed<T>({ items, total = items.length, label, render }: { items: readonly T[]; total?: number; label: string; render: (item: T) => string }) {
  if (total === 0) return null;
  const shown = items.slice(0, SHOWN);
  return (
    <details open={total <= 10}>
      <summary>
        {label} ({total})
      </summary>
      <ul className="data-report-list">
        {shown.map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
        {total > shown.length && <li className="muted">…and {total - shown.length} more</li>}
      </ul>
    </details>
  );
}

export function IssueList({ issues, total = issues.length }: { issues: readonly ImportIssue[]; total?: number }) {
  if (total === 0) return null;
  const shown = issues.slice(0, SHOWN);
  return (
    <div className="stack" data-testid="import-errors">
      <p className="error" role="alert">
        Nothing will be imported until {total === 1 ? 'this problem is' : `these ${total} problems are`} fixed in the file:
      </p>
      <ul className="data-report-list">
        {shown.map((issue, i) => (
          <li key={i}>{describeIssue(issue)}</li>
        ))}
        {total > shown.length && <li className="muted">…and {total - shown.length} more</li>}
      </ul>
    </div>
  );
}

const skipLine = (s: SkippedRow) => `Row ${s.row}, ${s.name}: ${s.reason}`;

/** The dry run of a contact import: who would be added, what would be filled in, who is skipped and why. */
export function ContactPlanReport({ plan }: { plan: ContactPlanView }) {
  return (
    <div className="stack">
      <Listed
        items={plan.add.items}
        total={plan.add.total}
        label="To add"
        render={({ name, organization, row }) => `Row ${row}: ${name}${organization ? `, ${organization}` : ''}`}
      />
      <Listed
        items={plan.update.items}
        total={plan.update.total}
        label="To update (empty fields filled in)"
        render={(u) => `Row ${u.row}: ${u.name} — ${u.fields.join(', ')}`}
      />
      <Listed items={plan.skip.items} total={plan.skip.total} label="To skip" render={skipLine} />
      <IssueList issues={plan.errors.items} total={plan.errors.total} />
    </div>
  );
}

/** A setting as the user knows it from Settings, never its key. */
function settingName(key: string): string {
  const names: Record<string, () => string> = {
    myName: () => i18n.t('trust.settingNames.myName'),
    mySchool: () => i18n.t('trust.settingNames.mySchool'),
    myYear: () => i18n.t('trust.settingNames.myYear'),
    mySpecialty: () => i18n.t('trust.settingNames.mySpecialty'),
    signature: () => i18n.t('trust.settingNames.signature'),
    followUpDays: () => i18n.t('trust.settingNames.followUpDays'),
    maxFollowUps: () => i18n.t('trust.settingNames.maxFollowUps'),
    dailySummary: () => i18n.t('trust.settingNames.dailySummary'),
    myAamcId: () => i18n.t('trust.settingNames.myAamcId'),
    linkedinPremium: () => i18n.t('trust.settingNames.linkedinPremium'),
    channelLimits: () => i18n.t('trust.settingNames.channelLimits'),
  };
  return names[key]?.() ?? key;
}

export function RestorePlanReport({ plan }: { plan: RestorePlanView }) {
  const c = plan.contacts;
  return (
    <div className="stack">
      {plan.mode === 'replace' && plan.removed.contacts + plan.removed.interactions + plan.removed.templates + plan.removed.trash > 0 && (
        <p className="error">
          Replacing erases what is here now: {plan.removed.contacts} contacts, {plan.removed.interactions} interactions,{' '}
          {plan.removed.templates} templates and {plan.removed.trash} deleted contacts, and your settings.
        </p>
      )}
      <p data-testid="restore-settings">
        {plan.settingsChanged.length > 0
          ? i18n.t('trust.settingsToChange', { names: plan.settingsChanged.map(settingName).join(', ') })
          : i18n.t('trust.settingsKept')}
      </p>
      <Listed items={c.add.items} total={c.add.total} label="Contacts to add" render={(name) => name} />
      <Listed items={c.update.items} total={c.update.total} label="Contacts to update (the backup’s copy is newer)" render={(name) => name} />
      <Listed items={c.skip.items} total={c.skip.total} label="Contacts to skip" render={(s) => `${s.name}: ${s.reason}`} />
      <IssueList issues={plan.errors.items} total={plan.errors.total} />
    </div>
  );
}
