import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { DEFAULT_LIMITS, LIMIT_LABELS } from '../../drafting/limits';
import { getSettings, updateSettings } from '../../storage/settings';
import type { ChannelLimits, Settings } from '../../storage/schemas';

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

  const save = async (patch: Partial<Settings>) => {
    setError(undefined);
    setSaved(false);
    try {
      await updateSettings(patch);
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const saveLimit = (key: keyof ChannelLimits, raw: string) => {
    const next: ChannelLimits = { ...settings.channelLimits };
    if (raw.trim() === '') delete next[key];
    else {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 1 || value > 100_000) {
        setError(`${LIMIT_LABELS[key]} must be a whole number from 1 to 100,000, or empty for the default.`);
        return;
      }
      if (value === DEFAULT_LIMITS[key]) delete next[key];
      else next[key] = value;
    }
    if (JSON.stringify(next) !== JSON.stringify(settings.channelLimits)) void save({ channelLimits: next });
  };

  const customized = Object.keys(settings.channelLimits).length > 0;

  return (
    <section className="stack" aria-labelledby="drafting-settings-heading" data-testid="drafting-settings">
      <h2 id="drafting-settings-heading">Drafting</h2>
      <label>
        Your AAMC ID
        <input
          key={`aamc-${settings.myAamcId}`}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={settings.myAamcId}
          placeholder="For letter of recommendation requests"
          onBlur={(e) => e.target.value.trim() !== settings.myAamcId && void save({ myAamcId: e.target.value })}
        />
      </label>
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
          <label key={key}>
            {LIMIT_LABELS[key]}
            <input
              key={`${key}-${settings.channelLimits[key] ?? ''}`}
              type="number"
              min={1}
              max={100_000}
              defaultValue={settings.channelLimits[key] ?? ''}
              placeholder={`${DEFAULT_LIMITS[key]} (default)`}
              onBlur={(e) => saveLimit(key, e.target.value)}
            />
          </label>
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
