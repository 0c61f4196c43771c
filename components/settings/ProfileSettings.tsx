import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getSettings, updateSettings } from '../../storage/settings';
import type { Settings } from '../../model/schemas';
import { TextField } from '../contacts/TextField';
import { useWrite } from '../use-write';
import { i18n } from '../../model/i18n';

type TextKey = 'myName' | 'mySchool' | 'myYear' | 'mySpecialty' | 'signature';

const FIELDS: { key: TextKey; label: string; placeholder: string; multiline?: boolean }[] = [
  { key: 'myName', get label() { return i18n.t('settings.yourName'); }, get placeholder() { return i18n.t('settings.yourNameExample'); } },
  { key: 'mySchool', get label() { return i18n.t('settings.yourSchool'); }, get placeholder() { return i18n.t('settings.yourSchoolExample'); } },
  { key: 'myYear', get label() { return i18n.t('settings.yearOrClass'); }, get placeholder() { return i18n.t('settings.yearOrClassExample'); } },
  { key: 'mySpecialty', get label() { return i18n.t('settings.specialtyOfInterest'); }, get placeholder() { return i18n.t('settings.specialtyOfInterestExample'); } },
  { key: 'signature', get label() { return i18n.t('settings.signature'); }, get placeholder() { return i18n.t('settings.signatureExample'); }, multiline: true },
];

function wholeIn(raw: string, min: number, max: number): boolean {
  const n = Number(raw);
  return raw.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
}

/** The user's own profile (used in templates) and the follow-up cadence. Saved as it is typed (components/use-autosave.ts). */
export function ProfileSettings() {
  const settings = useLiveQuery(getSettings, []);
  const { error, run } = useWrite();
  const [saved, setSaved] = useState(false);

  if (!settings) return <p className="muted">{i18n.t('settings.loadingSettings')}</p>;

  const save = async (patch: Partial<Settings>) => {
    setSaved(false);
    if (await run(() => updateSettings(patch))) setSaved(true);
  };

  return (
    <section className="stack" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{i18n.t('settings.yourProfile')}</h2>
      <p className="muted" style={{ margin: 0 }}>{i18n.t('settings.templatesFillTheseIn', { a: '{{myName}}', b: '{{mySchool}}', c: '{{myYear}}', d: '{{mySpecialty}}', e: '{{signature}}' })}
      </p>
      {FIELDS.map(({ key, label, placeholder, multiline }) => (
        <TextField
          key={key}
          journal={`settings:${key}`}
          label={label}
          multiline={multiline}
          rows={3}
          placeholder={placeholder}
          value={settings[key]}
          onSave={(value) => save({ [key]: value })}
        />
      ))}
      <h2>{i18n.t('settings.followUps')}</h2>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <TextField
          className="grow"
          journal="settings:followUpDays"
          label={i18n.t('settings.daysBetweenFollowUps')}
          type="number"
          value={String(settings.followUpDays)}
          validate={(value) => (wholeIn(value, 1, 365) ? undefined : i18n.t('settings.daysInvalid'))}
          onSave={(value) => save({ followUpDays: Number(value) })}
        />
        <TextField
          className="grow"
          journal="settings:maxFollowUps"
          label={i18n.t('settings.followUpsBeforeNo')}
          type="number"
          value={String(settings.maxFollowUps)}
          validate={(value) => (wholeIn(value, 0, 20) ? undefined : i18n.t('settings.maxInvalid'))}
          onSave={(value) => save({ maxFollowUps: Number(value) })}
        />
      </div>
      <p aria-live="polite" className={error ? 'error' : 'muted'} style={{ margin: 0, minHeight: '1.4em' }}>
        {error ?? (saved ? i18n.t('settings.saved') : '')}
      </p>
    </section>
  );
}
