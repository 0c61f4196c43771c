import { useEffect, useId, useState } from 'react';

interface Props {
  label: string;
  value: string | undefined;
  /** Returns an error message for an invalid value. */
  validate?(value: string): string | undefined;
  onSave(value: string): Promise<unknown>;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date';
  className?: string;
  placeholder?: string;
}

/** A field that saves itself when left (autosave), after validation, and says so. */
export function TextField({ label, value, validate, onSave, multiline, type = 'text', className, placeholder }: Props) {
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string>();
  const id = useId();
  // Follow changes made elsewhere (another context, a re-capture) while not editing.
  useEffect(() => setDraft(value ?? ''), [value]);

  const commit = async () => {
    const next = draft.trim();
    if (next === (value ?? '')) return;
    const problem = validate?.(next);
    setError(problem);
    if (problem) return;
    try {
      await onSave(next);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onBlur: () => void commit(),
  } as const;

  return (
    <label className={className} htmlFor={id}>
      {label}
      {multiline ? (
        <textarea rows={4} {...common} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          type={type}
          {...common}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
