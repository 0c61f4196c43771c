/**
 * A setting that is on or off, with the sentence under it that says what it does (LinkedIn Premium, the daily
 * summary): the sentence describes the box for assistive technology, so it is read with it.
 */
import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  checked: boolean;
  hint: ReactNode;
  onChange(checked: boolean): void;
}

export function SettingCheckbox({ label, checked, hint, onChange }: Props) {
  const hintId = useId();
  return (
    <>
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: 8, fontSize: 14, color: 'var(--fg)' }}>
        <input type="checkbox" style={{ width: 'auto' }} checked={checked} aria-describedby={hintId} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      <p id={hintId} className="muted" style={{ margin: 0 }}>
        {hint}
      </p>
    </>
  );
}
