import type { CSSProperties } from 'react';

interface Props<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  /** What the user reads for each option; the option itself when missing. */
  labels?: Partial<Record<NoInfer<T>, string>>;
  onChange(value: NoInfer<T>): void;
  style?: CSSProperties;
  className?: string;
}

/** A labelled choice among a fixed list of values (statuses, channels, kinds of interaction). */
export function Select<T extends string>({ label, value, options, labels, onChange, style, className }: Props<T>) {
  return (
    <label style={style} className={className}>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels?.[option] ?? option}
          </option>
        ))}
      </select>
    </label>
  );
}
