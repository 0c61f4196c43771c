import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { getSettings, updateSettings } from '../../storage/settings';
import { useWrite } from '../use-write';
import { i18n } from '../../model/i18n';

/** Follow-up reminders beyond the badge: the opt-in daily notification. */
export function FollowUpSettings() {
  const settings = useLiveQuery(getSettings, []);
  const { error, run } = useWrite();
  const [saved, setSaved] = useState(false);
  const hintId = useId();

  if (!settings) return <p className="muted">{i18n.t('settings.loadingSettings')}</p>;

  const toggle = async (dailySummary: boolean) => {
    setSaved(false);
    if (await run(() => updateSettings({ dailySummary }))) setSaved(true);
  };

  return (
    <section className="stack" aria-labelledby="followup-reminders-heading" data-testid="followup-settings">
      <h2 id="followup-reminders-heading">{i18n.t('settings.followUpReminders')}</h2>
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: 8, fontSize: 14, color: 'var(--fg)' }}>
        <input
          type="checkbox"
          style={{ width: 'auto' }}
          checked={settings.dailySummary}
          aria-describedby={hintId}
          onChange={(e) => void toggle(e.target.checked)}
        />{i18n.t('settings.dailySummaryNotification')}</label>
      <p id={hintId} className="muted" style={{ margin: 0 }}>{i18n.t('settings.onceADayWhen')}</p>
      <p aria-live="polite" className={error ? 'error' : 'muted'} style={{ margin: 0, minHeight: '1.4em' }}>
        {error ?? (saved ? i18n.t('settings.saved') : '')}
      </p>
    </section>
  );
}
