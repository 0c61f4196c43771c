/** The keep-in-touch interval choice (off, every month … every year), for a contact, a selection or a tag. */
import { i18n } from '../../model/i18n';

export const INTERVALS = [30, 60, 90, 182, 365] as const;

export function intervalLabel(days: number): string {
  switch (days) {
    case 30:
      return i18n.t('letters.keep.every1m');
    case 60:
      return i18n.t('letters.keep.every2m');
    case 90:
      return i18n.t('letters.keep.every3m');
    case 182:
      return i18n.t('letters.keep.every6m');
    case 365:
      return i18n.t('letters.keep.every1y');
    default:
      return i18n.t('letters.keep.everyDays', days, { n: days });
  }
}

interface Props {
  label: string;
  value: number | undefined;
  /** What "off" is called here: "Off" for a contact, "Choose…" for a bulk action. */
  offLabel?: string;
  onChange(days: number | undefined): void;
}

export function KeepInTouchSelect({ label, value, offLabel, onChange }: Props) {
  const options = value !== undefined && !INTERVALS.includes(value as (typeof INTERVALS)[number]) ? [value, ...INTERVALS] : INTERVALS;
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">{offLabel ?? i18n.t('letters.keep.off')}</option>
        {options.map((days) => (
          <option key={days} value={days}>
            {intervalLabel(days)}
          </option>
        ))}
      </select>
    </label>
  );
}
