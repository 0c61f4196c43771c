import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { DEFAULT_LIMITS, LIMIT_LABELS } from '../../drafting/limits';
import { getSettings, updateSettings } from '../../storage/settings';
import type { ChannelLimits, Settings } from '../../storage/schemas';
import { TextField } from '../contacts/TextField';

const LIMIT_KEYS = Object.keys(DEFAULT_LIMITS) as (keyof ChannelLimits)[];

/**
 * Drafting settings: the AAMC ID quoted in letter requests, whether the user
 * has LinkedIn Premium, and character limits, editable because LinkedIn
 * changes its own.
 */
export function DraftingSettings() {
  const settings = useLiveQuery(getSettings, []);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const premiumHint = useId();
  const limitsHint = useId();

  if (!settings) return <p className="muted">Loading settings…</p>;

  const save = async (patch: Partial<Settings> | ((stored: Settings) => Partial<Settings>)) => {
    setError(undefined);
    setSaved(false);
    try {
      await updateSettings(patch);
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const limitError = (key: keyof ChannelLimits, raw: string) => {
    if (raw === '') return undefined;
    const value = Number(raw);
    return Number.isInteger(value) && value >= 1 && value <= 100_000
      ? undefined
      : `${LIMIT_LABELS[key]} must be a whole number from 1 to 100,000, or empty for the default.`;
  };
  // Computed from the stored limits, so that a limit changed in another window is kept.
  const saveLimit = (key: keyof ChannelLimits, raw: string) =>
    save((stored) => {
      const next: ChannelLimits = { ...stored.channelLimits };
      const value = Number(raw);
      if (raw === '' || value === DEFAULT_LIMITS[key]) delete next[key];
      else next[key] = value;
      return { channelLimits: next };
    });

  const customized = Object.keys(settings.channelLimits).length > 0;

  return (
    <section className="stack" aria-labelledby="drafting-settings-heading" data-testid="drafting-settings">
      <h2 id="drafting-settings-heading">Drafting</h2>
      <TextField
        journal="settings:myAamcId"
        label="Your AAMC ID"
        inputMode="numeric"
        value={settings.myAamcId}
        placeholder="For letter of recommendation requests"
        onSave={(myAamcId) => save({ myAamcId })}
      />
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: 8, fontSize: 14, color: 'var(--fg)' }}>
        <input
          type="checkbox"
          style={{ width: 'auto' }}
          checked={settings.linkedinPremium}
          aria-describedby={premiumHint}
          onChange={(e) => void save({ linkedinPremium: e.target.checked })}
        />
        I have LinkedIn Premium
      </label>
      <p id={premiumHint} className="muted" style={{ margin: 0 }}>
        Connection notes can then be up to {settings.channelLimits.connectionNotePremium ?? DEFAULT_LIMITS.connectionNotePremium}{' '}
        characters instead of {settings.channelLimits.connectionNote ?? DEFAULT_LIMITS.connectionNote}.
      </p>

      <fieldset className="stack" aria-describedby={limitsHint}>
        <legend>Character limits</legend>
        <p id={limitsHint} className="muted" style={{ margin: 0 }}>
          LinkedIn changes these from time to time. Leave a field empty to use the default shown.
        </p>
        {LIMIT_KEYS.map((key) => (
          <TextField
            key={key}
            journal={`settings:channelLimits.${key}`}
            label={LIMIT_LABELS[key]}
            type="number"
            value={settings.channelLimits[key] === undefined ? '' : String(settings.channelLimits[key])}
            placeholder={`${DEFAULT_LIMITS[key]} (default)`}
            validate={(raw) => limitError(key, raw)}
            onSave={(raw) => saveLimit(key, raw)}
          />
        ))}
        <div>
          <button type="button" disabled={!customized} onClick={() => void save({ channelLimits: {} })}>
            Reset limits to defaults
          </button>
        </div>
      </fieldset>
      <p aria-live="polite" className={error ? 'error' : 'muted'} style={{ margin: 0, minHeight: '1.4em' }}>
        {error ?? (saved ? 'Saved.' : '')}
      </p>
    </section>
  );
}
