import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { SettingCheckbox } from './SettingCheckbox';
import { DEFAULT_LIMITS } from '../../drafting/limits';
import { getSettings, updateSettings } from '../../storage/settings';
import type { ChannelLimits, Settings } from '../../model/schemas';
import { TextField } from '../contacts/TextField';
import { i18n } from '../../model/i18n';
import { formatNumber } from '../format';
import { limitLabel } from '../labels';
import { useWrite } from '../use-write';

const LIMIT_KEYS = Object.keys(DEFAULT_LIMITS) as (keyof ChannelLimits)[];

/**
 * Drafting settings: the AAMC ID quoted in letter requests, whether the user
 * has LinkedIn Premium, and character limits, editable because LinkedIn
 * changes its own.
 */
export function DraftingSettings() {
  const settings = useLiveQuery(getSettings, []);
  const { error, run } = useWrite();
  const [saved, setSaved] = useState(false);
  const limitsHint = useId();

  if (!settings) return <p className="muted">{i18n.t('settings.loadingSettings')}</p>;

  const save = async (patch: Partial<Settings> | ((stored: Settings) => Partial<Settings>)) => {
    setSaved(false);
    if (await run(() => updateSettings(patch))) setSaved(true);
  };

  const limitError = (key: keyof ChannelLimits, raw: string) => {
    if (raw === '') return undefined;
    const value = Number(raw);
    return Number.isInteger(value) && value >= 1 && value <= 100_000 ? undefined : i18n.t('settings.limitInvalid', { limit: limitLabel(key) });
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
      <h2 id="drafting-settings-heading">{i18n.t('settings.drafting')}</h2>
      <TextField
        journal="settings:myAamcId"
        label={i18n.t('settings.yourAamcId')}
        inputMode="numeric"
        value={settings.myAamcId}
        placeholder={i18n.t('settings.forLetterOfRecommendation')}
        onSave={(myAamcId) => save({ myAamcId })}
      />
      <SettingCheckbox
        label={i18n.t('settings.iHaveLinkedinPremium')}
        checked={settings.linkedinPremium}
        hint={i18n.t('settings.premiumHint', { premium: formatNumber(settings.channelLimits.connectionNotePremium ?? DEFAULT_LIMITS.connectionNotePremium), basic: formatNumber(settings.channelLimits.connectionNote ?? DEFAULT_LIMITS.connectionNote) })}
        onChange={(linkedinPremium) => void save({ linkedinPremium })}
      />

      <fieldset className="stack" aria-describedby={limitsHint}>
        <legend>{i18n.t('settings.characterLimits')}</legend>
        <p id={limitsHint} className="muted" style={{ margin: 0 }}>{i18n.t('settings.linkedinChangesTheseFrom')}</p>
        {LIMIT_KEYS.map((key) => (
          <TextField
            key={key}
            journal={`settings:channelLimits.${key}`}
            label={limitLabel(key)}
            type="number"
            value={settings.channelLimits[key] === undefined ? '' : String(settings.channelLimits[key])}
            placeholder={i18n.t('settings.default', { DEFAULT_LIMITS: DEFAULT_LIMITS[key] })}
            validate={(raw) => limitError(key, raw)}
            onSave={(raw) => saveLimit(key, raw)}
          />
        ))}
        <div>
          <button type="button" disabled={!customized} onClick={() => void save({ channelLimits: {} })}>{i18n.t('settings.resetLimitsToDefaults')}</button>
        </div>
      </fieldset>
      <p aria-live="polite" className={error ? 'error' : 'muted'} style={{ margin: 0, minHeight: '1.4em' }}>
        {error ?? (saved ? i18n.t('settings.saved') : '')}
      </p>
    </section>
  );
}
