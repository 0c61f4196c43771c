import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { notifyDataChanged } from '../../messages';
import { getSettings, updateSettings } from '../../storage/settings';
import type { Settings } from '../../storage/schemas';
import { i18n } from '#i18n';

type TextKey = 'myName' | 'mySchool' | 'myYear' | 'mySpecialty' | 'signature';

const FIELDS: { key: TextKey; label: string; placeholder: string; multiline?: boolean }[] = [
  { key: 'myName', get label() { return i18n.t('settings.yourName'); }, get placeholder() { return i18n.t('settings.yourNameExample'); } },
  { key: 'mySchool', get label() { return i18n.t('settings.yourSchool'); }, get placeholder() { return i18n.t('settings.yourSchoolExample'); } },
  { key: 'myYear', get label() { return i18n.t('settings.yearOrClass'); }, get placeholder() { return i18n.t('settings.yearOrClassExample'); } },
  { key: 'mySpecialty', get label() { return i18n.t('settings.specialtyOfInterest'); }, get placeholder() { return i18n.t('settings.specialtyOfInterestExample'); } },
  { key: 'signature', get label() { return i18n.t('settings.signature'); }, get placeholder() { return i18n.t('settings.signatureExample'); }, multiline: true },
];

/** The user's own profile (used in templates) and the follow-up cadence. Saved as each field is left. */
export function ProfileSettings() {
  const settings = useLiveQuery(getSettings, []);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  if (!settings) return <p className="muted">{i18n.t('settings.loadingSettings')}</p>;

  const save = async (patch: Partial<Settings>) => {
    setError(undefined);
    setSaved(false);
    try {
      await updateSettings(patch);
      setSaved(true);
      await notifyDataChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="stack" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{i18n.t('settings.yourProfile')}</h2>
      <p className="muted" style={{ margin: 0 }}>{i18n.t('settings.templatesFillTheseIn', { a: '{{myName}}', b: '{{mySchool}}', c: '{{myYear}}', d: '{{mySpecialty}}', e: '{{signature}}' })}
      </p>
      {FIELDS.map(({ key, label, placeholder, multiline }) => (
        <label key={key}>
          {label}
          {multiline ? (
            <textarea rows={3} defaultValue={settings[key]} placeholder={placeholder} onBlur={(e) => e.target.value !== settings[key] && void save({ [key]: e.target.value })} />
          ) : (
            <input defaultValue={settings[key]} placeholder={placeholder} onBlur={(e) => e.target.value !== settings[key] && void save({ [key]: e.target.value })} />
          )}
        </label>
      ))}
      <h2>{i18n.t('settings.followUps')}</h2>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <label style={{ flex: 1 }}>{i18n.t('settings.daysBetweenFollowUps')}<input
            type="number"
            min={1}
            max={365}
            defaultValue={settings.followUpDays}
            onBlur={(e) => {
              const days = Number(e.target.value);
              if (Number.isInteger(days) && days >= 1 && days <= 365) void save({ followUpDays: days });
              else setError(i18n.t('settings.daysInvalid'));
            }}
          />
        </label>
        <label style={{ flex: 1 }}>{i18n.t('settings.followUpsBeforeNo')}<input
            type="number"
            min={0}
            max={20}
            defaultValue={settings.maxFollowUps}
            onBlur={(e) => {
              const count = Number(e.target.value);
              if (Number.isInteger(count) && count >= 0 && count <= 20) void save({ maxFollowUps: count });
              else setError(i18n.t('settings.maxInvalid'));
            }}
          />
        </label>
      </div>
      <p aria-live="polite" className={error ? 'error' : 'muted'} style={{ margin: 0, minHeight: '1.4em' }}>
        {error ?? (saved ? i18n.t('settings.saved') : '')}
      </p>
    </section>
  );
}
