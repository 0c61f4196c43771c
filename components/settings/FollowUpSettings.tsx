import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { SettingCheckbox } from './SettingCheckbox';
import { getSettings, updateSettings } from '../../storage/settings';
import { useWrite } from '../use-write';
import { i18n } from '../../model/i18n';

/** Follow-up reminders beyond the badge: the opt-in daily notification. */
export function FollowUpSettings() {
  const settings = useLiveQuery(getSettings, []);
  const { error, run } = useWrite();
  const [saved, setSaved] = useState(false);

  if (!settings) return <p className="muted">{i18n.t('settings.loadingSettings')}</p>;

  const toggle = async (dailySummary: boolean) => {
    setSaved(false);
    if (await run(() => updateSettings({ dailySummary }))) setSaved(true);
  };

  return (
    <section className="stack" aria-labelledby="followup-reminders-heading" data-testid="followup-settings">
      <h2 id="followup-reminders-heading">{i18n.t('settings.followUpReminders')}</h2>
      <SettingCheckbox
        label={i18n.t('settings.dailySummaryNotification')}
        checked={settings.dailySummary}
        hint={i18n.t('settings.onceADayWhen')}
        onChange={(on) => void toggle(on)}
      />
      <p aria-live="polite" className={error ? 'error' : 'muted'} style={{ margin: 0, minHeight: '1.4em' }}>
        {error ?? (saved ? i18n.t('settings.saved') : '')}
      </p>
    </section>
  );
}
