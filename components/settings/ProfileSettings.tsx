import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { notifyDataChanged } from '../../messages';
import { getSettings, updateSettings } from '../../storage/settings';
import type { Settings } from '../../storage/schemas';
import { TextField } from '../contacts/TextField';

type TextKey = 'myName' | 'mySchool' | 'myYear' | 'mySpecialty' | 'signature';

const FIELDS: { key: TextKey; label: string; placeholder: string; multiline?: boolean }[] = [
  { key: 'myName', label: 'Your name', placeholder: 'e.g. Alex Kim' },
  { key: 'mySchool', label: 'Your school', placeholder: 'e.g. Perelman School of Medicine' },
  { key: 'myYear', label: 'Year or class', placeholder: 'e.g. MS4, class of 2027' },
  { key: 'mySpecialty', label: 'Specialty of interest', placeholder: 'e.g. Internal medicine' },
  { key: 'signature', label: 'Signature', placeholder: 'Alex Kim\nMS4, Perelman School of Medicine', multiline: true },
];

function wholeIn(raw: string, min: number, max: number): boolean {
  const n = Number(raw);
  return raw.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
}

/** The user's own profile (used in templates) and the follow-up cadence. Saved as it is typed (components/use-autosave.ts). */
export function ProfileSettings() {
  const settings = useLiveQuery(getSettings, []);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  if (!settings) return <p className="muted">Loading settings…</p>;

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
      <h2 id="profile-heading">Your profile</h2>
      <p className="muted" style={{ margin: 0 }}>
        Templates fill these in as {'{{myName}}'}, {'{{mySchool}}'}, {'{{myYear}}'}, {'{{mySpecialty}}'} and {'{{signature}}'}.
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
      <h2>Follow-ups</h2>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <TextField
          className="grow"
          journal="settings:followUpDays"
          label="Days between follow-ups"
          type="number"
          value={String(settings.followUpDays)}
          validate={(value) => (wholeIn(value, 1, 365) ? undefined : 'Days between follow-ups must be a whole number from 1 to 365.')}
          onSave={(value) => save({ followUpDays: Number(value) })}
        />
        <TextField
          className="grow"
          journal="settings:maxFollowUps"
          label="Follow-ups before “no response”"
          type="number"
          value={String(settings.maxFollowUps)}
          validate={(value) => (wholeIn(value, 0, 20) ? undefined : 'Follow-ups before “no response” must be a whole number from 0 to 20.')}
          onSave={(value) => save({ maxFollowUps: Number(value) })}
        />
      </div>
      <p aria-live="polite" className={error ? 'error' : 'muted'} style={{ margin: 0, minHeight: '1.4em' }}>
        {error ?? (saved ? 'Saved.' : '')}
      </p>
    </section>
  );
}
