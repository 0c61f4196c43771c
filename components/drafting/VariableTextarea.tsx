import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { VARIABLES, type VariableDef } from '../../drafting/variables';
import { i18n } from '../../model/i18n';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  /** A one-line field (a subject) instead of a text area. */
  singleLine?: boolean;
  rows?: number;
  placeholder?: string;
  /** Ids of elements that describe the field (counts, problems). */
  describedBy?: string;
  testId?: string;
}

/** The `{{` typed just before the caret, and what follows it so far. */
function openVariable(value: string, caret: number): { start: number; query: string } | undefined {
  const match = /\{\{\s*([A-Za-z0-9]*)$/.exec(value.slice(0, caret));
  return match ? { start: match.index, query: match[1] ?? '' } : undefined;
}

function suggestionsFor(query: string): VariableDef[] {
  const q = query.toLowerCase();
  const starts = VARIABLES.filter((v) => v.name.toLowerCase().startsWith(q));
  const contains = VARIABLES.filter((v) => !v.name.toLowerCase().startsWith(q) && v.name.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, 8);
}

/**
 * A text field for template text: typing `{{` lists the variables, filtered
 * as the name is typed; arrows choose, Enter or Tab inserts, Escape closes.
 * "Insert variable" below does the same without typing.
 */
export function VariableTextarea({ label, value, onChange, singleLine, rows = 10, placeholder, describedBy, testId }: Props) {
  const id = useId();
  const listId = `${id}-variables`;
  const helpId = `${id}-help`;
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [open, setOpen] = useState<{ start: number; query: string }>();
  const [active, setActive] = useState(0);
  const options = open ? suggestionsFor(open.query) : [];
  const showing = open !== undefined && options.length > 0;

  const track = (next: string, caret: number | null) => {
    const found = caret === null ? undefined : openVariable(next, caret);
    setOpen(found);
    if (found?.query !== open?.query) setActive(0);
  };

  // The caret goes after an inserted variable as soon as the new text is on screen, in the same commit: placed
  // any later (a frame after), it could land after keys the user already typed and move their text.
  const pendingCaret = useRef<{ value: string; position: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const pending = pendingCaret.current;
    if (!pending) return;
    pendingCaret.current = undefined;
    if (pending.value !== value) return;
    field.current?.focus();
    field.current?.setSelectionRange(pending.position, pending.position);
  }, [value]);

  /** Replaces the typed `{{que` (or the selection) with `{{name}}`. */
  const insert = (name: string) => {
    const el = field.current;
    const caret = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? caret;
    const start = open ? open.start : caret;
    // Swallow braces the user already typed after the caret.
    const after = value.slice(end).replace(/^\s*[A-Za-z0-9]*\s*\}\}/, open ? '' : '$&');
    const token = `{{${name}}}`;
    const next = value.slice(0, start) + token + after;
    pendingCaret.current = { value: next, position: start + token.length };
    onChange(next);
    setOpen(undefined);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!showing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const option = options[active];
      if (!option) return;
      event.preventDefault();
      insert(option.name);
    } else if (event.key === 'Escape') {
      // Closing the list must not also close the contact behind it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(undefined);
    }
  };

  const common = {
    id,
    ref: field,
    value,
    placeholder,
    'data-testid': testId,
    'aria-autocomplete': 'list' as const,
    'aria-controls': showing ? listId : undefined,
    'aria-activedescendant': showing ? `${listId}-${active}` : undefined,
    'aria-describedby': [helpId, describedBy].filter(Boolean).join(' '),
    onKeyDown,
    onBlur: () => setOpen(undefined),
    onSelect: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      open && track(e.currentTarget.value, e.currentTarget.selectionStart),
    spellCheck: true,
  };

  return (
    <div className="variable-field">
      <label htmlFor={id}>{label}</label>
      {singleLine ? (
        <input
          {...common}
          onChange={(e) => {
            onChange(e.target.value.replace(/[\r\n]+/g, ' '));
            track(e.target.value, e.target.selectionStart);
          }}
        />
      ) : (
        <textarea
          {...common}
          rows={rows}
          onChange={(e) => {
            onChange(e.target.value);
            track(e.target.value, e.target.selectionStart);
          }}
        />
      )}
      {showing && (
        <ul className="suggestions" role="listbox" id={listId} aria-label={i18n.t('drafting.variables')}>
          {options.map((option, index) => (
            <li
              key={option.name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Keep focus in the field: a click must not blur it before inserting.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insert(option.name)}
            >
              <code>{`{{${option.name}}}`}</code> <span className="muted">{option.hint}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="row variable-tools">
        <span id={helpId} className="muted small">{i18n.t('drafting.typeToInsert', { braces: '{{' })}</span>
        <select
          aria-label={i18n.t('drafting.insertAVariableInto', { label: label.toLowerCase() })}
          value=""
          onChange={(e) => e.target.value && insert(e.target.value)}
        >
          <option value="">{i18n.t('drafting.insertVariable')}</option>
          {VARIABLES.map((v) => (
            <option key={v.name} value={v.name}>
              {v.label} — {`{{${v.name}}}`}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
