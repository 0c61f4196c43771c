import { i18n } from '../../model/i18n';
import { describeIssue, type ImportIssue, type SkippedRow } from '../../portability/issues';
import { REPORT_LINES } from '../../portability/limits';
import type { ContactPlanView, RestorePlanView } from '../../import-worker/plan-view';
import { formatNumber } from '../format';
import { IMPORT_TARGETS, type ImportTarget } from '../../portability/csv-columns';
import { importTargetLabel } from '../labels';
import { say, userText } from '../../model/user-text';

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
        {total > shown.length && <li className="muted">{i18n.t('settings.andMore', { n: total - shown.length })}</li>}
      </ul>
    </details>
  );
}

export function IssueList({ issues, total = issues.length }: { issues: readonly ImportIssue[]; total?: number }) {
  if (total === 0) return null;
  const shown = issues.slice(0, SHOWN);
  return (
    <div className="stack" data-testid="import-errors">
      <p className="error" role="alert">{i18n.t('settings.nothingWillBeImported', total, { n: total })}</p>
      <ul className="data-report-list">
        {shown.map((issue, i) => (
          <li key={i}>{describeIssue(issue)}</li>
        ))}
        {total > shown.length && <li className="muted">{i18n.t('settings.andMore', { n: total - shown.length })}</li>}
      </ul>
    </div>
  );
}

const skipName = (s: SkippedRow) => s.name || say(userText('portability.noName'));
const skipLine = (s: SkippedRow) => i18n.t('settings.skipLine', { row: s.row, name: skipName(s), reason: say(s.reason) });

/** The dry run of a contact import: who would be added, what would be filled in, who is skipped and why. */
export function ContactPlanReport({ plan }: { plan: ContactPlanView }) {
  return (
    <div className="stack">
      <Listed
        items={plan.add.items}
        total={plan.add.total}
        label={i18n.t('settings.toAdd')}
        render={({ name, organization, row }) => organization ? i18n.t('settings.addLineOrg', { row, name, organization }) : i18n.t('settings.addLine', { row, name })}
      />
      <Listed
        items={plan.update.items}
        total={plan.update.total}
        label={i18n.t('settings.toUpdateEmptyFields')}
        render={(u) => i18n.t('settings.updateLine', { row: u.row, name: u.name, fields: u.fields.map(importFieldName).join(', ') })}
      />
      <Listed items={plan.skip.items} total={plan.skip.total} label={i18n.t('settings.toSkip')} render={skipLine} />
      <IssueList issues={plan.errors.items} total={plan.errors.total} />
    </div>
  );
}

/** A field an import fills, as the user knows it ("Connected on"), never its key ("connectedOn"). */
function importFieldName(key: string): string {
  if (key.startsWith('profiles.')) return importTargetLabel('profile');
  if (key === 'whereMet') return importTargetLabel('whereMetEvent');
  const targets = new Set<string>(IMPORT_TARGETS);
  return targets.has(key) ? importTargetLabel(key as ImportTarget) : key;
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
        <p className="error">{i18n.t('settings.replacingErasesWhatIs', { contacts: formatNumber(plan.removed.contacts), interactions: formatNumber(plan.removed.interactions), templates: formatNumber(plan.removed.templates), trash: formatNumber(plan.removed.trash) })}</p>
      )}
      <p data-testid="restore-settings">
        {plan.settingsChanged.length > 0
          ? i18n.t('trust.settingsToChange', { names: plan.settingsChanged.map(settingName).join(', ') })
          : i18n.t('trust.settingsKept')}
      </p>
      <Listed items={c.add.items} total={c.add.total} label={i18n.t('settings.contactsToAdd')} render={(name) => name} />
      <Listed items={c.update.items} total={c.update.total} label={i18n.t('settings.contactsToUpdateThe')} render={(name) => name} />
      <Listed items={c.skip.items} total={c.skip.total} label={i18n.t('settings.contactsToSkip')} render={(s) => `${skipName(s)}: ${say(s.reason)}`} />
      <IssueList issues={plan.errors.items} total={plan.errors.total} />
    </div>
  );
}
