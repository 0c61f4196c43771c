import { useId } from 'react';
import { SaveState } from '../SaveState';
import { useAutosave } from '../use-autosave';

interface Props {
  label: string;
  value: string | undefined;
  /** Returns an error message for an invalid value. */
  validate?(value: string): string | undefined;
  onSave(value: string): Promise<unknown>;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'number';
  inputMode?: 'numeric' | 'text';
  rows?: number;
  className?: string;
  placeholder?: string;
}

const sameText = (a: string, b: string) => a.trim() === b.trim();

/**
 * A field that saves itself as the user types (components/use-autosave.ts), after validation, and says so; a change
 * made elsewhere while it is being edited is shown, never typed over.
 */
export function TextField({ label, value, validate, onSave, multiline, type = 'text', className, placeholder, inputMode, rows = 4 }: Props) {
  const id = useId();
  const autosave = useAutosave({
    value: value ?? '',
    equals: sameText,
    validate: validate ? (v) => validate(v.trim()) : undefined,
    save: (v) => onSave(v.trim()),
  });
  const invalid = autosave.status === 'error' || autosave.elsewhere !== undefined;

  const common = {
    id,
    value: autosave.draft,
    placeholder,
    'aria-invalid': autosave.status === 'error' ? true : undefined,
    'aria-describedby': invalid ? `${id}-state` : undefined,
    onBlur: autosave.flush,
  } as const;

  return (
    <label className={className} htmlFor={id}>
      {label}
      {multiline ? (
        <textarea rows={rows} {...common} onChange={(e) => autosave.edit(e.target.value)} />
      ) : (
        <input
          type={type}
          inputMode={inputMode}
          {...common}
          onChange={(e) => autosave.edit(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      )}
      <SaveState autosave={autosave} id={`${id}-state`} />
    </label>
  );
}
