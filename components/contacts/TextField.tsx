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
  /** Names the field for the close-time journal (components/use-autosave.ts). */
  journal?: string;
  /** Milliseconds of quiet typing before a write; null writes only on blur, Enter, hide or close (a list typed with commas). */
  delay?: number | null;
  /** A hint's id, read with the field's name. */
  describedBy?: string;
}

const sameText = (a: string, b: string) => a.trim() === b.trim();

/**
 * A field that saves itself as the user types (components/use-autosave.ts), after validation, and says so; a change
 * made elsewhere while it is being edited is shown, never typed over.
 */
export function TextField({ label, value, validate, onSave, multiline, type = 'text', className, placeholder, inputMode, rows = 4, journal, delay, describedBy }: Props) {
  const id = useId();
  const autosave = useAutosave({
    value: value ?? '',
    journal,
    delay,
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
    'aria-describedby': [describedBy, invalid ? `${id}-state` : undefined].filter(Boolean).join(' ') || undefined,
    onBlur: autosave.flush,
  } as const;

  return (
    // The save state sits beside the label, not in it, so that the field's name stays its label.
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
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
      </label>
      <SaveState autosave={autosave} id={`${id}-state`} />
    </div>
  );
}
